/**
 * Follows one customer reply's SSE stream with EventSource. EventSource reconnects by itself
 * after a network drop and sends Last-Event-ID, so the server replays only the deltas missed.
 * The stream is closed on `done` or `failed` (otherwise EventSource would reconnect forever).
 */
import { z } from 'zod';

const deltaData = z.object({ text: z.string() });
const doneData = z.object({ text: z.string(), chatEnded: z.boolean().optional() });
const failedData = z.object({ message: z.string() });

/** What the follower reports. */
export interface ReplyStreamHandlers {
  /** A piece of the reply; `index` is the SSE event id (0, 1, 2…). */
  onDelta: (index: number, text: string) => void;
  /**
   * The whole finished reply; `chatEnded` is false when the chat goes on, true when the customer
   * ended it, undefined when the server did not say (then the attempt should be re-read).
   */
  onDone: (text: string, chatEnded: boolean | undefined) => void;
  /** The reply failed on the server; the learner may retry it. */
  onFailed: (message: string) => void;
  /** The connection dropped and EventSource is reconnecting. */
  onReconnecting: () => void;
  /** The connection is (again) open. */
  onOpen: () => void;
  /** The browser gave up on the stream (e.g. the server refused it): reconcile and reopen. */
  onLost: () => void;
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Opens the stream at `url`; call `close()` to stop following it. */
export function followReply(url: string, on: ReplyStreamHandlers): { close: () => void } {
  const source = new EventSource(url);
  let finished = false;
  const finish = () => {
    finished = true;
    source.close();
  };
  source.addEventListener('delta', (e: MessageEvent) => {
    const data = parse(deltaData, e.data);
    const index = Number(e.lastEventId);
    if (!finished && data && Number.isInteger(index)) on.onDelta(index, data.text);
  });
  source.addEventListener('done', (e: MessageEvent) => {
    if (finished) return;
    finish();
    const data = parse(doneData, e.data);
    if (data) on.onDone(data.text, data.chatEnded);
    else on.onLost();
  });
  source.addEventListener('failed', (e: MessageEvent) => {
    if (finished) return;
    finish();
    on.onFailed(parse(failedData, e.data)?.message ?? "The customer's connection dropped — retry.");
  });
  source.onopen = () => {
    if (!finished) on.onOpen();
  };
  source.onerror = () => {
    if (finished) return;
    if (source.readyState === EventSource.CLOSED) {
      finished = true;
      on.onLost();
    } else on.onReconnecting();
  };
  return { close: finish };
}
