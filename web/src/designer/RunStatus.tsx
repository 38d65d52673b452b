/** A run's status in words, with a progress bar while it runs (the words carry the meaning). */
import type { RunView } from './evals-api.ts';
import { statusLabel } from './eval-format.ts';

export function RunStatus({ run }: { run: RunView }) {
  const total = run.progress?.total ?? null;
  const running = run.status === 'running' || run.status === 'queued';
  return (
    <span className={`run-status status-${run.status}`}>
      {statusLabel(run.status)}
      {running && total !== null && (
        <>
          {' '}
          <progress
            max={total}
            value={run.progress?.done ?? 0}
            aria-label={`${run.suite}: ${run.progress?.done ?? 0} of ${total} cases done`}
          />
        </>
      )}
      {run.error && <span className="error"> {run.error}</span>}
    </span>
  );
}
