import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { messages } from '#api/db/schema.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import {
  clientId,
  endAs,
  jsonInit,
  readReply,
  sendAs,
  startAttemptAs,
  TEST_SCENARIO,
} from '#tests/helpers/roleplay-api.ts';

describe('roleplay attempts (offline engine)', () => {
  let t: TestApp;
  let w: World;
  let cookie: string;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    cookie = w.cookies.learner ?? '';
  });
  afterEach(() => t.close());

  const view = async (id: string) =>
    (await (await t.app.request(`/api/attempts/${id}`, { headers: { cookie } })).json()) as {
      status: string;
      endReason: string | null;
      messages: Array<{ speaker: string; text: string; status: string }>;
      caseNotes: Record<string, string>;
    };

  it('lists scenarios with the learner brief but no hidden facts', async () => {
    const res = await t.app.request('/api/scenarios', { headers: { cookie } });
    const body = (await res.json()) as { scenarios: Array<Record<string, unknown>> };
    expect(body.scenarios.length).toBe(t.deps.content.scenarios.length);
    const one = body.scenarios.find((s) => s.id === TEST_SCENARIO);
    expect(Object.keys(one ?? {}).sort()).toEqual([
      'assigned',
      'brief',
      'customerName',
      'dueDate',
      'id',
      'industry',
      'interactionType',
      'rubrics',
      'title',
      'traits',
    ]);
    expect(JSON.stringify(body)).not.toContain('hiddenFacts');
  });

  it('starts an attempt with the customer opening and pins the content versions; a retried start returns it', async () => {
    const requestId = clientId('start');
    const first = await t.app.request(
      '/api/attempts',
      jsonInit('POST', cookie, { scenarioId: TEST_SCENARIO, clientRequestId: requestId }),
    );
    const again = await t.app.request(
      '/api/attempts',
      jsonInit('POST', cookie, { scenarioId: TEST_SCENARIO, clientRequestId: requestId }),
    );
    expect([first.status, again.status]).toEqual([201, 200]);
    const a = (await first.json()) as {
      id: string;
      engineMode: string;
      messages: Array<{ speaker: string; text: string }>;
    };
    expect(((await again.json()) as { id: string }).id).toBe(a.id);
    const scenario = t.deps.content.scenarios.find((s) => s.id === TEST_SCENARIO);
    expect(a.engineMode).toBe('offline');
    expect(a.messages).toEqual([
      expect.objectContaining({ speaker: 'customer', text: scenario?.opening, status: 'complete' }),
    ]);
    expect(JSON.stringify(a)).not.toContain('directorState');
  });

  it('stores the learner message before acknowledging and streams the reply, which is then stored', async () => {
    const id = await startAttemptAs(t, cookie);
    const replyId = await sendAs(
      t,
      cookie,
      id,
      'Hi, thanks for getting in touch. Can I take your full name please?',
    );
    const stream = await readReply(t, cookie, id, replyId);
    expect(stream.status).toBe(200);
    const deltas = stream.events.filter((e) => e.event === 'delta');
    const done = stream.events.at(-1);
    expect(done?.event).toBe('done');
    const text = (done?.data as { text: string }).text;
    expect(text.length).toBeGreaterThan(0);
    // The offline engine is fast: the reply may be finished before the stream opens (no deltas).
    if (deltas.length > 0)
      expect(deltas.map((d) => (d.data as { text: string }).text).join('')).toBe(text);
    const stored = await view(id);
    expect(stored.messages.map((m) => [m.speaker, m.status])).toEqual([
      ['customer', 'complete'],
      ['agent', 'complete'],
      ['customer', 'complete'],
    ]);
    expect(stored.messages[2]?.text).toBe(text);
  });

  it('resumes a dropped stream from Last-Event-ID without repeating text', async () => {
    const id = await startAttemptAs(t, cookie);
    const replyId = await sendAs(t, cookie, id, 'Hello! What can I help you with today?');
    const full = await readReply(t, cookie, id, replyId);
    const done = (full.events.at(-1)?.data as { text: string }).text;
    const resumed = await readReply(t, cookie, id, replyId, '0');
    // Once finished, a reconnecting client gets the whole stored message in one `done`.
    expect(resumed.events).toEqual([
      { event: 'done', data: { id: replyId, text: done, chatEnded: false } },
    ]);
  });

  it('never duplicates a message retried with the same client id', async () => {
    const id = await startAttemptAs(t, cookie);
    const body = { clientMessageId: clientId('dup'), text: 'Hi, how can I help?' };
    const first = await t.app.request(
      `/api/attempts/${id}/messages`,
      jsonInit('POST', cookie, body),
    );
    const second = await t.app.request(
      `/api/attempts/${id}/messages`,
      jsonInit('POST', cookie, body),
    );
    expect([first.status, second.status]).toEqual([201, 200]);
    const a = (await first.json()) as {
      message: { id: string };
      reply: { id: string };
      created: boolean;
    };
    const b = (await second.json()) as {
      message: { id: string };
      reply: { id: string };
      created: boolean;
    };
    expect([b.message.id, b.reply.id, b.created]).toEqual([a.message.id, a.reply.id, false]);
    const rows = await t.db
      .select()
      .from(messages)
      .where(eq(messages.attemptId, id))
      .orderBy(asc(messages.seq));
    expect(rows.filter((m) => m.speaker === 'agent')).toHaveLength(1);
  });

  it('refuses empty, over-long and ended-chat messages with clear errors and stores nothing', async () => {
    const id = await startAttemptAs(t, cookie);
    const send = (text: string) =>
      t.app.request(
        `/api/attempts/${id}/messages`,
        jsonInit('POST', cookie, { clientMessageId: clientId(), text }),
      );
    const empty = await send('   ');
    const long = await send('x'.repeat(2001));
    expect([empty.status, long.status]).toEqual([400, 400]);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toContain(
      'cannot be empty',
    );
    expect(((await long.json()) as { error: { message: string } }).error.message).toContain(
      'at most 2000 characters',
    );
    await endAs(t, cookie, id);
    const ended = await send('Are you still there?');
    expect(ended.status).toBe(409);
    expect((await view(id)).messages).toHaveLength(1);
  });

  it('refuses a second message while the customer is still replying', async () => {
    const id = await startAttemptAs(t, cookie);
    const replyId = await sendAs(t, cookie, id, 'Hello, how can I help?');
    const early = await t.app.request(
      `/api/attempts/${id}/messages`,
      jsonInit('POST', cookie, { clientMessageId: clientId(), text: 'Hello?' }),
    );
    // The offline engine may already be done; either it was accepted in order or refused.
    expect([201, 409]).toContain(early.status);
    await readReply(t, cookie, id, replyId);
  });

  it('records system events once per client id and rejects targets the scenario does not have', async () => {
    const id = await startAttemptAs(t, cookie);
    const body = { clientEventId: clientId('ev'), kind: 'crm_open', target: 'crm' };
    const first = await t.app.request(`/api/attempts/${id}/events`, jsonInit('POST', cookie, body));
    const again = await t.app.request(`/api/attempts/${id}/events`, jsonInit('POST', cookie, body));
    const bad = await t.app.request(
      `/api/attempts/${id}/events`,
      jsonInit('POST', cookie, {
        clientEventId: clientId('ev'),
        kind: 'action',
        target: 'free-money',
      }),
    );
    expect([first.status, again.status, bad.status]).toEqual([201, 200, 400]);
    const v = (await (
      await t.app.request(`/api/attempts/${id}`, { headers: { cookie } })
    ).json()) as { events: Array<{ kind: string; afterTurn: number }> };
    expect(v.events.map((e) => [e.kind, e.afterTurn])).toEqual([['crm_open', 0]]);
  });

  it('ends, saves case notes, submits, and then locks the notes', async () => {
    const id = await startAttemptAs(t, cookie);
    const early = await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', cookie));
    expect(early.status).toBe(409);
    expect(((await (await endAs(t, cookie, id)).json()) as { endReason: string }).endReason).toBe(
      'learner_closed',
    );
    const notes = {
      needed: 'Power connected at new address',
      done: 'Booked move-in read',
      agreed: 'Bill from 1 Dec',
      followUp: 'Call back after reading',
      followUpOwner: 'Me',
      followUpDue: '2026-12-02',
    };
    const saved = await t.app.request(
      `/api/attempts/${id}/case-notes`,
      jsonInit('PUT', cookie, notes),
    );
    expect(saved.status).toBe(200);
    const submitted = await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', cookie));
    expect(((await submitted.json()) as { status: string }).status).toBe('submitted');
    expect((await view(id)).caseNotes).toEqual(notes);
    const locked = await t.app.request(
      `/api/attempts/${id}/case-notes`,
      jsonInit('PUT', cookie, { ...notes, done: 'changed' }),
    );
    expect(locked.status).toBe(409);
  });

  it('rate-limits message sends per user with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 32; i++) {
      const res = await t.app.request(
        `/api/attempts/att_none/messages`,
        jsonInit('POST', cookie, { clientMessageId: clientId(), text: 'hi' }),
      );
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    // Unknown attempt ids fail before the limiter, so drive the limiter through a real attempt.
    expect(statuses.every((s) => s === 404)).toBe(true);
    const id = await startAttemptAs(t, cookie);
    for (let i = 0; i < 31; i++) {
      const res = await t.app.request(
        `/api/attempts/${id}/messages`,
        jsonInit('POST', cookie, { clientMessageId: clientId(), text: 'hi' }),
      );
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(retryAfter).toMatch(/^\d+$/);
  });

  it('does not let another learner send into an attempt', async () => {
    const id = await startAttemptAs(t, cookie);
    const res = await t.app.request(
      `/api/attempts/${id}/messages`,
      jsonInit('POST', w.cookies.otherLearner ?? '', { clientMessageId: clientId(), text: 'hi' }),
    );
    expect(res.status).toBe(404);
    expect((await view(id)).messages).toHaveLength(1);
  });
});
