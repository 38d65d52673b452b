/**
 * One scenario the learner may practise: title, industry, interaction type, the customer and
 * their traits, the brief, and a Start button. A repeated click (or a retried request) reuses
 * the same request id, so it never starts two attempts.
 */
import { useRef, useState } from 'react';
import { Facts } from '../designer/Facts.tsx';
import { interactionTypeLabel } from '../designer/labels.ts';
import { TraitList } from '../designer/TraitList.tsx';
import { errorMessage } from './errors.ts';
import { newClientId } from './ids.ts';
import { startAttempt, type ScenarioEntry } from './learner-api.ts';

export function ScenarioCard({
  scenario,
  onStarted,
}: {
  scenario: ScenarioEntry;
  onStarted: (attemptId: string) => void;
}) {
  const requestId = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `scenario-${scenario.id}`;

  async function start() {
    requestId.current ??= newClientId('start');
    setBusy(true);
    setError(null);
    try {
      const attempt = await startAttempt(scenario.id, requestId.current);
      onStarted(attempt.id);
    } catch (err) {
      setError(errorMessage(err, 'Could not start the chat.'));
      setBusy(false);
    }
  }

  return (
    <article className="scenario-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{scenario.title}</h3>
      {scenario.assigned && (
        <p className="assigned">
          <strong>Assigned by your coach</strong>
          {scenario.dueDate ? ` — due ${scenario.dueDate}` : ''}
        </p>
      )}
      <Facts
        items={[
          ['Industry', scenario.industry],
          ['Interaction type', interactionTypeLabel(scenario.interactionType)],
          ['Customer', scenario.customerName],
        ]}
      />
      {scenario.traits.length > 0 && <TraitList traits={scenario.traits} />}
      <p className="prose">{scenario.brief}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button
        type="button"
        onClick={() => void start()}
        disabled={busy}
        aria-describedby={headingId}
      >
        {busy ? 'Starting…' : 'Start'}
      </button>
    </article>
  );
}
