/**
 * One criterion: the AI judgement beside the human decision, and the form to confirm it or
 * override it with a reason (and an optional quote from an agent turn).
 */
import { useId, useState, type FormEvent } from 'react';
import { postJson, verdictLabel, type ReviewCriterion } from './review-api.ts';

interface Props {
  attemptId: string;
  gradingId: string;
  criterion: ReviewCriterion;
  locked: boolean;
  selected: boolean;
  onSelect: () => void;
  onChanged: () => void;
}

export function CriterionJudgement(props: Props) {
  const { criterion: c, locked } = props;
  const [reason, setReason] = useState('');
  const [quoteTurn, setQuoteTurn] = useState('');
  const [quote, setQuote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function submit(action: 'confirm' | 'override', e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    const evidence =
      quote.trim() && quoteTurn.trim()
        ? [{ turn: quoteTurn === 'caseNotes' ? 'caseNotes' : Number(quoteTurn), quote }]
        : [];
    try {
      await postJson(`/api/review/attempts/${props.attemptId}/decisions`, {
        gradingId: props.gradingId,
        criterionId: c.id,
        action,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(c.ai?.verdict == null && action === 'override' ? { verdict: 'met' } : {}),
        evidence,
        expectedVersion: c.version,
      });
      setReason('');
      setQuote('');
      props.onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The decision was not saved.');
    }
  }

  return (
    <article className={`criterion${props.selected ? ' criterion-selected' : ''}`}>
      <h3>
        <button
          type="button"
          className="link"
          onClick={props.onSelect}
          aria-pressed={props.selected}
        >
          {c.title}
        </button>
      </h3>
      <p>
        AI: <strong>{c.ai ? verdictLabel(c.ai.verdict) : 'not judged'}</strong>
        {c.ai?.flags.length ? ` (${c.ai.flags.join(', ')})` : ''}
      </p>
      {c.ai?.feedback ? <p className="hint">{c.ai.feedback}</p> : null}
      <p>
        Decision:{' '}
        {c.decision ? (
          <strong>
            {verdictLabel(c.decision.verdict)} (
            {c.decision.action === 'confirm' ? 'confirmed' : 'overridden'} by{' '}
            {c.decision.assessorName})
          </strong>
        ) : (
          'none yet'
        )}
        {c.decision?.reason ? ` — ${c.decision.reason}` : ''}
      </p>
      {c.history.length > 1 ? (
        <details>
          <summary>Earlier decisions ({c.history.length - 1})</summary>
          <ul>
            {c.history.slice(0, -1).map((d) => (
              <li key={d.id}>
                v{d.version}: {verdictLabel(d.verdict)} by {d.assessorName}
                {d.reason ? ` — ${d.reason}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <form onSubmit={(e) => void submit('override', e)} aria-label={`Decide ${c.title}`}>
        <label htmlFor={`${id}-reason`}>
          Reason {locked ? '(required: signed off)' : '(required to override)'}
        </label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
        <label htmlFor={`${id}-turn`}>Evidence turn (number or caseNotes, optional)</label>
        <input id={`${id}-turn`} value={quoteTurn} onChange={(e) => setQuoteTurn(e.target.value)} />
        <label htmlFor={`${id}-quote`}>Exact quote (optional)</label>
        <input id={`${id}-quote`} value={quote} onChange={(e) => setQuote(e.target.value)} />
        <div className="actions">
          {c.ai?.verdict ? (
            <button type="button" onClick={() => void submit('confirm')}>
              Confirm
            </button>
          ) : null}
          <button type="submit">Override to {c.ai?.verdict === 'met' ? 'not yet' : 'met'}</button>
        </div>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </form>
    </article>
  );
}
