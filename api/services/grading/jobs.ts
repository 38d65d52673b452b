/**
 * Durable grading jobs. Submitting an attempt queues one grading per rubric pack the scenario
 * evidences; any instance's worker claims due jobs with a lease, grades, and stores the result.
 * A transient failure is retried with back-off; a job left `running` by a crashed instance is
 * taken over when its lease lapses; after the last try the job ends `grading_failed` with the
 * reason. No job stays running forever and no grade is ever invented.
 */
import { and, asc, eq, lte, or } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { attempts, gradings } from '../../db/schema.ts';
import { gradingResultSchema, type GradingResult } from '../../transcript/schema.ts';
import { appendAudit } from '../audit.ts';
import { assertBudgetLeft, recordLlmUsage } from '../llm-budget.ts';
import { AppError } from '../../lib/errors.ts';
import type { AttemptRow } from '../roleplay/access.ts';
import { cardsFor } from '../roleplay/attempts.ts';
import { newId } from '../roleplay/ids.ts';
import { attemptTranscript } from './transcript.ts';

/** Tries before a job is given up as `grading_failed`. */
export const MAX_GRADING_TRIES = 3;
/** Back-off before try n (1-based): 2 s, 8 s, 32 s. */
export const backoffMs = (tries: number) => 2_000 * 4 ** Math.max(0, tries - 1);

type GradingRow = typeof gradings.$inferSelect;

/** Queues gradings for a submitted attempt (once: a repeated submit queues nothing new). */
export async function queueGradings(deps: AppDeps, attempt: AttemptRow): Promise<GradingRow[]> {
  const existing = await deps.db.select().from(gradings).where(eq(gradings.attemptId, attempt.id));
  if (existing.length > 0) return existing;
  return queueRubrics(deps, attempt, cardsFor(deps, attempt.scenarioId).scenario.rubrics);
}

/** Queues one new grading per rubric id (regrading keeps the older gradings). */
export async function queueRubrics(
  deps: AppDeps,
  attempt: AttemptRow,
  rubricIds: string[],
): Promise<GradingRow[]> {
  const now = deps.clock.now();
  const rows: GradingRow[] = [];
  for (const rubricId of rubricIds) {
    const rubric = deps.content.rubrics.find((r) => r.id === rubricId);
    if (!rubric) continue;
    rows.push({
      id: newId('grd'),
      organisationId: attempt.organisationId,
      attemptId: attempt.id,
      rubricId: rubric.id,
      rubricVersion: rubric.version,
      graderMode: deps.grader.mode,
      model: deps.grader.mode === 'llm' ? (deps.llm?.graderModel ?? null) : null,
      promptVersion: null,
      status: 'queued',
      reason: null,
      result: null,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
      costEstimateUsd: null,
      tries: 0,
      runAfter: now,
      leaseUntil: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    });
  }
  if (rows.length > 0) await deps.db.insert(gradings).values(rows);
  return rows;
}

/** Claims the next due job (queued and due, or running with a lapsed lease). */
async function claimNext(deps: AppDeps): Promise<GradingRow | undefined> {
  const now = deps.clock.now();
  const due = or(
    and(eq(gradings.status, 'queued'), lte(gradings.runAfter, now)),
    and(eq(gradings.status, 'running'), lte(gradings.leaseUntil, now)),
  );
  const [candidate] = await deps.db
    .select({ id: gradings.id })
    .from(gradings)
    .where(due)
    .orderBy(asc(gradings.runAfter))
    .limit(1);
  if (!candidate) return undefined;
  const [claimed] = await deps.db
    .update(gradings)
    .set({
      status: 'running',
      leaseUntil: new Date(now.getTime() + deps.config.gradingLeaseMs),
      startedAt: now,
    })
    .where(and(eq(gradings.id, candidate.id), due))
    .returning();
  return claimed;
}

async function finish(deps: AppDeps, job: GradingRow, result: GradingResult) {
  const now = deps.clock.now();
  await deps.db
    .update(gradings)
    .set({
      status: result.status,
      reason: result.status === 'grading_failed' ? (result.reason ?? 'grading failed') : null,
      result: JSON.stringify(result),
      promptVersion: result.grader.promptVersion,
      model: result.grader.model,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      cachedInputTokens: result.usage.cachedInputTokens,
      costEstimateUsd: result.usage.costEstimateUsd ?? null,
      tries: job.tries + 1,
      leaseUntil: null,
      finishedAt: now,
    })
    .where(eq(gradings.id, job.id));
  await appendAudit(deps.db, deps.clock, {
    organisationId: job.organisationId,
    actorId: null,
    action: result.status === 'graded' ? 'grading.completed' : 'grading.failed',
    entityType: 'grading',
    entityId: job.id,
    after: {
      attemptId: job.attemptId,
      rubric: `${job.rubricId}@${job.rubricVersion}`,
      grader: result.grader,
      verdicts: Object.fromEntries(result.criteria.map((c) => [c.id, c.verdict])),
      flags: result.flags,
    },
  });
}

