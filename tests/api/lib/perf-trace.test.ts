import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  arrivalOf,
  disablePerfTrace,
  enablePerfTrace,
  flushPerfTrace,
  perfTraceOn,
  traceArrival,
  traceClient,
  traceConnection,
  traceStage,
} from '#api/lib/perf-trace.ts';

const dir = mkdtempSync(join(tmpdir(), 'perf-trace-'));
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { stages: Record<string, { n: number }> });

describe('perf trace', () => {
  afterEach(() => disablePerfTrace());

  it('is off by default: stages are dropped and arrivals are "now"', () => {
    expect(perfTraceOn()).toBe(false);
    traceStage('x', 1);
    const req = {};
    traceArrival(req);
    const before = performance.now();
    expect(arrivalOf(req)).toBeGreaterThanOrEqual(before);
  });

  it('aggregates stages per name into one line per flush, with counts', () => {
    const file = join(dir, 'stages.jsonl');
    enablePerfTrace(file);
    traceStage('send.total', 3);
    traceStage('send.total', 5);
    traceStage('session.miss', 10);
    flushPerfTrace();
    flushPerfTrace();
    const [first, second] = lines(file);
    expect(Object.keys(first!.stages).sort()).toEqual(['send.total', 'session.miss']);
    expect(first!.stages['send.total']).toEqual({ n: 2, p50: 5, p95: 5, max: 5, sum: 8 });
    expect(second!.stages).toEqual({});
  });

  it('remembers arrivals and times the first request of an accepted connection once', () => {
    const file = join(dir, 'arrivals.jsonl');
    enablePerfTrace(file);
    const socket = {};
    traceConnection(socket);
    const req1 = {};
    const req2 = {};
    traceArrival(req1, socket);
    traceArrival(req2, socket);
    expect(arrivalOf(req1)).toBeLessThanOrEqual(arrivalOf(req2));
    flushPerfTrace();
    expect(lines(file)[0]!.stages['http.accept→first request']?.n).toBe(1);
  });

  it('times the statements of a wrapped client by text and counts failures by code', async () => {
    const file = join(dir, 'sql.jsonl');
    enablePerfTrace(file);
    const client = {
      execute: async (_sql?: string) => 'row',
      batch: async () => {
        throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
      },
    };
    traceClient(client);
    await expect(client.execute('select 1')).resolves.toBe('row');
    await expect(client.batch()).rejects.toThrow('busy');
    flushPerfTrace();
    expect(
      Object.fromEntries(Object.entries(lines(file)[0]!.stages).map(([k, v]) => [k, v.n])),
    ).toEqual({
      'sql.execute': 1,
      'sql.text select 1': 1,
      'sql.batch': 1,
      'sql.error.SQLITE_BUSY': 1,
    });
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
