/**
 * Eval runs started from the web, as this process sees them: the one batch slot (one batch at a
 * time per process, so a designer cannot start runs faster than they finish) and which runs of
 * the batch are still queued. The database is the record: runs are stored when the batch starts
 * and cases as they finish, so progress and results never depend on this memory.
 */

/** Where a web run is. `skipped` never happens: a suite that would skip is refused at start. */
export type LiveStatus = 'queued' | 'running' | 'passed' | 'failed' | 'error';

/** One suite's run as the web started it. */
export interface LiveRun {
  runId: string;
  suite: string;
  kind: string;
  title: string;
  mode: 'offline' | 'live';
  status: LiveStatus;
  done: number;
  /** Cases to run; null until the suite starts. */
  total: number | null;
  /** When the batch was started (ms). */
  startedAt: number;
  finishedAt: number | null;
  /** User id of whoever started it. */
  startedBy: string;
  /** Why the run errored (shown to designers; internal errors are logged, not shown). */
  error: string | null;
}

/** Finished runs kept in memory for the runs list (the database keeps them all). */
const KEEP_FINISHED = 100;

/** The registry of web runs of one process. */
export class LiveRuns {
  private readonly runs = new Map<string, LiveRun>();
  private busy = false;

  /** Takes the one batch slot; false when a batch is already running. */
  claim(): boolean {
    if (this.busy) return false;
    this.busy = true;
    return true;
  }

  /** Frees the batch slot. */
  release(): void {
    this.busy = false;
  }

  /** Adds a run (queued). */
  add(run: LiveRun): void {
    this.runs.set(run.runId, run);
    this.prune();
  }

  /** Changes fields of a run. */
  update(runId: string, patch: Partial<LiveRun>): void {
    const run = this.runs.get(runId);
    if (run) this.runs.set(runId, { ...run, ...patch });
  }

  /** One run, or undefined. */
  get(runId: string): LiveRun | undefined {
    return this.runs.get(runId);
  }

  /** Every run still known, newest first. */
  list(): LiveRun[] {
    return [...this.runs.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Runs queued or running. */
  active(): LiveRun[] {
    return this.list().filter((r) => r.status === 'queued' || r.status === 'running');
  }

  private prune(): void {
    const finished = [...this.runs.values()].filter((r) => r.finishedAt !== null);
    finished
      .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0))
      .slice(0, Math.max(0, finished.length - KEEP_FINISHED))
      .forEach((r) => this.runs.delete(r.runId));
  }
}
