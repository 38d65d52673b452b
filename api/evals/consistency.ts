/**
 * The consistency suite: each transcript is graded several times as is, and once per
 * perturbation (whitespace, swapped names); every verdict is compared with the first grading.
 */
import type { EvalContext, SuitePlan } from './context.ts';
import { CORE_CRITERIA } from './golden.ts';
import { gradingProblem, loadLabelledSuite, verdictsOf } from './grader-common.ts';
import { findNames, perturb } from './perturb.ts';
import { figure, ratio, type CaseResult } from './result.ts';
import type { ConsistencySuite } from './suite-schema.ts';

interface Tally {
  agreed: number;
  total: number;
}

/** Plans a consistency suite. */
export async function planConsistency(
  suite: ConsistencySuite,
  ctx: EvalContext,
): Promise<SuitePlan> {
  const { cases, rubric, versions } = await loadLabelledSuite(suite, ctx);
  const criteria = CORE_CRITERIA.filter((k) => rubric.criteria.some((c) => c.id === k));
  const tallies = new Map<string, Tally>();
  let namesSwapped = 0;
  const variantsOf = () => [
    ...Array.from({ length: suite.repeats - 1 }, (_, i) => ({
      label: `repeat ${i + 2}`,
      kind: 'repeat',
    })),
    ...suite.perturbations.map((p) => ({ label: p, kind: p })),
  ];
  return {
    versions,
    cases: cases.map((c) => ({
      id: c.file.replace(/\.json$/, ''),
      run: async (): Promise<CaseResult> => {
        const id = c.file.replace(/\.json$/, '');
        const grade = async (kind: string) => {
          const transcript =
            kind === 'repeat' || kind === 'base'
              ? c.transcript
              : perturb(c.transcript, kind === 'whitespace' ? 'whitespace' : 'swap_names');
          const result = await ctx.grader.grade({ transcript, rubric });
          const problem = gradingProblem(result, criteria);
          if (problem) throw new Error(`${kind}: ${problem}`);
          return verdictsOf(result, criteria);
        };
        let base;
        const disagreements: string[] = [];
        try {
          base = await grade('base');
          for (const v of variantsOf()) {
            const got = await grade(v.kind);
            for (const k of criteria) {
              const tally = tallies.get(v.kind) ?? { agreed: 0, total: 0 };
              tally.total += 1;
              if (got[k] === base[k]) tally.agreed += 1;
              else disagreements.push(`${v.label}: ${k} ${base[k]} → ${got[k]}`);
              tallies.set(v.kind, tally);
            }
          }
        } catch (err) {
          return {
            id,
            outcome: 'error',
            summary: err instanceof Error ? err.message : String(err),
            details: {},
          };
        }
        if (findNames(c.transcript).length > 0) namesSwapped += 1;
        return {
          id,
          outcome: disagreements.length === 0 ? 'pass' : 'fail',
          summary: disagreements.length === 0 ? 'all verdicts agree' : disagreements.join('; '),
          details: {
            transcriptId: c.transcript.id,
            base,
            disagreements,
            names: findNames(c.transcript),
          },
        };
      },
    })),
    figures: (results) => {
      const all = [...tallies.values()].reduce(
        (a, t) => ({ agreed: a.agreed + t.agreed, total: a.total + t.total }),
        { agreed: 0, total: 0 },
      );
      return [
        figure('verdict_agreement', ratio(all.agreed, all.total), {
          op: '>=',
          value: suite.threshold,
        }),
        ...[...tallies.entries()].map(([kind, t]) =>
          figure(`agreement.${kind}`, ratio(t.agreed, t.total), undefined, { ...t }),
        ),
        figure('transcripts_with_names_swapped', namesSwapped),
        figure('grading_errors', results.filter((r) => r.outcome === 'error').length, {
          op: '<=',
          value: 0,
        }),
      ];
    },
  };
}
