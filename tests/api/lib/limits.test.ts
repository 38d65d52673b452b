/**
 * Per-IP and per-user limits on message sends, grading submits, eval runs and playground
 * replays: each answers 429 RATE_LIMITED with Retry-After, the IP limit counts every account
 * behind one address, and another address is not affected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { clientId, jsonInit, startAttemptAs } from '#tests/helpers/roleplay-api.ts';
import { fixtureEvals } from '#tests/helpers/eval-fixtures.ts';
import { http } from 'msw';
import { useMswServer } from '#tests/helpers/msw.ts';
import { realisticFetch, replyStream } from '#tests/mocks/openai-chat-stream.ts';

const BASE = 'http://llm.test/v1';
const server = useMswServer();

interface Envelope {
  error: { code: string; message: string; details?: { retryAfter?: number } };
}

describe('request limits', () => {
  let t: TestApp;
  let w: World;
  let ip = '203.0.113.7';

  beforeEach(async () => {
    t = await createTestApp({
      evals: fixtureEvals().evals,
      env: {
        RAPPORT_SEND_PER_IP_PER_MINUTE: '3',
        RAPPORT_SUBMIT_PER_IP_PER_MINUTE: '2',
        RAPPORT_EVAL_RUNS_PER_MINUTE: '2',
        RAPPORT_EVAL_RUNS_PER_IP_PER_MINUTE: '3',
      },
    });
    w = await buildWorld(t);
    ip = '203.0.113.7';
    t.deps.clientIp = () => ip;
  });
  afterEach(() => t.close());

  const finished = async (id: string, cookie: string) => {
    for (let i = 0; i < 500; i++) {
      const res = await t.app.request(`/api/evals/runs/${id}`, { headers: { cookie } });
      const body = (await res.json()) as { run?: { status: string } };
      if (!body.run) throw new Error(JSON.stringify(body));
      const { run } = body;
      if (run.status !== 'queued' && run.status !== 'running') return;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const send = (cookie: string, attemptId: string) =>
    t.app.request(
      `/api/attempts/${attemptId}/messages`,
      jsonInit('POST', cookie, { clientMessageId: clientId('msg'), text: 'Hello there' }),
    );
  const refusal = async (res: Response) => ({
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: ((await res.json()) as Envelope).error,
  });

  it('limits sends per client IP across accounts, with Retry-After; another IP is not affected', async () => {
    const learner = w.cookies.learner ?? '';
    const other = w.cookies.otherLearner ?? '';
    const a = await startAttemptAs(t, learner);
    const b = await startAttemptAs(t, other);
    // Three sends from one address (two accounts) pass the limiter; the 409s are "wait for reply".
    const passed = [await send(learner, a), await send(other, b), await send(learner, a)];
    expect(passed.map((r) => r.status).every((s) => s !== 429)).toBe(true);
    expect(await refusal(await send(other, b))).toEqual({
      status: 429,
      retryAfter: '60',
      body: {
        code: 'RATE_LIMITED',
        message: 'Too many messages from this network address. Try again in 60 s.',
        details: { retryAfter: 60 },
        requestId: expect.any(String) as string,
      },
    });
    ip = '198.51.100.9';
    expect((await send(other, b)).status).not.toBe(429);
  });

  it('limits grading submits per client IP', async () => {
    const learner = w.cookies.learner ?? '';
    const ids = [await startAttemptAs(t, learner), await startAttemptAs(t, learner)];
    const submit = (id: string) =>
      t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', learner));
    expect((await submit(ids[0] ?? '')).status).not.toBe(429);
    expect((await submit(ids[1] ?? '')).status).not.toBe(429);
    const third = await refusal(await submit(ids[0] ?? ''));
    expect([third.status, third.retryAfter, third.body.code]).toEqual([429, '60', 'RATE_LIMITED']);
  });

  it('limits eval runs per user and per client IP', async () => {
    const start = (cookie: string) =>
      t.app.request('/api/evals/runs', jsonInit('POST', cookie, { suites: ['fixture-persona'] }));
    const designer = w.cookies.designer ?? '';
    const admin = w.cookies.admin ?? '';
    // One batch runs at a time per server: wait for each before starting the next.
    const startAndFinish = async () => {
      const res = await start(designer);
      expect(res.status).toBe(202);
      const { runs } = (await res.json()) as { runs: Array<{ runId: string }> };
      for (const run of runs) await finished(run.runId, designer);
    };
    await startAndFinish();
    await startAndFinish();
    const perUser = await refusal(await start(designer));
    expect([perUser.status, perUser.body.message]).toEqual([
      429,
      'Too many eval runs. Try again in 60 s.',
    ]);
    // The refused designer request still counted against the address: 3 of 3 are used.
    const perIp = await refusal(await start(admin));
    expect([perIp.status, perIp.body.message]).toEqual([
      429,
      'Too many eval runs from this network address. Try again in 60 s.',
    ]);
  });
});

describe('live playground replays', () => {
  it('are limited per user, with Retry-After', async () => {
    server.use(
      http.post(`${BASE}/chat/completions`, () =>
        replyStream(['Hi, yes — ', 'I move in on Saturday.'], [120, 9, 64]),
      ),
    );
    const t = await createTestApp({
      env: {
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: BASE,
        RAPPORT_LLM_RETRIES: '0',
        RAPPORT_PLAYGROUND_PER_MINUTE: '1',
      },
      personaFetch: realisticFetch,
    });
    const w = await buildWorld(t);
    const replay = () =>
      t.app.request(
        '/api/evals/playground',
        jsonInit('POST', w.cookies.designer ?? '', {
          scenarioId: 'energy-move-in',
          turns: ['Hello, how can I help?'],
          live: true,
        }),
      );
    expect((await replay()).status).toBe(200);
    const second = await replay();
    expect([second.status, second.headers.get('retry-after')]).toEqual([429, '60']);
    expect(((await second.json()) as Envelope).error.message).toBe(
      'Too many playground replays. Try again in 60 s.',
    );
    t.close();
  });
});
