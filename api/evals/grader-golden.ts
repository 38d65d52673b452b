/**
 * The grader-golden suite: grade every labelled transcript and measure agreement with the
 * assessors' labels per criterion (Cohen's κ, accuracy, confusion matrix), against a κ floor.
 */
import { agreement } from '../grading/kappa.ts';
import type { EvalContext, SuitePlan } from './context.ts';
import { gradingProblem, loadLabelledSuite, verdictsOf } from './grader-common.ts';
import { figure, ratio, type CaseResult, type Figure } from './result.ts';
import type { GraderGoldenSuite } from './suite-schema.ts';

type Verdicts = Record<string, 'met' | 'not_yet' | null>;

/** Plans a grader-golden suite. */
export async function planGraderGolden(
  suite: GraderGoldenSuite,
  ctx: EvalContext,
): Promise<SuitePlan> {
  const { cases, rubric, versions } = await loadLabelledSuite(suite, ctx);
  const graded = new Map<string, Verdicts>();
  return {
    versions,
    cases: cases.map((c) => ({
      id: c.file.replace(/\.json$/, ''),
      run: async (): Promise<CaseResult> => {
        const id = c.file.replace(/\.json$/, '');
        const result = await ctx.grader.grade({ transcript: c.transcript, rubric });
        const problem = gradingProblem(result, suite.criteria);
        if (problem) return { id, outcome: 'error', summary: problem, details: {} };
        const got = verdictsOf(result, suite.criteria);
        graded.set(id, got);
        const rows = suite.criteria.map((k) => ({
          criterion: k,
          label: c.labels[k].verdict,
          got: got[k],
        }));
        const wrong = rows.filter((r) => r.label !== r.got);
        return {
          id,
          outcome: wrong.length === 0 ? 'pass' : 'fail',
          summary:
            wrong.length === 0
              ? 'agrees with the labels'
              : wrong.map((r) => `${r.criterion}: labelled ${r.label}, graded ${r.got}`).join('; '),
          // The transcript goes with the case so a failing one can be read in the web view.
          details: {
            transcriptId: c.transcript.id,
            verdicts: rows,
            flags: result.flags,
            transcript: c.transcript.turns,
            caseNotes: c.transcript.caseNotes,
          },
        };
      },
    })),
    figures: (results) => goldenFigures(suite, cases, graded, results),
  };
}

function goldenFigures(
  suite: GraderGoldenSuite,
  cases: { file: string; labels: Record<string, { verdict: 'met' | 'not_yet' }> }[],
  graded: Map<string, Verdicts>,
  results: CaseResult[],
): Figure[] {
  const figures: Figure[] = [];
  for (const criterion of suite.criteria) {
    const pairs: [boolean, boolean][] = [];
    for (const c of cases) {
      const got = graded.get(c.file.replace(/\.json$/, ''))?.[criterion];
      const label = c.labels[criterion]?.verdict;
      if (got && label) pairs.push([got === 'met', label === 'met']);
    }
    const a = agreement(pairs);
    const min = suite.kappa.perCriterion[criterion] ?? suite.kappa.min;
    const kappa = a.kappa === null ? null : Math.round(a.kappa * 1000) / 1000;
    // Rows are the grader, columns the label: aMetBNotYet is a false "met".
    figures.push(
      figure(`kappa.${criterion}`, kappa, { op: '>=', value: min }, { ...a.confusion, n: a.n }),
    );
    figures.push(
      figure(
        `accuracy.${criterion}`,
        a.percentAgreement === null ? null : ratio(a.percentAgreement, 100),
      ),
    );
  }
  const errors = results.filter((r) => r.outcome === 'error').length;
  figures.push(figure('grading_errors', errors, { op: '<=', value: 0 }));
  return figures;
}
