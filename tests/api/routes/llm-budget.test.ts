/**
 * Per-organisation LLM token budgets, end to end in LLM mode against an msw-mocked provider:
 * persona and judge usage accumulates in llm_usage for the organisation's month, a spent budget
 * refuses new sends and retries (429 BUDGET_EXHAUSTED with Retry-After), a reply that starts
 * after the budget ran out ends `failed` with the budget message, gradings end
 * `grading_failed` with the reason and no judge call, and the admin API reads and sets it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { and, eq } from 'drizzle-orm';
import { auditLog, gradings, llmUsage, messages } from '#api/db/schema.ts';
import { runDueGradings } from '#api/services/grading/jobs.ts';
import { BUDGET_EXHAUSTED_MESSAGE, recordLlmUsage } from '#api/services/llm-budget.ts';
import { useMswServer } from '#tests/helpers/msw.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import {
  clientId,
  endAs,
  jsonInit,
  readReply,
  sendAs,
  startAttemptAs,
} from '#tests/helpers/roleplay-api.ts';
import { realisticFetch, replyStream } from '#tests/mocks/openai-chat-stream.ts';
import { completion, judgeAnswer } from '#tests/mocks/openai.ts';

const BASE = 'http://llm.test/v1';
const server = useMswServer();
/** The test clock's month (TEST_NOW is 2026-11-23T09:00Z); 7 days 15 h to December. */
const MONTH = '2026-11';
const TO_DECEMBER = 7 * 86_400 + 15 * 3_600;

