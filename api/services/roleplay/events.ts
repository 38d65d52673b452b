/**
 * System-usage events from the systems panel (CRM opened, identity verified, knowledge-base
 * searched or opened, account actions). Each is stored with its time and the turn it followed —
 * evidence for the systems criteria — and read by the director on the next learner turn.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { messages, systemEvents } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { AttemptRow } from './access.ts';
import { cardsFor } from './attempts.ts';
import { newId } from './ids.ts';

export const systemEventInput = z.strictObject({
  clientEventId: z
    .string()
    .min(8)
    .max(80)
    .regex(/^[A-Za-z0-9_-]+$/),
  kind: z.enum(['crm_open', 'security_check', 'kb_search', 'kb_open', 'action']),
  target: z.string().min(1).max(80),
  detail: z.string().max(200).optional(),
});

export type SystemEventInput = z.infer<typeof systemEventInput>;

/** Checks the event names something that exists in this scenario's systems. */
function checkTarget(deps: AppDeps, attempt: AttemptRow, input: SystemEventInput): void {
  const { scenario } = cardsFor(deps, attempt.scenarioId);
  const ok =
    input.kind === 'action'
      ? scenario.systems.actions.some((a) => a.id === input.target)
      : input.kind === 'kb_open'
        ? scenario.systems.knowledgeBase.some((a) => a.id === input.target)
        : input.kind === 'kb_search'
          ? input.target === 'kb'
          : input.target === 'crm';
  if (!ok)
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown ${input.kind} target "${input.target}" for this scenario.`,
    );
}

/** Stores an event once per client event id. */
export async function recordSystemEvent(
  deps: AppDeps,
  attempt: AttemptRow,
  input: SystemEventInput,
) {
  const { db, clock } = deps;
  const [existing] = await db
    .select()
    .from(systemEvents)
    .where(
      and(
        eq(systemEvents.attemptId, attempt.id),
        eq(systemEvents.clientEventId, input.clientEventId),
      ),
    );
  if (existing) return { event: view(existing), created: false };
  if (attempt.status !== 'in_progress')
    throw new AppError('CONFLICT', 'This chat has ended; the systems are closed.');
  checkTarget(deps, attempt, input);
  const [last] = await db
    .select({ seq: messages.seq })
    .from(messages)
    .where(and(eq(messages.attemptId, attempt.id), inArray(messages.status, ['complete'])))
    .orderBy(desc(messages.seq))
    .limit(1);
  const row = {
    id: newId('evt'),
    attemptId: attempt.id,
    clientEventId: input.clientEventId,
    kind: input.kind,
    target: input.target,
    detail: input.detail ?? null,
    afterTurn: last?.seq ?? -1,
    createdAt: clock.now(),
  };
  await db.insert(systemEvents).values(row);
  return { event: view(row), created: true };
}

function view(e: typeof systemEvents.$inferSelect) {
  return {
    id: e.id,
    kind: e.kind,
    target: e.target,
    detail: e.detail,
    afterTurn: e.afterTurn,
    createdAt: e.createdAt.toISOString(),
  };
}
