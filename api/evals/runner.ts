/**
 * Runs eval suites: plans each suite (checking its references), runs every case of every suite
 * through one bounded pool with one progress bar, then works out figures and pass/fail.
 */
import { planConsistency } from './consistency.ts';
import type { EvalContext, SuitePlan } from './context.ts';
import { planGraderGolden } from './grader-golden.ts';
import { planGraderInjection } from './grader-injection.ts';
import { planLearnerSimulation } from './learner-simulation.ts';
import { planPersonaFidelity } from './persona/suite.ts';
import { mapPool } from './pool.ts';
import type { Progress } from './progress.ts';
import type { CaseResult, SuiteResult } from './result.ts';
import type { Suite } from './suite-schema.ts';

/** Turns a suite into a plan; throws SuitePlanError for a broken reference. */
export async function planSuite(suite: Suite, ctx: EvalContext): Promise<SuitePlan> {
  switch (suite.kind) {
    case 'persona-fidelity':
      return planPersonaFidelity(suite, ctx);
    case 'grader-golden':
      return planGraderGolden(suite, ctx);
    case 'grader-injection':
      return planGraderInjection(suite, ctx);
    case 'consistency':
      return planConsistency(suite, ctx);
    case 'learner-simulation':
      return planLearnerSimulation(suite, ctx);
  }
}

/** How a run is carried out. */
export interface RunOptions {
  concurrency: number;
  /** Progress for `total` cases (the CLI draws a bar; tests pass a recorder). */
  progress: (total: number) => Progress;
  now: () => number;
  newRunId: () => string;
  /**
   * Called with each case's result as soon as it finishes, before it counts as done (web runs
   * store it, so progress survives a reload). A rejection fails the run.
   */
  onCase?: (suiteIndex: number, result: CaseResult) => Promise<void>;
}

/** Plans every suite first (so a broken one fails before anything runs), then runs them all. */
export async function runSuites(
  suites: readonly Suite[],
  ctx: EvalContext,
  opts: RunOptions,
): Promise<SuiteResult[]> {
  const plans: SuitePlan[] = [];
  for (const suite of suites) plans.push(await planSuite(suite, ctx));
  const jobs = plans.flatMap((plan, s) => plan.cases.map((c) => ({ s, c })));
  const progress = opts.progress(jobs.length);
  const started = suites.map(() => opts.now());
  const results = await mapPool(jobs, opts.concurrency, async ({ s, c }) => {
    const result = await runCase(c.id, c.run);
    await opts.onCase?.(s, result);
    progress.tick(`${suites[s]?.id ?? ''} ${c.id}`, result.outcome);
    return { s, result };
  });
  progress.done();
  return suites.map((suite, s) => {
    const plan = plans[s] as SuitePlan;
    const cases = results.filter((r) => r.s === s).map((r) => r.result);
    const figures = plan.skipped ? [] : plan.figures(cases);
    const failed = figures.some((f) => f.passed === false);
    return {
      runId: opts.newRunId(),
      suite: suite.id,
      kind: suite.kind,
      title: suite.title,
      mode: ctx.mode,
      status: plan.skipped ? 'skipped' : failed ? 'failed' : 'passed',
      ...(plan.skipped ? { reason: plan.skipped } : {}),
      versions: plan.versions,
      figures,
      cases,
      startedAt: started[s] ?? opts.now(),
      finishedAt: opts.now(),
    };
  });
}

/** Runs one case; an unexpected exception becomes an `error` outcome with its message. */
async function runCase(id: string, run: () => Promise<CaseResult>): Promise<CaseResult> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { id, outcome: 'error', summary: `error: ${message}`, details: {} };
  }
}
