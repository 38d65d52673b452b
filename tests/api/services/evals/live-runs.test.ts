import { describe, expect, it } from 'vitest';
import { LiveRuns, type LiveRun } from '#api/services/evals/live-runs.ts';

const run = (runId: string, startedAt: number, finishedAt: number | null): LiveRun => ({
  runId,
  suite: 'persona-fidelity',
  kind: 'persona-fidelity',
  title: 'Personas',
  mode: 'offline',
  status: finishedAt === null ? 'running' : 'passed',
  done: 0,
  total: null,
  startedAt,
  finishedAt,
  startedBy: 'u1',
  error: null,
});

describe('the registry of web eval runs', () => {
  it('hands out one batch slot at a time until it is released', () => {
    const runs = new LiveRuns();
    expect(runs.claim()).toBe(true);
    expect(runs.claim()).toBe(false);
    runs.release();
    expect(runs.claim()).toBe(true);
  });

  it('lists runs newest first, tracks progress, and tells active runs apart', () => {
    const runs = new LiveRuns();
    runs.add(run('a', 1, 5));
    runs.add(run('b', 2, null));
    runs.update('b', { done: 3, total: 4 });
    expect(runs.list().map((r) => r.runId)).toEqual(['b', 'a']);
    expect(runs.active()).toEqual([{ ...run('b', 2, null), done: 3, total: 4 }]);
  });

  it('keeps at most 100 finished runs, dropping the ones that finished first', () => {
    const runs = new LiveRuns();
    for (let i = 0; i < 105; i++) runs.add(run(`r${i}`, i, i));
    runs.add(run('going', 200, null));
    const ids = runs.list().map((r) => r.runId);
    expect(ids).toHaveLength(101);
    expect(ids).toContain('going');
    expect(ids).not.toContain('r4');
    expect(ids).toContain('r5');
  });
});
