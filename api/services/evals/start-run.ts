/**
 * Starts eval suites from the web: checks every suite and plans it before anything runs (so a
 * bad request fails at once), registers one live run per suite, then runs the suites one after
 * another in the background, storing each result like `npm run evals` does.
 */
import type { Db } from '../../db/client.ts';
import { SuitePlanError, type EvalContext } from '../../evals/context.ts';
import { planSuite, runSuites } from '../../evals/runner.ts';
import { saveRun } from '../../evals/store.ts';
import { SuiteError, formatSuiteIssue } from '../../evals/suite-load.ts';
import type { Suite } from '../../evals/suite-schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import type { LiveRun, LiveRuns } from './live-runs.ts';
import type { EvalSource } from './source.ts';

/** What starting a run needs from the app. */
export interface StartRunDeps {
  db: Db;
  source: EvalSource;
  runs: LiveRuns;
  logger: Logger;
  now: () => number;
  newRunId: () => string;
}

/** Which suites, in which mode, for whom. */
export interface StartRunInput {
  suiteIds: string[];
  live: boolean;
  startedBy: string;
}

/** Loads and plans the suites; bad suites become VALIDATION_FAILED, skips become CONFLICT. */
async function prepare(deps: StartRunDeps, input: StartRunInput) {
  let suites: Suite[];
  let ctx: EvalContext;
  try {
    suites = await deps.source.loadSuites(input.suiteIds);
    ctx = await deps.source.buildContext(input.live);
    for (const suite of suites) {
      const plan = await planSuite(suite, ctx);
      if (plan.skipped) {
        throw new AppError(
          'CONFLICT',
          `Suite "${suite.id}" cannot run ${ctx.mode === 'live' ? 'live' : 'offline'}: ${plan.skipped}.`,
        );
      }
    }
  } catch (err) {
    if (err instanceof SuiteError) {
      const issues = err.issues.map(formatSuiteIssue);
      throw new AppError('VALIDATION_FAILED', `Invalid suite: ${issues[0] ?? ''}`, { issues });
    }
    if (err instanceof SuitePlanError) throw new AppError('VALIDATION_FAILED', err.message);
    throw err;
  }
  return { suites, ctx };
}

/** Runs one suite, keeping its live run up to date, and stores the result. */
async function runOne(deps: StartRunDeps, run: LiveRun, suite: Suite, ctx: EvalContext) {
  deps.runs.update(run.runId, { status: 'running' });
  let done = 0;
  const [result] = await runSuites([suite], ctx, {
    concurrency: deps.source.concurrency,
    progress: (total) => {
      deps.runs.update(run.runId, { total });
      return {
        tick: () => deps.runs.update(run.runId, { done: ++done }),
        done: () => {},
      };
    },
    now: deps.now,
    newRunId: () => run.runId,
  });
  if (!result || result.status === 'skipped')
    throw new Error(`suite ${suite.id} produced no result`);
  await saveRun(deps.db, result, run.startedBy);
  deps.runs.update(run.runId, { status: result.status, finishedAt: deps.now() });
}

/**
 * Starts a batch. Returns the registered runs and the work promise (which never rejects: a
 * failure marks the remaining runs `error`). CONFLICT while another batch is running.
 */
export async function startEvalRun(
  deps: StartRunDeps,
  input: StartRunInput,
): Promise<{ runs: LiveRun[]; work: Promise<void> }> {
  if (!deps.runs.claim()) {
    const active = deps.runs.active()[0];
    throw new AppError(
      'CONFLICT',
      `An eval run is already in progress${active ? ` (${active.suite})` : ''}. Wait for it to finish.`,
    );
  }
  let prepared;
  try {
    prepared = await prepare(deps, input);
  } catch (err) {
    deps.runs.release();
    throw err;
  }
  const { suites, ctx } = prepared;
  const startedAt = deps.now();
  const runs: LiveRun[] = suites.map((s) => ({
    runId: deps.newRunId(),
    suite: s.id,
    kind: s.kind,
    title: s.title,
    mode: ctx.mode,
    status: 'queued',
    done: 0,
    total: null,
    startedAt,
    finishedAt: null,
    startedBy: input.startedBy,
    error: null,
  }));
  for (const run of runs) deps.runs.add(run);
  const work = (async () => {
    try {
      for (const [i, run] of runs.entries()) {
        const suite = suites[i];
        if (!suite) continue;
        try {
          await runOne(deps, run, suite, ctx);
        } catch (err) {
          deps.logger.error('eval run failed', { runId: run.runId, error: String(err) });
          deps.runs.update(run.runId, {
            status: 'error',
            error: 'The run failed on the server; see the server log.',
            finishedAt: deps.now(),
          });
        }
      }
    } finally {
      deps.runs.release();
    }
  })();
  return { runs, work };
}
