import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { fixtureEvals, storeTwoGoldenRuns } from '#tests/helpers/eval-fixtures.ts';
import type { Versions } from '#api/evals/result.ts';
import type { StoredCase } from '#api/evals/run-queries.ts';
import type { ErrorEnvelope } from '#api/lib/errors.ts';
import type { RunView } from '#api/services/evals/run-views.ts';

const NOW = TEST_NOW.toISOString();
const RUN_ID = expect.stringMatching(/^ev_[0-9a-f-]{36}$/);

/** A run as GET /api/evals/runs/:id answers. */
interface RunBody {
  run: RunView;
  versions: Versions | null;
  cases: StoredCase[];
}

/** The response body as `T` (the route tests check the shape with toEqual). */
const read = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const message = async (res: Response) => (await read<ErrorEnvelope>(res)).error.message;

function client(t: TestApp, cookie: string) {
  return {
    get: async (path: string) => t.app.request(path, { headers: { cookie } }),
    post: async (path: string, body: unknown) =>
      t.app.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

/** Polls a run until it is neither queued nor running. */
async function waitForRun(get: (p: string) => Promise<Response>, id: string) {
  for (let i = 0; i < 500; i++) {
    const body = await read<RunBody>(get(`/api/evals/runs/${id}`));
    if (body.run.status !== 'queued' && body.run.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('eval routes with the fixture suites', () => {
  let t: TestApp;
  let w: World;
  let api: ReturnType<typeof client>;
  const fixtures = fixtureEvals();
  beforeAll(async () => {
    t = await createTestApp({ evals: fixtures.evals });
    w = await buildWorld(t);
    api = client(t, w.cookies.designer ?? '');
  });
  afterAll(() => t.close());

  it('lists the suites with their kind, case count and whether they need a live run', async () => {
    const res = await api.get('/api/evals/suites');
    expect(res.status).toBe(200);
    expect(await read(res)).toEqual({
      suites: [
        {
          id: 'fixture-consistency',
          kind: 'consistency',
          title: expect.any(String),
          description: null,
          cases: null,
          needsLive: false,
        },
        {
          id: 'fixture-golden',
          kind: 'grader-golden',
          title: 'Fixture golden suite',
          description: null,
          cases: null,
          needsLive: false,
        },
        {
          id: 'fixture-injection',
          kind: 'grader-injection',
          title: expect.any(String),
          description: null,
          cases: null,
          needsLive: false,
        },
        {
          id: 'fixture-learner',
          kind: 'learner-simulation',
          title: 'Fixture learner simulation',
          description: null,
          cases: 1,
          needsLive: true,
        },
        {
          id: 'fixture-persona',
          kind: 'persona-fidelity',
          title: 'Fixture persona suite',
          description: null,
          cases: 2,
          needsLive: false,
        },
      ],
      issues: [],
      canRun: true,
      canRunLive: false,
      reason: null,
    });
  });

  it('starts a persona run in the background, reports progress, and stores the finished run', async () => {
    const res = await api.post('/api/evals/runs', { suites: ['fixture-persona'] });
    expect(res.status).toBe(202);
    const started = await read<{ runs: RunView[] }>(res);
    expect(started).toEqual({
      runs: [
        {
          runId: RUN_ID,
          suite: 'fixture-persona',
          kind: 'persona-fidelity',
          title: 'Fixture persona suite',
          mode: 'offline',
          status: 'queued',
          figures: [],
          caseCounts: null,
          progress: { done: 0, total: 2 },
          startedAt: NOW,
          finishedAt: null,
          startedFrom: 'web',
          error: null,
        },
      ],
    });
    const id = started.runs[0]?.runId ?? '';
    const done = await waitForRun(api.get, id);
    expect(done.run).toEqual({
      ...started.runs[0],
      status: 'passed',
      figures: expect.arrayContaining([
        { name: 'case_pass_rate', value: 1, threshold: { op: '>=', value: 1 }, passed: true },
      ]),
      caseCounts: { pass: 2, fail: 0, error: 0 },
      progress: { done: 2, total: 2 },
      finishedAt: NOW,
    });
    expect(done.versions?.scenarios).toEqual({
      'energy-bill-shock': '1.0.1',
      'insurance-claim-delay-escalation': '1.0.1',
    });
    expect(done.cases.map((c) => [c.id, c.outcome])).toEqual([
      ['stock-apology', 'pass'],
      ['transfer', 'pass'],
    ]);
    const transfer = done.cases[1];
    expect(transfer?.summary).toBe('3 assertions passed');
    expect(transfer?.details.endReason).toBe('escalated');
    expect((transfer?.details.transcript as unknown[])[1]).toEqual({
      speaker: 'agent',
      text: "I'll transfer you to my team leader now so they can review the delay.",
    });

    const list = await read<{ runs: RunView[] }>(api.get('/api/evals/runs?suite=fixture-persona'));
    expect(list.runs).toEqual([done.run]);
  });

  it('reports done/total while a run is going, and refuses a second run until it ends', async () => {
    const release = fixtures.hold();
    const first = await api.post('/api/evals/runs', { suites: ['fixture-persona'] });
    expect(first.status).toBe(202);
    const id = (await read<{ runs: RunView[] }>(first.clone())).runs[0]?.runId ?? '';
    let running: RunBody | undefined;
    for (let i = 0; i < 100 && running?.run.status !== 'running'; i++) {
      running = await read<RunBody>(api.get(`/api/evals/runs/${id}`));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(running).toEqual({
      run: expect.objectContaining({ status: 'running', progress: { done: 0, total: 2 } }),
      versions: expect.objectContaining({
        scenarios: {
          'energy-bill-shock': '1.0.1',
          'insurance-claim-delay-escalation': '1.0.1',
        },
      }),
      cases: [],
    });
    const listed = await read<{ runs: RunView[] }>(api.get('/api/evals/runs'));
    // Both runs of this file started at the test clock's time, so find this one by id.
    expect(listed.runs.find((r) => r.runId === id)).toEqual(running?.run);
    const second = await api.post('/api/evals/runs', { suites: ['fixture-golden'] });
    expect(second.status).toBe(409);
    expect(await message(second)).toBe(
      'An eval run is already in progress (fixture-persona). Wait for it to finish.',
    );
    release();
    await waitForRun(api.get, id);
  });

  it('refuses live runs when no LLM is configured, with a clear message', async () => {
    const res = await api.post('/api/evals/runs', { suites: ['fixture-persona'], live: true });
    expect(res.status).toBe(409);
    expect(await message(res)).toBe(
      'Live runs need an LLM provider (set OPENAI_API_KEY); this server is in offline mode. Run offline instead.',
    );
  });

  it('refuses a suite that only a live run can play', async () => {
    const res = await api.post('/api/evals/runs', { suites: ['fixture-learner'] });
    expect(res.status).toBe(409);
    expect(await message(res)).toBe('Suite "fixture-learner" cannot run offline: needs --live.');
  });

  it('refuses an unknown suite, naming the file it looked for, and starts nothing', async () => {
    const res = await api.post('/api/evals/runs', { suites: ['fixture-persona', 'nope'] });
    expect(res.status).toBe(400);
    const body = await read<ErrorEnvelope>(res);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(
      /^Invalid suite: tests\/fixtures\/evals\/pass\/nope\.yaml: no such suite/,
    );
    const again = await api.post('/api/evals/runs', { suites: ['fixture-persona'] });
    expect(again.status).toBe(202);
    await waitForRun(api.get, (await read<{ runs: RunView[] }>(again)).runs[0]?.runId ?? '');
  });

  it('rejects a malformed start request', async () => {
    for (const body of [{}, { suites: [] }, { suites: ['Bad Id'] }, { suites: ['a'], extra: 1 }]) {
      expect((await api.post('/api/evals/runs', body)).status).toBe(400);
    }
  });

  it('answers 404 for an unknown run', async () => {
    const res = await api.get('/api/evals/runs/ev_missing');
    expect(res.status).toBe(404);
  });

  it('compares two stored runs: figure deltas and per-case changes with summaries', async () => {
    const { a, b } = await storeTwoGoldenRuns(t.db, TEST_NOW.getTime() - 86_400_000);
    const res = await api.get(`/api/evals/compare?a=${a}&b=${b}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      comparison: {
        from: 'run-old',
        to: 'run-new',
        suite: 'fixture-golden',
        caseChanges: [
          {
            id: 'b',
            before: 'pass',
            after: 'fail',
            beforeSummary: 'agrees with the labels',
            afterSummary: 'empathy: labelled met, graded not_yet',
          },
        ],
        figureDeltas: [{ name: 'kappa.empathy', before: 0.9, after: 0.5, delta: -0.4 }],
      },
    });
    const list = await read<{ runs: RunView[] }>(api.get('/api/evals/runs?suite=fixture-golden'));
    expect(list.runs.map((r) => [r.runId, r.startedFrom, r.status])).toEqual([
      ['run-new', 'web', 'failed'],
      ['run-old', 'cli', 'passed'],
    ]);
  });

  it('refuses to compare runs of different suites or runs that do not exist', async () => {
    const [persona] = (
      await read<{ runs: RunView[] }>(api.get('/api/evals/runs?suite=fixture-persona'))
    ).runs;
    const mixed = await api.get(`/api/evals/compare?a=run-old&b=${persona?.runId ?? ''}`);
    expect(mixed.status).toBe(400);
    expect(await message(mixed)).toBe(
      'Runs of different suites cannot be compared ("fixture-golden" and "fixture-persona").',
    );
    expect((await api.get('/api/evals/compare?a=run-old&b=nope')).status).toBe(404);
    expect((await api.get('/api/evals/compare?a=run-old')).status).toBe(400);
  });
});

describe('eval routes on a server without an eval source', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('lists no suites and says why runs cannot start', async () => {
    const api = client(t, w.cookies.admin ?? '');
    const reason =
      'Eval runs are not available on this server: the suites are read from the repository, which only the Node server has.';
    expect(await read(api.get('/api/evals/suites'))).toEqual({
      suites: [],
      issues: [],
      canRun: false,
      canRunLive: false,
      reason,
    });
    const res = await api.post('/api/evals/runs', { suites: ['persona-fidelity'] });
    expect(res.status).toBe(409);
    expect(await message(res)).toBe(reason);
    expect(await read(api.get('/api/evals/runs'))).toEqual({ runs: [] });
  });
});
