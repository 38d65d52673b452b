/**
 * Streaming mid-reply, with a persona engine the test releases piece by piece: deltas reach the
 * client as they are produced, a reconnect with Last-Event-ID gets only what it missed, and a
 * failed reply can be retried without touching the transcript.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineChunk, PersonaEngine } from '#api/roleplay/engine.ts';
import { createOfflinePersonaEngine } from '#api/roleplay/offline-engine.ts';
import { PersonaModelError } from '#api/roleplay/persona-errors.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld } from '#tests/helpers/world.ts';
import { jsonInit, parseSse, sendAs, startAttemptAs } from '#tests/helpers/roleplay-api.ts';

/** An engine whose replies wait for the test to push pieces, or to fail them. */
function gatedEngine() {
  const offline = createOfflinePersonaEngine();
  let push: ((c: EngineChunk | Error) => void) | null = null;
  const engine: PersonaEngine = {
    mode: 'offline',
    open: (cards) => offline.open(cards),
    async *respond(input) {
      const queue: Array<EngineChunk | Error> = [];
      let wake: (() => void) | null = null;
      push = (c) => {
        queue.push(c);
        wake?.();
      };
      for (;;) {
        if (queue.length === 0) await new Promise<void>((r) => (wake = r));
        const next = queue.shift();
        if (next instanceof Error) throw next;
        if (!next) continue;
        yield next.type === 'done' ? { ...next, state: input.state } : next;
        if (next.type === 'done') return;
      }
    },
  };
  const ready = async () => {
    while (!push) await new Promise((r) => setTimeout(r, 5));
    return push;
  };
  return { engine, ready, reset: () => (push = null) };
}

const usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };

describe('reply streaming and faults', () => {
  let t: TestApp;
  let cookie: string;
  let gate: ReturnType<typeof gatedEngine>;
  beforeEach(async () => {
    gate = gatedEngine();
    t = await createTestApp({ persona: gate.engine });
    cookie = (await buildWorld(t)).cookies.learner ?? '';
  });
  afterEach(() => t.close());

  async function readUntil(res: Response, stop: (events: string) => boolean): Promise<string> {
    const reader = res.body?.getReader();
    let text = '';
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      if (stop(text)) {
        await reader.cancel();
        break;
      }
    }
    return text;
  }

  it('relays deltas live and lets a reconnecting client pick up after the last one it saw', async () => {
    const id = await startAttemptAs(t, cookie);
    const replyId = await sendAs(t, cookie, id, 'Hello, how can I help?');
    const push = await gate.ready();
    const url = `/api/attempts/${id}/replies/${replyId}/stream`;
    const first = await t.app.request(url, { headers: { cookie } });
    push({ type: 'delta', text: 'Hi, ' });
    push({ type: 'delta', text: 'my power ' });
    // Deltas that arrive together go out as one event carrying the last index.
    const seen = parseSse(await readUntil(first, (s) => s.includes('my power')));
    expect(seen).toEqual([{ event: 'delta', id: '1', data: { text: 'Hi, my power ' } }]);
    const second = await t.app.request(url, { headers: { cookie, 'last-event-id': '1' } });
    push({ type: 'delta', text: 'is off.' });
    push({
      type: 'done',
      text: 'Hi, my power is off.',
      state: undefined as never,
      endReason: null,
      usage,
    });
    const rest = parseSse(await second.text());
    expect(rest).toEqual([
      { event: 'delta', id: '2', data: { text: 'is off.' } },
      { event: 'done', data: { id: replyId, text: 'Hi, my power is off.', chatEnded: false } },
    ]);
  });

  it('says in `done` when the reply ended the chat, live and to a client that comes later', async () => {
    const id = await startAttemptAs(t, cookie);
    const replyId = await sendAs(t, cookie, id, 'Your power is back on; anything else?');
    const push = await gate.ready();
    const url = `/api/attempts/${id}/replies/${replyId}/stream`;
    const live = t.app.request(url, { headers: { cookie } });
    push({
      type: 'done',
      text: 'No, thanks. Bye!',
      state: undefined as never,
      endReason: 'resolved',
      usage,
    });
    const done = {
      event: 'done',
      data: { id: replyId, text: 'No, thanks. Bye!', chatEnded: true },
    };
    expect(parseSse(await (await live).text())).toEqual([done]);
    const later = await t.app.request(url, { headers: { cookie } });
    expect(parseSse(await later.text())).toEqual([done]);
  });

  it('shows a failed reply as "connection dropped", keeps the transcript, and regenerates on retry', async () => {
    const id = await startAttemptAs(t, cookie);
    const replyId = await sendAs(t, cookie, id, 'Hello, how can I help?');
    const url = `/api/attempts/${id}/replies/${replyId}/stream`;
    (await gate.ready())(new PersonaModelError('rate_limited', 'HTTP 429'));
    const failed = parseSse(await (await t.app.request(url, { headers: { cookie } })).text());
    expect(failed).toEqual([
      {
        event: 'failed',
        data: { id: replyId, message: "The customer's connection dropped — retry." },
      },
    ]);
    expect(
      t.logger.lines.some((l) => l.msg === 'persona reply failed' && l.kind === 'rate_limited'),
    ).toBe(true);

    gate.reset();
    const retry = await t.app.request(
      `/api/attempts/${id}/replies/${replyId}/retry`,
      jsonInit('POST', cookie),
    );
    expect(retry.status).toBe(202);
    (await gate.ready())({
      type: 'done',
      text: 'Sorry, my internet dropped. The power is off.',
      state: undefined as never,
      endReason: null,
      usage,
    });
    const done = parseSse(await (await t.app.request(url, { headers: { cookie } })).text());
    expect(done).toEqual([
      {
        event: 'done',
        data: {
          id: replyId,
          text: 'Sorry, my internet dropped. The power is off.',
          chatEnded: false,
        },
      },
    ]);
    const view = (await (
      await t.app.request(`/api/attempts/${id}`, { headers: { cookie } })
    ).json()) as { messages: Array<{ speaker: string; status: string }> };
    expect(view.messages.map((m) => `${m.speaker}:${m.status}`)).toEqual([
      'customer:complete',
      'agent:complete',
      'customer:complete',
    ]);
  });
});