/** Runs one claimed job to `graded`, `grading_failed`, or back to `queued` for a later try. */
async function runJob(deps: AppDeps, job: GradingRow): Promise<void> {
  try {
    const [attempt] = await deps.db.select().from(attempts).where(eq(attempts.id, job.attemptId));
    const rubric = deps.content.rubrics.find(
      (r) => r.id === job.rubricId && r.version === job.rubricVersion,
    );
    if (!attempt || !rubric) {
      return await finish(
        deps,
        job,
        failedResult(job, 'the attempt or the pinned rubric version is no longer available'),
      );
    }
    const refusal = await budgetRefusal(deps, job.organisationId);
    if (refusal) return await finish(deps, job, failedResult(job, refusal));
    const transcript = await attemptTranscript(deps, attempt);
    const result = gradingResultSchema.parse(
      await deps.grader.grade({
        transcript,
        rubric,
        scenario: cardsFor(deps, attempt.scenarioId).scenario,
      }),
    );
    await recordLlmUsage(deps, job.organisationId, result.usage);
    await finish(deps, job, result);
  } catch (err) {
    const tries = job.tries + 1;
    const reason = err instanceof Error ? err.message : String(err);
    deps.logger.error('grading job failed', { gradingId: job.id, tries, error: reason });
    if (tries >= MAX_GRADING_TRIES)
      return finish(deps, job, failedResult(job, `gave up after ${tries} tries: ${reason}`));
    await deps.db
      .update(gradings)
      .set({
        status: 'queued',
        tries,
        leaseUntil: null,
        runAfter: new Date(deps.clock.now().getTime() + backoffMs(tries)),
      })
      .where(eq(gradings.id, job.id));
  }
}

/**
 * The reason an LLM grading may not run (the organisation's token budget is spent), or null.
 * A refused job ends `grading_failed` at once: retrying would not help before an admin acts.
 */
async function budgetRefusal(deps: AppDeps, organisationId: string): Promise<string | null> {
  if (deps.grader.mode !== 'llm') return null;
  try {
    await assertBudgetLeft(deps, organisationId);
    return null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'BUDGET_EXHAUSTED') return err.message;
    throw err;
  }
}

function failedResult(job: GradingRow, reason: string): GradingResult {
  return {
    transcriptId: job.attemptId,
    rubric: { id: job.rubricId, version: job.rubricVersion },
    grader: { mode: job.graderMode, model: job.model, promptVersion: job.promptVersion ?? 'n/a' },
    status: 'grading_failed',
    reason,
    criteria: [],
    flags: ['grading_failed'],
    usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
  };
}

/** Runs due jobs until none is left (up to `max`); returns how many ran. */
export async function runDueGradings(deps: AppDeps, max = 50): Promise<number> {
  let ran = 0;
  while (ran < max) {
    const job = await claimNext(deps);
    if (!job) break;
    await runJob(deps, job);
    ran++;
  }
  return ran;
}

/**
 * The Node worker loop: polls for due jobs with `concurrency` runners until stopped. Returns a
 * stop function that resolves when the current jobs have finished.
 */
export function startGradingWorker(
  deps: AppDeps,
  opts: { concurrency?: number; pollMs?: number } = {},
) {
  const concurrency = opts.concurrency ?? 2;
  const pollMs = opts.pollMs ?? 1_000;
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const ran = await runDueGradings(deps, 1).catch((err: unknown) => {
        deps.logger.error('grading worker error', {
          error: err instanceof Error ? err.message : String(err),
        });
        return 0;
      });
      if (ran === 0 && !stopped) await new Promise((r) => setTimeout(r, pollMs));
    }
  };
  const runners = Array.from({ length: concurrency }, loop);
  return async () => {
    stopped = true;
    await Promise.all(runners);
  };
}

/** The gradings of an attempt, newest first, as readers see them. */
export async function attemptGradings(deps: Pick<AppDeps, 'db'>, attemptId: string) {
  const rows = await deps.db
    .select()
    .from(gradings)
    .where(eq(gradings.attemptId, attemptId))
    .orderBy(asc(gradings.createdAt));
  return rows.map((g) => ({
    id: g.id,
    rubric: { id: g.rubricId, version: g.rubricVersion },
    graderMode: g.graderMode,
    model: g.model,
    promptVersion: g.promptVersion,
    status: g.status,
    reason: g.reason,
    result: g.result ? gradingResultSchema.parse(JSON.parse(g.result)) : null,
    createdAt: g.createdAt.toISOString(),
    finishedAt: g.finishedAt?.toISOString() ?? null,
  }));
}
