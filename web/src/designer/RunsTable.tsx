/**
 * The runs table: suite, status (with live progress), key figures (κ per criterion, pass
 * rates, failed thresholds), cases, mode and time. Each run opens its detail; ticking two runs
 * of one suite compares them.
 */
import { useState } from 'react';
import type { RunView } from './evals-api.ts';
import {
  casesLabel,
  figureLabel,
  formatTime,
  formatValue,
  keyFigures,
  thresholdLabel,
} from './eval-format.ts';
import { RunStatus } from './RunStatus.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

export function RunsTable({
  runs,
  onOpen,
  onCompare,
  returnFocus,
}: {
  runs: RunView[];
  onOpen: (id: string) => void;
  /** Called with the older run first. */
  onCompare: (a: string, b: string) => void;
  returnFocus: (id: string) => (el: HTMLElement | null) => void;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const chosen = runs.filter((r) => picked.includes(r.runId));
  const sameSuite = chosen.length === 2 && chosen[0]?.suite === chosen[1]?.suite;
  const [newer, older] = chosen;
  const hint =
    chosen.length < 2
      ? 'Tick two finished runs of the same suite to compare them.'
      : sameSuite
        ? `Ready to compare two runs of ${chosen[0]?.suite}.`
        : 'The two runs are of different suites: choose two runs of the same suite.';

  if (runs.length === 0) return <p className="hint">No eval runs yet.</p>;
  return (
    <>
      <div className="compare-bar">
        <button
          type="button"
          disabled={!sameSuite}
          onClick={() => older && newer && onCompare(older.runId, newer.runId)}
        >
          Compare selected runs
        </button>
        <p className="hint" aria-live="polite">
          {hint}
        </p>
      </div>
      <ScrollRegion label="Eval runs">
        <table className="runs">
          <caption className="visually-hidden">Eval runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Suite</th>
              <th scope="col">Status</th>
              <th scope="col">Key figures</th>
              <th scope="col">Cases</th>
              <th scope="col">Mode</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const finished = r.caseCounts !== null;
              return (
                <tr key={r.runId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Compare the ${r.suite} run of ${formatTime(r.startedAt)}`}
                      disabled={!finished}
                      checked={picked.includes(r.runId)}
                      onChange={(e) =>
                        setPicked((now) =>
                          e.target.checked
                            ? [...now, r.runId].slice(-2)
                            : now.filter((x) => x !== r.runId),
                        )
                      }
                    />
                  </td>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      ref={returnFocus(r.runId)}
                      onClick={() => onOpen(r.runId)}
                    >
                      {r.title}
                    </button>
                    <span className="hint"> {r.suite}</span>
                  </th>
                  <td>
                    <RunStatus run={r} />
                  </td>
                  <td>
                    <ul className="figures">
                      {keyFigures(r.figures).map((f) => (
                        <li key={f.name} className={f.passed === false ? 'error' : undefined}>
                          {figureLabel(f.name)} {formatValue(f.value)}
                          {f.passed === false && ` (${thresholdLabel(f)})`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{casesLabel(r)}</td>
                  <td>{r.mode}</td>
                  <td>
                    {formatTime(r.startedAt)}
                    <span className="hint"> ({r.startedFrom})</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
