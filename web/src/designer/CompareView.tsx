/**
 * Two runs of one suite side by side: each figure before and after with its change, and every
 * case whose outcome changed with both summaries. Figures that got worse are marked in words.
 */
import { useCallback } from 'react';
import { DetailFrame } from './DetailFrame.tsx';
import { fetchComparison, type RunView } from './evals-api.ts';
import { figureLabel, formatDelta, formatTime, formatValue } from './eval-format.ts';
import { useLoaded } from './useLoaded.ts';

/** Whether a change of `delta` in figure `name` is a regression (error counts should fall). */
function worse(name: string, delta: number | null): boolean {
  if (delta === null || delta === 0) return false;
  const lowerIsBetter = /errors|not_yet_to_met|inconsistent/.test(name);
  return lowerIsBetter ? delta > 0 : delta < 0;
}

export function CompareView({ a, b, onBack }: { a: RunView; b: RunView; onBack: () => void }) {
  const load = useCallback(() => fetchComparison(a.runId, b.runId), [a.runId, b.runId]);
  const { value, error } = useLoaded(load, `${a.runId}:${b.runId}`);
  return (
    <DetailFrame
      title={`Compare ${a.suite} runs`}
      backLabel="Back to eval runs"
      onBack={onBack}
      error={error}
      loading={!value}
    >
      <p>
        Before: {formatTime(a.startedAt)} ({a.mode}, <code>{a.runId}</code>). After:{' '}
        {formatTime(b.startedAt)} ({b.mode}, <code>{b.runId}</code>).
      </p>
      {value && (
        <>
          <table>
            <caption>Figures, before and after</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {value.figureDeltas.map((f) => (
                <tr key={f.name}>
                  <th scope="row">{figureLabel(f.name)}</th>
                  <td>{formatValue(f.before)}</td>
                  <td>{formatValue(f.after)}</td>
                  <td className={worse(f.name, f.delta) ? 'error' : undefined}>
                    {formatDelta(f.delta)}
                    {worse(f.name, f.delta) && ' (worse)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Cases that changed</h3>
          {value.caseChanges.length === 0 ? (
            <p>No case changed its outcome.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Cases whose outcome changed</caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {value.caseChanges.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.id}</th>
                    <td>
                      {c.before}
                      {c.beforeSummary && <span className="hint">: {c.beforeSummary}</span>}
                    </td>
                    <td className={c.after === 'pass' ? undefined : 'error'}>
                      {c.after}
                      {c.afterSummary && <span className="hint">: {c.afterSummary}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </DetailFrame>
  );
}