describe('per-organisation LLM token budgets', () => {
  let t: TestApp;
  let w: World;
  let learner: string;
  let admin: string;
  let calls: { persona: number; judge: number };
  let personaFails = 0;

  beforeEach(async () => {
    calls = { persona: 0, judge: 0 };
    personaFails = 0;
    server.use(
      http.post(`${BASE}/chat/completions`, async ({ request }) => {
        const body = (await request.json()) as { stream?: boolean };
        if (body.stream) {
          calls.persona++;
          if (personaFails > 0) {
            personaFails--;
            return HttpResponse.json({ error: { message: 'overloaded' } }, { status: 503 });
          }
          return replyStream(['Yes, ', 'I move in on Saturday.'], [220, 14, 128]);
        }
        calls.judge++;
        return HttpResponse.json(
          completion(judgeAnswer('not_yet', [], 'Ask about the move-in date.'), {
            prompt: 900,
            cached: 700,
            completion: 40,
          }),
        );
      }),
    );
    t = await createTestApp({
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: BASE, RAPPORT_LLM_RETRIES: '0' },
      personaFetch: realisticFetch,
    });
    w = await buildWorld(t);
    learner = w.cookies.learner ?? '';
    admin = w.cookies.admin ?? '';
  });
  afterEach(() => t.close());

  const usageRow = async (org: string) =>
    (
      await t.db
        .select()
        .from(llmUsage)
        .where(and(eq(llmUsage.organisationId, org), eq(llmUsage.month, MONTH)))
    ).map(({ inputTokens, cachedInputTokens, outputTokens }) => ({
      inputTokens,
      cachedInputTokens,
      outputTokens,
    }))[0];
  const setBudget = (budget: unknown, cookie = admin) =>
    t.app.request('/api/admin/llm-budget', jsonInit('PUT', cookie, { budget }));
  const send = (attemptId: string, text = 'Hello, how can I help?', id = clientId('msg')) =>
    t.app.request(
      `/api/attempts/${attemptId}/messages`,
      jsonInit('POST', learner, { clientMessageId: id, text }),
    );
  const spendAll = (tokens: number) =>
    recordLlmUsage(t.deps, w.orgA, { inputTokens: tokens, cachedInputTokens: 0, outputTokens: 0 });

  it('adds every persona reply and judge call to the organisation month', async () => {
    const id = await startAttemptAs(t, learner);
    await readReply(t, learner, id, await sendAs(t, learner, id, 'Hi, when are you moving in?'));
    await readReply(t, learner, id, await sendAs(t, learner, id, 'Great, I can book that.'));
    expect(await usageRow(w.orgA)).toEqual({
      inputTokens: 440,
      cachedInputTokens: 256,
      outputTokens: 28,
    });

    await endAs(t, learner, id);
    await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', learner));
    await runDueGradings(t.deps);
    const jobs = await t.db.select().from(gradings).where(eq(gradings.attemptId, id));
    const sum = (k: 'inputTokens' | 'cachedInputTokens' | 'outputTokens') =>
      jobs.reduce((n, g) => n + g[k], 0);
    expect(calls.judge).toBeGreaterThan(0);
    expect(sum('inputTokens')).toBeGreaterThan(0);
    expect(await usageRow(w.orgA)).toEqual({
      inputTokens: 440 + sum('inputTokens'),
      cachedInputTokens: 256 + sum('cachedInputTokens'),
      outputTokens: 28 + sum('outputTokens'),
    });
    // The other organisation spent nothing.
    expect(await usageRow(w.orgB)).toBeUndefined();
  });

  it('refuses new sends once input + output reach the budget, and a retried send still answers', async () => {
    expect((await setBudget(250)).status).toBe(200);
    const id = await startAttemptAs(t, learner);
    const firstId = clientId('msg');
    const first = await send(id, 'Hello, how can I help?', firstId);
    expect(first.status).toBe(201);
    const { reply } = (await first.json()) as { reply: { id: string } };
    await readReply(t, learner, id, reply.id);
    // 220 + 14 = 234 < 250: still open; 16 more tokens spend it.
    await spendAll(16);

    const refused = await send(id, 'Can I take your account number?');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(TO_DECEMBER));
    expect(((await refused.json()) as { error: object }).error).toEqual({
      code: 'BUDGET_EXHAUSTED',
      message: BUDGET_EXHAUSTED_MESSAGE,
      requestId: expect.any(String) as string,
      details: { retryAfter: TO_DECEMBER, month: MONTH },
    });
    // The acknowledged message is still returned for a retried send (idempotency beats budget).
    expect((await send(id, 'Hello, how can I help?', firstId)).status).toBe(200);
    const rows = await t.db.select().from(messages).where(eq(messages.attemptId, id));
    expect(rows.map((m) => `${m.seq}:${m.speaker}:${m.status}`).sort()).toEqual([
      '0:customer:complete',
      '1:agent:complete',
      '2:customer:complete',
    ]);
    expect(calls.persona).toBe(1);
  });

  it('fails a reply that starts after the budget ran out with the budget message, and resumes when raised', async () => {
    personaFails = 1;
    const id = await startAttemptAs(t, learner);
    const replyId = await sendAs(t, learner, id, 'Hello, how can I help?');
    expect((await readReply(t, learner, id, replyId)).events.map((e) => e.event)).toEqual([
      'failed',
    ]);
    await setBudget(1000);
    await spendAll(1000);

    const retry = await t.app.request(
      `/api/attempts/${id}/replies/${replyId}/retry`,
      jsonInit('POST', learner),
    );
    expect(retry.status).toBe(429);
    expect(((await retry.json()) as { error: { code: string } }).error.code).toBe(
      'BUDGET_EXHAUSTED',
    );

    // A reply already queued when the budget ran out (e.g. by another instance) fails explicitly.
    await t.db
      .update(messages)
      .set({ status: 'pending', error: null })
      .where(eq(messages.id, replyId));
    expect((await readReply(t, learner, id, replyId)).events).toEqual([
      { event: 'failed', data: { id: replyId, message: BUDGET_EXHAUSTED_MESSAGE } },
    ]);
    const [row] = await t.db.select().from(messages).where(eq(messages.id, replyId));
    expect([row?.status, row?.error]).toEqual(['failed', BUDGET_EXHAUSTED_MESSAGE]);
    expect(calls.persona).toBe(1);

    await setBudget(5000);
    expect(
      (
        await t.app.request(
          `/api/attempts/${id}/replies/${replyId}/retry`,
          jsonInit('POST', learner),
        )
      ).status,
    ).toBe(202);
    expect((await readReply(t, learner, id, replyId)).events.at(-1)?.event).toBe('done');
  });

  it('ends LLM gradings grading_failed with the budget reason and calls no judge', async () => {
    const id = await startAttemptAs(t, learner);
    await readReply(t, learner, id, await sendAs(t, learner, id, 'Hi, when are you moving in?'));
    await endAs(t, learner, id);
    await setBudget(100);
    expect(
      (await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', learner))).status,
    ).toBe(200);
    await runDueGradings(t.deps);
    const jobs = await t.db.select().from(gradings).where(eq(gradings.attemptId, id));
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect({ status: job.status, reason: job.reason, tries: job.tries }).toEqual({
        status: 'grading_failed',
        reason: BUDGET_EXHAUSTED_MESSAGE,
        tries: 1,
      });
      expect(JSON.parse(job.result ?? '{}')).toMatchObject({
        criteria: [],
        flags: ['grading_failed'],
      });
    }
    expect(calls.judge).toBe(0);
  });

  it('charges live playground replays to the designer organisation and refuses them when spent', async () => {
    const replay = () =>
      t.app.request(
        '/api/evals/playground',
        jsonInit('POST', w.cookies.designer ?? '', {
          scenarioId: 'energy-move-in',
          turns: ['Hello, how can I help?', 'When are you moving in?'],
          live: true,
        }),
      );
    expect((await replay()).status).toBe(200);
    expect(await usageRow(w.orgA)).toEqual({
      inputTokens: 440,
      cachedInputTokens: 256,
      outputTokens: 28,
    });
    await setBudget(400);
    const refused = await replay();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'BUDGET_EXHAUSTED',
    );
    expect(calls.persona).toBe(2);
  });

  it('lets an admin read usage and set or clear the budget (audited); bad values are refused', async () => {
    await recordLlmUsage(t.deps, w.orgA, {
      inputTokens: 300,
      cachedInputTokens: 100,
      outputTokens: 50,
    });
    const read = await t.app.request('/api/admin/llm-budget', { headers: { cookie: admin } });
    expect(await read.json()).toEqual({
      month: MONTH,
      budget: null,
      inputTokens: 300,
      cachedInputTokens: 100,
      outputTokens: 50,
      usedTokens: 350,
      remainingTokens: null,
      exhausted: false,
    });
    const set = await setBudget(350);
    expect(await set.json()).toEqual({
      month: MONTH,
      budget: 350,
      inputTokens: 300,
      cachedInputTokens: 100,
      outputTokens: 50,
      usedTokens: 350,
      remainingTokens: 0,
      exhausted: true,
    });
    for (const bad of [0, -5, 1.5, '1000', true]) {
      const res = await setBudget(bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'VALIDATION_FAILED',
      );
    }
    expect(((await (await setBudget(null)).json()) as { budget: unknown }).budget).toBeNull();
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.llm_budget_changed'));
    expect(audit.map((a) => [a.organisationId, a.before, a.after])).toEqual([
      [w.orgA, '{"llmMonthlyTokenBudget":null}', '{"llmMonthlyTokenBudget":350}'],
      [w.orgA, '{"llmMonthlyTokenBudget":350}', '{"llmMonthlyTokenBudget":null}'],
    ]);
    // The other organisation's admin sees their own (empty) month, not org A's.
    const foreign = await t.app.request('/api/admin/llm-budget', {
      headers: { cookie: w.cookies.foreignAdmin ?? '' },
    });
    expect(((await foreign.json()) as { usedTokens: number }).usedTokens).toBe(0);
  });
});

describe('offline engines', () => {
  it('are never budgeted', async () => {
    const t = await createTestApp();
    const w = await buildWorld(t);
    const cookie = w.cookies.learner ?? '';
    await t.app.request(
      '/api/admin/llm-budget',
      jsonInit('PUT', w.cookies.admin ?? '', { budget: 1 }),
    );
    await recordLlmUsage(t.deps, w.orgA, {
      inputTokens: 10,
      cachedInputTokens: 0,
      outputTokens: 0,
    });
    const id = await startAttemptAs(t, cookie);
    const replyId = await sendAs(t, cookie, id, 'Hello, how can I help?');
    expect((await readReply(t, cookie, id, replyId)).events.at(-1)?.event).toBe('done');
    await endAs(t, cookie, id);
    await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', cookie));
    await runDueGradings(t.deps);
    const jobs = await t.db.select().from(gradings).where(eq(gradings.attemptId, id));
    expect(jobs.every((j) => j.status === 'graded')).toBe(true);
    t.close();
  });
});
