/**
 * The SSE stream of one persona reply. Resumable: a client that reconnects with Last-Event-ID
 * gets the deltas it missed and then the rest; a reply that already finished comes as one `done`;
 * a reply another instance is generating is followed through the database.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { and, eq } from 'drizzle-orm';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { attempts, messages } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { AttemptRow } from './access.ts';
import { CONNECTION_DROPPED, startReply } from './generate.ts';
import type { HubEvent } from './reply-hub.ts';

const POLL_MS = 200;

/**
 * Sends hub events in order, merging deltas that arrive before the next timer tick into one SSE
 * event (its id is the last merged index, so Last-Event-ID resumption is unchanged). Idle, that
 * is one event per delta with no added wait; under load, when several model chunks are read in
 * one turn of the event loop, it is one write instead of several (found by npm run bench).
 */
export function coalescingSender(send: (e: HubEvent) => Promise<unknown>) {
  let text = '';
  let index = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (index < 0) return;
    const event: HubEvent = { type: 'delta', index, text };
    text = '';
    index = -1;
    chain = chain.then(() => send(event));
  };
  return {
    /** Queues an event; resolves once it (and everything before it) has been written. */
    push(e: HubEvent): Promise<unknown> {
      if (e.type === 'delta') {
        text += e.text;
        index = e.index;
        timer ??= setTimeout(flush, 0);
        return chain;
      }
      flush();
      chain = chain.then(() => send(e));
      return chain;
    },
    /** Drops anything not yet written (the client went away). */
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
      index = -1;
      text = '';
    },
  };
}

/** Whether the attempt is no longer in progress; null when it is gone. */
async function chatHasEnded(deps: AppDeps, attemptId: string) {
  const [row] = await deps.db
    .select({ status: attempts.status })
    .from(attempts)
    .where(eq(attempts.id, attemptId));
  return row ? row.status !== 'in_progress' : null;
}

function lastEventIndex(c: Context<AppEnv>): number {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  const n = raw === undefined ? -1 : Number(raw);
  return Number.isInteger(n) && n >= -1 ? n : -1;
}

/** Streams reply `replyId` of `attempt` as SSE events `delta`, then `done` or `failed`. */
export async function streamReply(c: Context<AppEnv>, attempt: AttemptRow, replyId: string) {
  const deps = c.var.deps;
  const readRow = async () =>
    (
      await deps.db
        .select()
        .from(messages)
        .where(and(eq(messages.id, replyId), eq(messages.attemptId, attempt.id)))
    )[0];
  // A reply this process is generating for this attempt is followed at once: one read fewer on
  // the path to the first token. Anything else is read (and checked) first.
  const live = deps.replies.isLiveFor(replyId, attempt.id);
  const first = live ? null : await readRow();
  if (!live && (!first || first.speaker !== 'customer'))
    throw new AppError('NOT_FOUND', 'No such reply.');
  const after = lastEventIndex(c);

  return streamSSE(c, async (stream) => {
    const send = (e: HubEvent) =>
      stream.writeSSE(
        e.type === 'delta'
          ? { event: 'delta', id: String(e.index), data: JSON.stringify({ text: e.text }) }
          : e.type === 'done'
            ? {
                event: 'done',
                data: JSON.stringify({ id: replyId, text: e.text, chatEnded: e.chatEnded }),
              }
            : { event: 'failed', data: JSON.stringify({ id: replyId, message: e.message }) },
      );
    let row = first;
    for (;;) {
      if (row?.status === 'complete') {
        // Read now, not with the request: the batch that finished the reply also ended the chat.
        const chatEnded = (await chatHasEnded(deps, attempt.id)) ?? true;
        return void (await send({ type: 'done', text: row.text, chatEnded }));
      }
      if (row?.status === 'failed')
        return void (await send({ type: 'failed', message: row.error ?? CONNECTION_DROPPED }));
      // row is null only for a reply that was live here a moment ago: follow the hub, which
      // keeps a finished reply's last event for late readers.
      if (row === null || (await startReply(deps, attempt.id, replyId))) {
        const followed = await new Promise<boolean>((resolve) => {
          const sender = coalescingSender(send);
          const unsubscribe = deps.replies.subscribe(replyId, after, (e) => {
            const written = sender.push(e);
            if (e.type !== 'delta') void written.then(() => resolve(true));
          });
          if (!unsubscribe) return resolve(false);
          stream.onAbort(() => {
            sender.cancel();
            unsubscribe();
            resolve(true);
          });
        });
        if (followed) return;
      } else {
        // Another instance holds the lease: follow the row until it finishes or the lease lapses.
        await stream.sleep(POLL_MS);
      }
      if (stream.aborted) return;
      const next = await readRow();
      if (!next) return;
      row = next;
    }
  });
}
