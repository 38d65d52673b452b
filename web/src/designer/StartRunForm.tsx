/**
 * Start an eval run: tick one or more suites (suites only a live run can play are disabled
 * offline, with the reason), optionally live, and start. Errors from the server are announced.
 */
import { useState, type FormEvent } from 'react';
import { startRun, type RunView, type StoredContentRef, type SuiteListing } from './evals-api.ts';

export function StartRunForm({
  listing,
  busy,
  onStarted,
  stored,
}: {
  listing: SuiteListing;
  /** A stored version the runs use instead of the shipped file (from the editor). */
  stored?: StoredContentRef;
  /** A run is in progress: the server refuses another until it ends. */
  busy: boolean;
  onStarted: (runs: RunView[]) => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  if (!listing.canRun) return <p className="hint">{listing.reason}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    // A suite ticked while "live" was on is not run once live is off again.
    const suites = chosen.filter(
      (id) => live || !listing.suites.some((s) => s.id === id && s.needsLive),
    );
    if (suites.length === 0) {
      setError('Choose at least one suite to run.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      onStarted(await startRun(suites, live, stored ? [stored] : []));
      setChosen([]);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not start the run.');
    } finally {
      setSending(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((now) => (on ? [...now, id] : now.filter((x) => x !== id)));

  return (
    <form className="start-run" onSubmit={submit} aria-labelledby="start-run-heading">
      <h3 id="start-run-heading">Start a run</h3>
      {stored && (
        <p className="hint">
          Runs use the stored version {stored.version} of {stored.kind} <code>{stored.id}</code>{' '}
          instead of the shipped file.
        </p>
      )}
      <fieldset>
        <legend>Suites</legend>
        <ul className="suite-choices">
          {listing.suites.map((s) => {
            const disabled = s.needsLive && !live;
            return (
              <li key={s.id} className="check-row">
                <input
                  type="checkbox"
                  id={`suite-${s.id}`}
                  checked={chosen.includes(s.id) && !disabled}
                  disabled={disabled}
                  aria-describedby={`suite-${s.id}-about`}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                <label htmlFor={`suite-${s.id}`}>{s.title}</label>
                <span id={`suite-${s.id}-about`} className="hint">
                  {' '}
                  ({s.id}
                  {s.cases === null ? '' : `, ${s.cases} cases`}
                  {s.needsLive ? ', needs a live run' : ''})
                </span>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {listing.issues.length > 0 && (
        <ul className="error" aria-label="Suite files with problems">
          {listing.issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      {listing.canRunLive ? (
        <p className="check-row">
          <input
            type="checkbox"
            id="run-live"
            checked={live}
            onChange={(e) => setLive(e.target.checked)}
          />
          <label htmlFor="run-live">
            Live: use the configured LLM (costs tokens; answers cached)
          </label>
        </p>
      ) : (
        <p className="hint">Offline engines (no LLM provider is configured on this server).</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={sending || busy}>
        {busy ? 'A run is in progress…' : 'Start run'}
      </button>
    </form>
  );
}
