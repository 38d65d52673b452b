/**
 * One shape for an eval run in the API, whether it is still running in this process (live) or
 * stored in the database: status, figures, case counts, progress and times.
 */
import type { Figure } from '../../evals/result.ts';
import type { CaseCounts, RunRow } from '../../evals/run-queries.ts';
import type { LiveRun, LiveStatus } from './live-runs.ts';

/** An eval run as the runs table and the run page show it. */
export interface RunView {
  runId: string;
  suite: string;
  kind: string;
  title: string;
  mode: 'offline' | 'live';
  status: LiveStatus;
  figures: Figure[];
  caseCounts: CaseCounts | null;
  /** Cases done of the total while a run is going (and for web runs); null otherwise. */
  progress: { done: number; total: number | null } | null;
  startedAt: string;
  finishedAt: string | null;
  /** `cli` (npm run evals) or `web`. */
  startedFrom: 'cli' | 'web';
  error: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A run this process started and has not stored (queued, running, or failed on the server). */
export function liveView(run: LiveRun): RunView {
  return {
    runId: run.runId,
    suite: run.suite,
    kind: run.kind,
    title: run.title,
    mode: run.mode,
    status: run.status,
    figures: [],
    caseCounts: null,
    progress: { done: run.done, total: run.total },
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: iso(run.finishedAt),
    startedFrom: 'web',
    error: run.error,
  };
}

/** Cases stored so far of the planned total, for a run still going or started from the web. */
function storedProgress(row: RunRow): RunView['progress'] {
  if (row.status !== 'running' && row.total === null) return null;
  const done = row.caseCounts.pass + row.caseCounts.fail + row.caseCounts.error;
  return { done, total: row.total };
}

/**
 * A stored run. Progress comes from the stored cases, so every designer and every reload sees
 * the same; only the queued state (stored as running) comes from this process.
 */
export function storedView(row: RunRow, live?: LiveRun): RunView {
  return {
    runId: row.runId,
    suite: row.suite,
    kind: row.kind,
    title: row.title,
    mode: row.mode,
    status: row.status === 'running' && live?.status === 'queued' ? 'queued' : row.status,
    figures: row.figures,
    caseCounts: row.caseCounts,
    progress: storedProgress(row),
    startedAt: new Date(row.startedAt).toISOString(),
    finishedAt: iso(row.finishedAt),
    startedFrom: row.startedBy === 'cli' || row.startedBy === null ? 'cli' : 'web',
    error: row.error,
  };
}

/** Stored runs plus the live runs not (yet) stored, newest first, at most `limit`. */
export function mergeRuns(stored: RunRow[], live: LiveRun[], limit: number): RunView[] {
  const storedIds = new Set(stored.map((r) => r.runId));
  const liveById = new Map(live.map((r) => [r.runId, r]));
  const views = [
    ...live.filter((r) => !storedIds.has(r.runId)).map(liveView),
    ...stored.map((r) => storedView(r, liveById.get(r.runId))),
  ];
  return views.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, limit);
}
