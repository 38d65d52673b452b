/**
 * In-process fan-out of persona replies being generated: every delta is kept until the reply is
 * finished, so a client that reconnects (with Last-Event-ID) gets what it missed, then the rest.
 * The database stays the source of truth; the hub only carries text that is not stored yet.
 */

/** What a subscriber is told. */
export type HubEvent =
  | { type: 'delta'; index: number; text: string }
  /** `chatEnded`: the customer ended the chat with this reply. */
  | { type: 'done'; text: string; chatEnded: boolean }
  | { type: 'failed'; message: string };

interface Entry {
  attemptId: string;
  deltas: string[];
  final?: HubEvent;
  listeners: Set<(e: HubEvent) => void>;
}

/** Live replies of this process. */
export class ReplyHub {
  private readonly entries = new Map<string, Entry>();

  /** Marks a reply of `attemptId` as being generated here (a regenerated reply starts from nothing). */
  open(replyId: string, attemptId: string): void {
    this.entries.set(replyId, { attemptId, deltas: [], listeners: new Set() });
  }

  /** True while this process is generating the reply (not once it has finished). */
  isLive(replyId: string): boolean {
    const entry = this.entries.get(replyId);
    return entry !== undefined && entry.final === undefined;
  }

  /**
   * True while this process is generating `replyId` as a reply of `attemptId`: a stream can then
   * follow it without reading the row first (the attempt check is what that read was for).
   */
  isLiveFor(replyId: string, attemptId: string): boolean {
    const entry = this.entries.get(replyId);
    return entry?.attemptId === attemptId && entry.final === undefined;
  }

  /** Appends a delta and tells the listeners. */
  delta(replyId: string, text: string): void {
    const entry = this.entries.get(replyId);
    if (!entry) return;
    entry.deltas.push(text);
    const event: HubEvent = { type: 'delta', index: entry.deltas.length - 1, text };
    for (const l of entry.listeners) l(event);
  }

  /** Ends the reply (after it is stored) and forgets it shortly after, once late readers had it. */
  finish(replyId: string, event: Extract<HubEvent, { type: 'done' | 'failed' }>): void {
    const entry = this.entries.get(replyId);
    if (!entry) return;
    entry.final = event;
    for (const l of entry.listeners) l(event);
    entry.listeners.clear();
    setTimeout(() => {
      if (this.entries.get(replyId) === entry) this.entries.delete(replyId);
    }, 30_000).unref?.();
  }

  /**
   * Replays deltas after `lastIndex`, then streams live events until the reply ends. Returns an
   * unsubscribe function, or null when the reply is not live here.
   */
  subscribe(
    replyId: string,
    lastIndex: number,
    listener: (e: HubEvent) => void,
  ): (() => void) | null {
    const entry = this.entries.get(replyId);
    if (!entry) return null;
    entry.deltas.forEach((text, index) => {
      if (index > lastIndex) listener({ type: 'delta', index, text });
    });
    if (entry.final) {
      listener(entry.final);
      return () => {};
    }
    entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }
}
