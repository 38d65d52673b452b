/**
 * The persona playground: pick a scenario and chat as the learner. Every send replays all the
 * turns so far on the server (offline engine, deterministic), so the customer's replies and the
 * director state are exactly what a learner typing the same messages would get.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { fetchScenario, type ContentSummary } from './content-api.ts';
import { DirectorPanel } from './DirectorPanel.tsx';
import { playTurns, type PlaygroundChat, type PlayVersions } from './evals-api.ts';
import { useLoaded } from './useLoaded.ts';

export function PlaygroundPanel({
  summary,
  initial,
}: {
  summary: ContentSummary;
  /** Opens on this scenario, playing stored versions of it or its persona (from the editor). */
  initial?: { scenarioId: string } & PlayVersions;
}) {
  const [scenarioId, setScenarioId] = useState(
    initial?.scenarioId ?? summary.scenarios[0]?.id ?? '',
  );
  const [versions, setVersions] = useState<PlayVersions>({
    ...(initial?.scenarioVersion ? { scenarioVersion: initial.scenarioVersion } : {}),
    ...(initial?.personaVersion ? { personaVersion: initial.personaVersion } : {}),
  });
  const [turns, setTurns] = useState<string[]>([]);
  const [chat, setChat] = useState<PlaygroundChat | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const card = useLoaded(fetchScenario, scenarioId).value;
  const persona = summary.personas.find((p) => p.id === card?.persona);
  const draftId = useId();

  const play = useCallback(
    async (next: string[]) => {
      setBusy(true);
      setError(null);
      try {
        setChat(await playTurns(scenarioId, next, versions));
        setTurns(next);
        return true;
      } catch (err) {
        setError(err instanceof Error ? err.message : 'Could not play the chat.');
        return false;
      } finally {
        setBusy(false);
      }
    },
    [scenarioId, versions],
  );
  useEffect(() => {
    void play([]);
  }, [play]);

  async function send(e: FormEvent) {
    e.preventDefault();
    const text = draft.trim();
    if (!text) {
      setError('Write a message first.');
      return;
    }
    if (await play([...turns, text])) setDraft('');
  }

  const customerTurns = chat?.turns.flatMap((t) => (t.speaker === 'customer' ? [t] : [])) ?? [];
  const latest = customerTurns.at(-1);
  const startPatience = customerTurns[0]?.state.patience ?? 0;
  const ended = chat?.endReason != null;
  return (
    <section aria-labelledby="playground-heading">
      <h2 id="playground-heading">Playground</h2>
      <p className="hint">
        Chat as the learner with the offline persona engine. Lines starting <code>/security</code>,{' '}
        <code>/crm</code>, <code>/kb ID</code> or <code>/action ID</code> record a system action.
      </p>
      <div className="inline-field">
        <label htmlFor="playground-scenario">Scenario</label>
        <select
          id="playground-scenario"
          value={scenarioId}
          onChange={(e) => {
            setScenarioId(e.target.value);
            // Stored versions belong to the scenario they were opened with.
            setVersions({});
            setChat(null);
            setTurns([]);
          }}
        >
          {summary.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      {(versions.scenarioVersion ?? versions.personaVersion) && chat && (
        <p className="hint" role="status">
          Playing stored versions: scenario {chat.scenarioVersion}, persona {chat.personaVersion}.
        </p>
      )}
      {card && (
        <p className="brief">
          <strong>Brief:</strong> {card.brief} {persona && <>Customer: {persona.name}.</>}
        </p>
      )}
      <div className="playground">
        <div className="playground-chat">
          <ol className="chat" aria-label="Chat">
            {chat?.turns.map((t, i) => (
              <li key={i} className={`bubble bubble-${t.speaker}`}>
                <span className="speaker">
                  {t.speaker === 'customer' ? (persona?.name ?? 'Customer') : 'You (agent)'}
                </span>
                <span className="text">{t.text}</span>
                {t.speaker === 'customer' && (
                  <span className="hint turn-state">
                    mood {t.state.mood}/10 · patience {t.state.patience}
                    {t.state.factsRevealed.length > 0 && ` · facts ${t.state.factsRevealed.length}`}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <p className="visually-hidden" aria-live="polite">
            {latest && turns.length > 0 ? `Customer replied: ${latest.text}` : ''}
          </p>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {ended && (
            <p className="chat-ended">
              The chat has ended. Undo the last message or restart to try again.
            </p>
          )}
          <form onSubmit={send} className="chat-form">
            <label htmlFor={draftId}>Your message as the agent</label>
            <textarea
              id={draftId}
              rows={3}
              maxLength={2000}
              value={draft}
              disabled={ended}
              onChange={(e) => setDraft(e.target.value)}
            />
            <div className="actions">
              <button type="submit" disabled={busy || ended || turns.length >= 30}>
                Send
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy || turns.length === 0}
                onClick={() => void play(turns.slice(0, -1))}
              >
                Undo last message
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy || turns.length === 0}
                onClick={() => void play([])}
              >
                Restart
              </button>
            </div>
          </form>
        </div>
        {latest && (
          <DirectorPanel state={latest.state} startPatience={startPatience} scenario={card} />
        )}
      </div>
    </section>
  );
}
