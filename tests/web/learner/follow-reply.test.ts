import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followReply } from '../../../web/src/learner/follow-reply.ts';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (e: { data: string; lastEventId: string }) => void>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: { data: string; lastEventId: string }) => void) {
    this.listeners.set(type, fn);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data: unknown, lastEventId = '') {
    this.listeners.get(type)?.({ data: JSON.stringify(data), lastEventId });
  }
}

function handlers() {
  const calls: string[] = [];
  return {
    calls,
    on: {
      onDelta: (i: number, t: string) => calls.push(`delta ${i} ${t}`),
      onDone: (t: string, ended: boolean | undefined) => calls.push(`done ${t} ended=${ended}`),
      onFailed: (m: string) => calls.push(`failed ${m}`),
      onReconnecting: () => calls.push('reconnecting'),
      onOpen: () => calls.push('open'),
      onLost: () => calls.push('lost'),
    },
  };
}

describe('following a reply stream', () => {
  beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it('relays deltas with their index, then closes on done so EventSource does not reconnect', () => {
    const { calls, on } = handlers();
    followReply('/s', on);
    const es = FakeEventSource.last;
    es?.onopen?.();
    es?.emit('delta', { text: 'Hi ' }, '0');
    es?.onerror?.();
    es?.emit('delta', { text: 'there' }, '1');
    es?.emit('done', { id: 'r', text: 'Hi there', chatEnded: false });
    es?.emit('delta', { text: 'late' }, '2');
    expect(calls).toEqual([
      'open',
      'delta 0 Hi ',
      'reconnecting',
      'delta 1 there',
      'done Hi there ended=false',
    ]);
    expect(es?.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('passes on whether the reply ended the chat, and undefined from a server that does not say', () => {
    const ended = handlers();
    followReply('/s', ended.on);
    FakeEventSource.last?.emit('done', { id: 'r', text: 'Bye', chatEnded: true });
    const older = handlers();
    followReply('/s', older.on);
    FakeEventSource.last?.emit('done', { id: 'r', text: 'Hi' });
    expect([...ended.calls, ...older.calls]).toEqual([
      'done Bye ended=true',
      'done Hi ended=undefined',
    ]);
  });

  it('reports a failed reply with the server message and closes', () => {
    const { calls, on } = handlers();
    followReply('/s', on);
    FakeEventSource.last?.emit('failed', { id: 'r', message: 'dropped' });
    expect(calls).toEqual(['failed dropped']);
    expect(FakeEventSource.last?.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('reports a stream the browser gave up on, and ignores malformed data', () => {
    const { calls, on } = handlers();
    followReply('/s', on);
    const es = FakeEventSource.last;
    if (!es) throw new Error('no stream');
    es.emit('delta', { nope: 1 }, '0');
    es.readyState = FakeEventSource.CLOSED;
    es.onerror?.();
    expect(calls).toEqual(['lost']);
  });
});
