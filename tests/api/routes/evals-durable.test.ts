import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '#api/config.ts';
import { INTERRUPTED_MESSAGE, insertRunningRun } from '#api/evals/live-store.ts';
import { emptyVersions } from '#api/evals/result.ts';
import type { StoredCase } from '#api/evals/run-queries.ts';
import { createMemoryLogger } from '#api/lib/logger.ts';
import { buildNodeRuntime } from '#api/runtime/node.ts';
import type { RunView } from '#api/services/evals/run-views.ts';
import { fixtureEvals } from '#tests/helpers/eval-fixtures.ts';
import { fastHasher } from '#tests/helpers/fast-hasher.ts';
import { createTestApp, TEST_NOW, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';

interface RunBody {
  run: RunView;
  cases: StoredCase[];
}
const read = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('gave up waiting');
}

describe('eval runs started from the web are stored as they go', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-durable-'));
  const databaseUrl = `file:${join(dir, 'rapport.db')}`;
  const fixtures = fixtureEvals();
  let runner: TestApp;
  let other: TestApp;
  let w: World;
  const get = (t: TestApp, path: string) =>
    t.app.request(path, { headers: { cookie: w.cookies.designer ?? '' } });
  beforeAll(async () => {
    runner = await createTestApp({ evals: fixtures.evals, databaseUrl });
    w = await buildWorld(runner);
    // A second server process over the same database, which started nothing itself.
    other = await createTestApp({ databaseUrl });
  });
  afterAll(() => {
    runner.close();
    other.close();
  });

  it('shows a run and its progress to another process while it runs, then the finished run', async () => {
    const release = fixtures.hold();
    const res = await runner.app.request('/api/evals/runs', {
      method: 'POST',
      headers: { cookie: w.cookies.designer ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ suites: ['fixture-persona'] }),
    });
    expect(res.status).toBe(202);
    const id = (await read<{ runs: RunView[] }>(res)).runs[0]?.runId ?? '';
    const seen = await read<RunBody>(get(other, `/api/evals/runs/${id}`));
    expect(seen.run).toEqual({
      runId: id,
      suite: 'fixture-persona',
      kind: 'persona-fidelity',
      title: 'Fixture persona suite',
      mode: 'offline',
      status: 'running',
      figures: [],
      caseCounts: { pass: 0, fail: 0, error: 0 },
      progress: { done: 0, total: 2 },
      startedAt: TEST_NOW.toISOString(),
      finishedAt: null,
      startedFrom: 'web',
      error: null,
    });
    const listed = await read<{ runs: RunView[] }>(get(other, '/api/evals/runs'));
    expect(listed.runs.map((r) => [r.runId, r.status])).toEqual([[id, 'running']]);
    // Reports exist only for finished runs.
    expect((await get(other, `/api/evals/runs/${id}/report.json`)).status).toBe(409);

    release();
    const done = await waitFor(
      () => read<RunBody>(get(other, `/api/evals/runs/${id}`)),
      (b) => b.run.status !== 'running',
    );
    expect(done.run).toEqual({
      ...seen.run,
      status: 'passed',
      figures: expect.arrayContaining([
        { name: 'case_pass_rate', value: 1, threshold: { op: '>=', value: 1 }, passed: true },
      ]),
      caseCounts: { pass: 2, fail: 0, error: 0 },
      progress: { done: 2, total: 2 },
      finishedAt: TEST_NOW.toISOString(),
    });
    expect(done.cases.map((c) => [c.id, c.outcome])).toEqual([
      ['stock-apology', 'pass'],
      ['transfer', 'pass'],
    ]);
  });

  it('serves the JSON, JUnit and HTML reports of a finished run as downloads, and writes the files', async () => {
    const [run] = (await read<{ runs: RunView[] }>(get(other, '/api/evals/runs'))).runs;
    const id = run?.runId ?? '';
    const json = await get(other, `/api/evals/runs/${id}/report.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="${id}.json"`);
    const report = await read<{ generatedAt: string; suites: Record<string, unknown>[] }>(json);
    expect(report).toEqual({
      generatedAt: TEST_NOW.toISOString(),
      suites: [
        {
          runId: id,
          suite: 'fixture-persona',
          kind: 'persona-fidelity',
          title: 'Fixture persona suite',
          mode: 'offline',
          status: 'passed',
          versions: expect.objectContaining({
            scenarios: {
              'energy-bill-shock': '1.0.1',
              'insurance-claim-delay-escalation': '1.0.1',
            },
          }),
          figures: run?.figures,
          cases: [
            expect.objectContaining({ id: 'stock-apology', outcome: 'pass' }),
            expect.objectContaining({ id: 'transfer', outcome: 'pass' }),
          ],
          startedAt: TEST_NOW.getTime(),
          finishedAt: TEST_NOW.getTime(),
        },
      ],
    });

    const xml = await get(other, `/api/evals/runs/${id}/report.xml`);
    expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(xml.headers.get('content-disposition')).toBe(`attachment; filename="${id}.junit.xml"`);
    expect(await xml.text()).toMatch(
      /<testsuite name="fixture-persona" tests="\d+" failures="0" errors="0"/,
    );

    const html = await get(other, `/api/evals/runs/${id}/report.html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toBe(`attachment; filename="${id}.html"`);
    expect(html.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await html.text()).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'',
    );
    expect((await get(other, '/api/evals/runs/nope/report.html')).status).toBe(404);

    // The process that ran it also wrote the same three files, like npm run evals does.
    const files = await waitFor(
      () => readdir(fixtures.reportsDir),
      (names) => names.length === 3,
    );
    expect(files.map((f) => f.replace(/^evals-[0-9TZ-]+\./, 'evals.')).sort()).toEqual([
      'evals.html',
      'evals.json',
      'evals.junit.xml',
    ]);
    const written = JSON.parse(
      await readFile(
        join(fixtures.reportsDir, files.find((f) => f.endsWith('.json')) ?? ''),
        'utf8',
      ),
    ) as { suites: { runId: string; cases: unknown[] }[] };
    expect(written.suites.map((s) => [s.runId, s.cases.length])).toEqual([[id, 2]]);
  });

  it('ends a run cut short by a restart as error with a message when the server starts again', async () => {
    await insertRunningRun(runner.db, {
      runId: 'ev_cut_short',
      suite: 'fixture-golden',
      kind: 'grader-golden',
      title: 'Fixture golden suite',
      mode: 'offline',
      versions: emptyVersions(),
      total: 4,
      startedAt: TEST_NOW.getTime(),
      startedBy: w.ids.designer,
    });
    const config = parseConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      RAPPORT_DEMO_SEED: 'off',
      LOG_LEVEL: 'silent',
    });
    const logger = createMemoryLogger();
    const restarted = await buildNodeRuntime(config, { logger, hasher: fastHasher });
    restarted.close();
    const body = await read<RunBody>(get(other, '/api/evals/runs/ev_cut_short'));
    expect(body.run).toEqual({
      runId: 'ev_cut_short',
      suite: 'fixture-golden',
      kind: 'grader-golden',
      title: 'Fixture golden suite',
      mode: 'offline',
      status: 'error',
      figures: [],
      caseCounts: { pass: 0, fail: 0, error: 0 },
      progress: { done: 0, total: 4 },
      startedAt: TEST_NOW.toISOString(),
      finishedAt: expect.any(String),
      startedFrom: 'web',
      error: INTERRUPTED_MESSAGE,
    });
    // The finished run of the first test is left alone.
    const runs = await read<{ runs: RunView[] }>(get(other, '/api/evals/runs'));
    expect(runs.runs.map((r) => r.status).sort()).toEqual(['error', 'passed']);
    const report = await read<{ suites: { status: string; reason: string }[] }>(
      get(other, '/api/evals/runs/ev_cut_short/report.json'),
    );
    expect(report.suites.map((s) => [s.status, s.reason])).toEqual([
      ['error', INTERRUPTED_MESSAGE],
    ]);
  });
});
