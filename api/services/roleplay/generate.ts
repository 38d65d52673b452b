/**
 * Generates one persona reply: claims the reply row with a lease (so only one instance works on
 * it), runs the engine, relays deltas through the hub, and stores the finished reply, the new
 * director state and any end of the chat in one batch. A model failure leaves the transcript as
 * it was and marks the reply `failed`, for the learner to retry.
 */
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { attempts, messages } from '../../db/schema.ts';
import { directorStateSchema } from '../../roleplay/director.ts';
import type { EngineChunk } from '../../roleplay/engine.ts';
import { PersonaModelError } from '../../roleplay/persona-errors.ts';
import type { SystemEvent, Turn } from '../../transcript/schema.ts';
import { budgetFailure, checkReplyBudget, recordReplyUsage } from './reply-budget.ts';
import { attemptEvents, cardsFor } from './attempts.ts';
import { traceStage } from '../../lib/perf-trace.ts';

/** The message the learner sees when the customer's reply could not be produced. */
export const CONNECTION_DROPPED = "The customer's connection dropped — retry.";

/** Claims a pending (or abandoned) reply for this instance; false when someone else holds it. */
async function claim(deps: AppDeps, replyId: string): Promise<boolean> {
  const now = deps.clock.now();
  const rows = await deps.db
    .update(messages)
    .set({
      status: 'generating',
      leaseUntil: new Date(now.getTime() + deps.config.replyLeaseMs),
      error: null,
    })
    .where(
      and(
        eq(messages.id, replyId),
        or(
          eq(messages.status, 'pending'),
          and(
            eq(messages.status, 'generating'),
            or(isNull(messages.leaseUntil), lt(messages.leaseUntil, now)),
          ),
        ),
      ),
    )
    .returning({ id: messages.id });
  return rows.length === 1;
}

/**
 * Makes sure the reply is being generated: true when it is live in this process (already, or
 * claimed now and started in the background), false when another instance holds its lease or it
 * is no longer pending. `budgetChecked`: the caller has just checked the organisation's token
 * budget for this reply (a send or a retry), so the reply does not read it again.
 */
export async function startReply(
  deps: AppDeps,
  attemptId: string,
  replyId: string,
  opts: { budgetChecked?: boolean } = {},
): Promise<boolean> {
  if (deps.replies.isLive(replyId)) return true;
  const c0 = performance.now();
  if (!(await claim(deps, replyId))) return false;
  traceStage('reply.claimQuery', performance.now() - c0);
  if (deps.replies.isLive(replyId)) return true;
  deps.replies.open(replyId, attemptId);
  const work = runReply(deps, attemptId, replyId, opts.budgetChecked === true);
  deps.background?.(work);
  return true;
}

/** Extends the lease while a reply is being generated, so a long reply is not taken over. */
function keepLease(deps: AppDeps, replyId: string): () => void {
  const timer = setInterval(() => {
    const until = new Date(deps.clock.now().getTime() + deps.config.replyLeaseMs);
    void deps.db
      .update(messages)
      .set({ leaseUntil: until })
      .where(and(eq(messages.id, replyId), eq(messages.status, 'generating')))
      .catch(() => undefined);
  }, deps.config.replyLeaseMs / 3);
  timer.unref?.();
  return () => clearInterval(timer);
}

/** Generates a claimed reply. Never throws: failures are stored on the row and published. */
async function runReply(
  deps: AppDeps,
  attemptId: string,
  replyId: string,
  budgetChecked: boolean,
): Promise<void> {
  const r0 = performance.now();
  const release = keepLease(deps, replyId);
  try {
    // Everything the model call needs, read at once: these reads sit between the learner's
    // send and the model request, so they are part of the first-token latency.
    const [[attempt], chat, stored] = await Promise.all([
      deps.db.select().from(attempts).where(eq(attempts.id, attemptId)),
      deps.db
        .select()
        .from(messages)
        .where(eq(messages.attemptId, attemptId))
        .orderBy(asc(messages.seq)),
      attemptEvents(deps, attemptId),
    ]);
    const reply = chat.find((m) => m.id === replyId);
    if (!attempt || !reply) throw new Error('attempt or reply vanished');
    const turns: Turn[] = chat
      .filter((m) => m.seq < reply.seq)
      .map((m) => ({ speaker: m.speaker, text: m.text }));
    const events: SystemEvent[] = stored.map((e) => ({
      kind: e.kind,
      target: e.target,
      afterTurn: e.afterTurn,
    }));
    const state = directorStateSchema.parse(JSON.parse(attempt.directorState));
    traceStage('reply.reads', performance.now() - r0);
    if (!budgetChecked) await checkReplyBudget(deps, attempt.organisationId);
    traceStage('reply.toModelCall', performance.now() - r0);
    let done: Extract<EngineChunk, { type: 'done' }> | undefined;
    for await (const chunk of deps.persona.respond({
      ...cardsFor(deps, attempt.scenarioId),
      turns,
      events,
      state,
    })) {
      if (chunk.type === 'delta') deps.replies.delta(replyId, chunk.text);
      else done = chunk;
    }
    if (!done) throw new PersonaModelError('cut', 'the reply ended without finishing');
    const now = deps.clock.now();
    const ended = done.endReason !== null && attempt.status === 'in_progress';
    await deps.db.batch([
      deps.db
        .update(messages)
        .set({
          text: done.text,
          status: 'complete',
          leaseUntil: null,
          inputTokens: done.usage.inputTokens,
          outputTokens: done.usage.outputTokens,
          cachedInputTokens: done.usage.cachedInputTokens,
        })
        .where(eq(messages.id, replyId)),
      deps.db
        .update(attempts)
        .set({
          directorState: JSON.stringify(done.state),
          ...(ended
            ? { status: 'ended' as const, endReason: endReasonOf(done.endReason), endedAt: now }
            : {}),
        })
        .where(eq(attempts.id, attemptId)),
    ]);
    await recordReplyUsage(deps, attempt.organisationId, done.usage);
    deps.replies.finish(replyId, { type: 'done', text: done.text, chatEnded: ended });
  } catch (err) {
    const kind = err instanceof PersonaModelError ? err.kind : 'internal';
    deps.logger.error('persona reply failed', {
      attemptId,
      replyId,
      kind,
      error: err instanceof Error ? err.message : String(err),
    });
    const message = budgetFailure(err) ?? CONNECTION_DROPPED;
    await deps.db
      .update(messages)
      .set({ status: 'failed', leaseUntil: null, error: message })
      .where(eq(messages.id, replyId))
      .catch(() => undefined);
    deps.replies.finish(replyId, { type: 'failed', message });
  } finally {
    release();
  }
}

type EndReason = NonNullable<typeof attempts.$inferSelect.endReason>;
const END_REASONS: readonly EndReason[] = [
  'resolved',
  'customer_left',
  'escalated',
  'learner_closed',
  'timed_out',
];
function endReasonOf(reason: string | null): EndReason {
  return END_REASONS.find((r) => r === reason) ?? 'learner_closed';
}

/** Puts a failed reply back to pending so it can be generated again. */
export async function resetFailedReply(deps: AppDeps, replyId: string): Promise<boolean> {
  const rows = await deps.db
    .update(messages)
    .set({ status: 'pending', error: null })
    .where(and(eq(messages.id, replyId), eq(messages.status, 'failed')))
    .returning({ id: messages.id });
  return rows.length === 1;
}
