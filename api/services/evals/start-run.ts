/**
 * Starts eval suites from the web: checks every suite and plans it before anything runs (so a
 * bad request fails at once), stores one `running` run per suite (and registers it in this
 * process for the queued state), then runs the suites one after another in the background,
 * storing each case as it finishes and the figures at the end, and writes the same report files
 * as `npm run evals` where the runtime can.
 */
import type { Db } from '../../db/client.ts';
import { SuitePlanError, type EvalContext, type SuitePlan } from '../../evals/context.ts';
import { planSuite, runSuites } from '../../evals/runner.ts';
import { failRun, finishRun, insertCase, insertRunningRun } from '../../evals/live-store.ts';
import { emptyVersions, type SuiteResult } from '../../evals/result.ts';
import { SuiteError, formatSuiteIssue } from '../../evals/suite-load.ts';
import type { Suite } from '../../evals/suite-schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import type { LiveRun, LiveRuns } from './live-runs.ts';
import type { EvalSource } from './source.ts';
import { applyOverrides, type ContentOverrides } from './stored-content.ts';

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
  /** Stored persona/scenario versions to run instead of the shipped files. */
  content?: ContentOverrides;
  /** Set with `content`: the organisation whose stored versions run, the only one to see them. */
  organisationId?: string;
}

/** Loads and plans the suites; bad suites become VALIDATION_FAILED, skips become CONFLICT. */
async function prepare(deps: StartRunDeps, input: StartRunInput) {
  let suites: Suite[];
  let ctx: EvalContext;
  const plans: SuitePlan[] = [];
  try {
    suites = await deps.source.loadSuites(input.suiteIds);
    const built = await deps.source.buildContext(input.live);
    ctx = input.content
      ? { ...built, content: applyOverrides(built.content, input.content) }
      : built;
    for (const suite of suites) {
      const plan = await planSuite(suite, ctx);
      plans.push(plan);
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
  return { suites, ctx, plans };
}

/** Runs one suite, storing each case as it finishes and the result at the end. */
async function runOne(
  deps: StartRunDeps,
  run: LiveRun,
  suite: Suite,
  ctx: EvalContext,
): Promise<SuiteResult> {
  deps.runs.update(run.runId, { status: 'running' });
  let done = 0;
  const [result] = await runSuites([suite], ctx, {
    concurrency: deps.source.concurrency,
    onCase: (_suite, c) => insertCase(deps.db, run.runId, c),
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
  await finishRun(deps.db, result);
  deps.runs.update(run.runId, { status: result.status, finishedAt: deps.now() });
  return result;
}

/** Writes the batch's report files where the source can (Node); a failure is only logged. */
async function writeBatchReports(deps: StartRunDeps, results: SuiteResult[]) {
  if (!deps.source.writeReports || results.length === 0) return;
  try {
    const files = await deps.source.writeReports(results, new Date(deps.now()));
    deps.logger.info('eval reports written', { ...files });
  } catch (err) {
    deps.logger.error('eval reports not written', { error: String(err) });
  }
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
  const { suites, ctx, plans } = prepared;
  const startedAt = deps.now();
  const runs: LiveRun[] = suites.map((s, i) => ({
    runId: deps.newRunId(),
    suite: s.id,
    kind: s.kind,
    title: s.title,
    mode: ctx.mode,
    status: 'queued',
    done: 0,
    total: plans[i]?.cases.length ?? null,
    startedAt,
    finishedAt: null,
    startedBy: input.startedBy,
    error: null,
  }));
  try {
    // Stored before the response, so a reload or another designer sees the runs at once.
    for (const [i, run] of runs.entries()) {
      await insertRunningRun(deps.db, {
        ...run,
        versions: plans[i]?.versions ?? emptyVersions(),
        total: run.total ?? 0,
        organisationId: input.organisationId ?? null,
      });
    }
  } catch (err) {
    // Rows already written must not stay `running`: end them as errors before refusing.
    for (const run of runs)
      await failRun(deps.db, run, 'The run could not be started.', deps.now()).catch(() => {});
    deps.runs.release();
    throw err;
  }
  for (const run of runs) deps.runs.add(run);
  const work = (async () => {
    const results: SuiteResult[] = [];
    try {
      for (const [i, run] of runs.entries()) {
        const suite = suites[i];
        if (!suite) continue;
        try {
          results.push(await runOne(deps, run, suite, ctx));
        } catch (err) {
          deps.logger.error('eval run failed', { runId: run.runId, error: String(err) });
          const error = 'The run failed on the server; see the server log.';
          deps.runs.update(run.runId, { status: 'error', error, finishedAt: deps.now() });
          await failRun(deps.db, run, error, deps.now()).catch((e: unknown) =>
            deps.logger.error('eval run not marked failed', { runId: run.runId, error: String(e) }),
          );
        }
      }
    } finally {
      deps.runs.release();
    }
    // Every run is stored by now; the files are a copy, so the next batch need not wait for them.
    await writeBatchReports(deps, results);
  })();
  return { runs, work };
}
