/**
 * Sending a learner message: stored (with the persona reply placeholder) before it is
 * acknowledged; a retry with the same client message id returns what was stored.
 */
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { messages } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { AttemptRow } from './access.ts';
import { messageView } from './attempts.ts';
import { newId } from './ids.ts';

/** What the client gets back: its stored message and the id of the reply to stream. */
export interface SendResult {
  message: ReturnType<typeof messageView>;
  reply: ReturnType<typeof messageView>;
  created: boolean;
}

async function replyAfter(deps: AppDeps, attemptId: string, seq: number) {
  const [reply] = await deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.attemptId, attemptId), eq(messages.seq, seq + 1)));
  return reply;
}

/**
 * Stores a learner message and a pending persona reply. `beforeStore` runs only for a new message
 * (not for a retried one, which returns what was stored) and may refuse it by throwing.
 */
export async function sendMessage(
  deps: AppDeps,
  attempt: AttemptRow,
  input: { clientMessageId: string; text: string },
  opts: { beforeStore?: () => Promise<void> } = {},
): Promise<SendResult> {
  const { db, clock } = deps;
  // One read for both questions of a send: was this message stored already (a retry), and what
  // is the last message of the chat (whose turn is it)?
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.attemptId, attempt.id),
        or(
          eq(messages.clientMessageId, input.clientMessageId),
          eq(
            messages.seq,
            sql`(select max(${messages.seq}) from ${messages} where ${messages.attemptId} = ${attempt.id})`,
          ),
        ),
      ),
    )
    .orderBy(asc(messages.seq));
  const existing = rows.find((m) => m.clientMessageId === input.clientMessageId);
  const last = rows.at(-1);
  if (existing) {
    const reply =
      last?.seq === existing.seq + 1 ? last : await replyAfter(deps, attempt.id, existing.seq);
    if (!reply) throw new AppError('INTERNAL', 'stored message has no reply row');
    return { message: messageView(existing), reply: messageView(reply), created: false };
  }
  if (attempt.status !== 'in_progress') {
    throw new AppError('CONFLICT', 'This chat has ended; no more messages can be sent.');
  }
  if (!last) throw new AppError('INTERNAL', 'attempt has no opening message');
  if (last.speaker !== 'customer' || last.status !== 'complete') {
    throw new AppError(
      'CONFLICT',
      'Wait for the customer to reply before sending another message.',
    );
  }
  await opts.beforeStore?.();
  const now = clock.now();
  const message = {
    id: newId('msg'),
    attemptId: attempt.id,
    seq: last.seq + 1,
    speaker: 'agent' as const,
    text: input.text,
    clientMessageId: input.clientMessageId,
    status: 'complete' as const,
    createdAt: now,
  };
  const reply = {
    id: newId('msg'),
    attemptId: attempt.id,
    seq: last.seq + 2,
    speaker: 'customer' as const,
    text: '',
    status: 'pending' as const,
    createdAt: now,
  };
  try {
    await db.batch([db.insert(messages).values(message), db.insert(messages).values(reply)]);
  } catch (err) {
    // Two sends raced for the same seq: the loser is told to wait, nothing is half-stored.
    if (String(err).includes('UNIQUE')) {
      throw new AppError(
        'CONFLICT',
        'Wait for the customer to reply before sending another message.',
      );
    }
    throw err;
  }
  // The views come from the rows just stored (no read-back: every field is known here).
  const stored = { leaseUntil: null, error: null, inputTokens: 0, outputTokens: 0 };
  return {
    message: messageView({ ...message, ...stored, cachedInputTokens: 0 }),
    reply: messageView({ ...reply, ...stored, clientMessageId: null, cachedInputTokens: 0 }),
    created: true,
  };
}
