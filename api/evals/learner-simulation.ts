/**
 * The learner-simulation suite (live only): a model plays the learner (skilled, average or poor)
 * against the persona, the grader grades the chat, and the verdicts are checked against
 * expectations and for order: per scenario, more criteria met the more skilled the learner.
 * Offline there is no model to play the learner, so the suite is skipped with `needs --live`.
 */
import type { Transcript, Turn } from '../transcript/schema.ts';
import { SuitePlanError, type EvalContext, type SuitePlan } from './context.ts';
import { figure, ratio, type CaseResult } from './result.ts';
import { learnerSkill, type LearnerSimulationSuite } from './suite-schema.ts';
import { versionsOf } from './versions.ts';

/** Plans a learner-simulation suite. */
export function planLearnerSimulation(suite: LearnerSimulationSuite, ctx: EvalContext): SuitePlan {
  const rubric = ctx.content.rubrics.find((r) => r.id === suite.rubric);
  if (!rubric)
    throw new SuitePlanError(suite.id, 'rubric', `unknown rubric pack "${suite.rubric}"`);
  const cards = suite.cases.map((c, i) => {
    const scenario = ctx.content.scenarios.find((s) => s.id === c.scenario);
    const persona = ctx.content.personas.find((p) => p.id === scenario?.persona);
    if (!scenario || !persona)
      throw new SuitePlanError(suite.id, `cases.${i}.scenario`, `unknown scenario "${c.scenario}"`);
    return { c, scenario, persona };
  });
  const versions = versionsOf({
    personas: cards.map((x) => x.persona),
    scenarios: cards.map((x) => x.scenario),
    rubrics: [rubric],
    prompts: { ...ctx.promptVersions, learner: 'learner-sim@1.0.0' },
  });
  const learner = ctx.learner;
  if (ctx.mode === 'offline' || !learner)
    return { versions, cases: [], figures: () => [], skipped: 'needs --live' };
  return {
    versions,
    cases: cards.map(({ c, scenario, persona }) => ({
      id: c.id,
      run: async (): Promise<CaseResult> => {
        const opening = await ctx.persona.open({ scenario, persona });
        let state = opening.state;
        const turns: Turn[] = [{ speaker: 'customer', text: opening.text }];
        for (let i = 0; i < c.maxTurns && !state.ended; i++) {
          const text = await learner.next({ brief: scenario.brief, style: c.learner, turns });
          turns.push({ speaker: 'agent', text });
          for await (const chunk of ctx.persona.respond({
            scenario,
            persona,
            turns: [...turns],
            events: [],
            state,
          })) {
            if (chunk.type === 'done') {
              state = chunk.state;
              turns.push({ speaker: 'customer', text: chunk.text });
            }
          }
        }
        const transcript: Transcript = {
          id: `sim-${c.id}`,
          channel: 'webchat',
          scenario: scenario.id,
          turns,
          caseNotes: '',
        };
        const result = await ctx.grader.grade({ transcript, rubric, scenario });
        const wrong = Object.entries(c.expect).filter(
          ([k, v]) => result.criteria.find((r) => r.id === k)?.verdict !== v,
        );
        return {
          id: c.id,
          outcome:
            result.status === 'grading_failed' ? 'error' : wrong.length === 0 ? 'pass' : 'fail',
          summary:
            result.status === 'grading_failed'
              ? `grading failed: ${result.reason ?? 'no reason given'}`
              : wrong.length === 0
                ? 'verdicts as expected'
                : `unexpected verdicts on ${wrong.map(([k]) => k).join(', ')}`,
          details: {
            transcript: turns,
            endReason: state.ended ?? null,
            criteria: result.criteria.map((r) => ({ id: r.id, verdict: r.verdict })),
          },
        };
      },
    })),
    figures: (results) => [
      figure(
        'case_pass_rate',
        ratio(results.filter((r) => r.outcome === 'pass').length, results.length),
        {
          op: '>=',
          value: suite.threshold,
        },
      ),
      orderingFigure(suite, results),
    ],
  };
}

/** Criteria graded `met` in a case's stored details (null when it was not graded). */
function metCount(result: CaseResult | undefined): number | null {
  if (!result || result.outcome === 'error') return null;
  const criteria = result.details.criteria;
  if (!Array.isArray(criteria)) return null;
  return criteria.filter(
    (c: unknown) => c && typeof c === 'object' && 'verdict' in c && c.verdict === 'met',
  ).length;
}

/**
 * `verdict_ordering`: the share of scenarios (with at least two skill levels) where each more
 * skilled learner has strictly more criteria met than the less skilled one before it (a tie
 * does not order them). A scenario with an errored case is not ordered.
 */
export function orderingFigure(suite: LearnerSimulationSuite, results: readonly CaseResult[]) {
  const byScenario = new Map<string, Map<string, number | null>>();
  for (const c of suite.cases) {
    const levels = byScenario.get(c.scenario) ?? new Map<string, number | null>();
    levels.set(c.learner, metCount(results.find((r) => r.id === c.id)));
    byScenario.set(c.scenario, levels);
  }
  const detail: Record<string, Record<string, number | null>> = {};
  let compared = 0;
  let ordered = 0;
  for (const [scenario, levels] of byScenario) {
    if (levels.size < 2) continue;
    compared += 1;
    const counts = learnerSkill.options
      .filter((l) => levels.has(l))
      .map((l) => levels.get(l) ?? null);
    detail[scenario] = Object.fromEntries(levels);
    const known = counts.filter((n): n is number => n !== null);
    if (known.length !== counts.length) continue;
    if (known.every((n, i) => i === 0 || n > (known[i - 1] ?? 0))) ordered += 1;
  }
  // Nothing to order (one level per scenario): reported, but no threshold to fail.
  if (compared === 0) return figure('verdict_ordering', null, undefined, { ordered, compared });
  return figure(
    'verdict_ordering',
    ratio(ordered, compared),
    { op: '>=', value: suite.orderingThreshold },
    { metByScenario: detail, ordered, compared },
  );
}
