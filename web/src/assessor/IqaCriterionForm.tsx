/** One criterion of a blind IQA sample: the second assessor's verdict and optional reason. */
import { useId, useState, type FormEvent } from 'react';
import type { BlindSample } from './iqa-api.ts';
import { postJson, verdictLabel, type Verdict } from './review-api.ts';

interface Props {
  sampleId: string;
  criterion: BlindSample['criteria'][number];
  locked: boolean;
  onSaved: () => void;
}

export function IqaCriterionForm({ sampleId, criterion: c, locked, onSaved }: Props) {
  const [verdict, setVerdict] = useState<Verdict | null>(c.decision?.verdict ?? null);
  const [reason, setReason] = useState(c.decision?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!verdict) return setError('Choose met or not yet.');
    setError(null);
    try {
      await postJson(`/api/review/iqa/samples/${sampleId}/decisions`, {
        criterionId: c.id,
        verdict,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save this verdict.');
    }
  }

  return (
    <form className="criterion" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{c.title}</h3>
      <p className="hint">{c.description}</p>
      {c.decision ? <p>Your verdict: {verdictLabel(c.decision.verdict)}</p> : null}
      {locked ? null : (
        <>
          <fieldset>
            <legend>Your verdict on {c.title}</legend>
            {(['met', 'not_yet'] as const).map((v) => (
              <label key={v} className="inline-field">
                <input
                  type="radio"
                  name={`${id}-verdict`}
                  value={v}
                  checked={verdict === v}
                  onChange={() => setVerdict(v)}
                />{' '}
                {verdictLabel(v)}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-reason`}>Reason (optional)</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit">Save verdict</button>
        </>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
