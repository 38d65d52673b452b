/**
 * One IQA sample, blind: the transcript and the criteria, with a verdict (and optional reason)
 * per criterion, then completion. Nothing of the first marking or the AI judgement is shown,
 * because the API does not send it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BlindSample } from './iqa-api.ts';
import { IqaCriterionForm } from './IqaCriterionForm.tsx';
import { getJson, postJson } from './review-api.ts';
import { Transcript } from './Transcript.tsx';

const NO_QUOTES: never[] = [];

export function IqaSamplePage({ sampleId, onBack }: { sampleId: string; onBack: () => void }) {
  const [sample, setSample] = useState<BlindSample | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    getJson<BlindSample>(`/api/review/iqa/samples/${sampleId}`).then(setSample, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'Could not load this sample.'),
    );
  }, [sampleId]);
  useEffect(load, [load]);

  async function complete() {
    setError(null);
    try {
      await postJson(`/api/review/iqa/samples/${sampleId}/complete`, {});
      load();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not complete this sample.');
    }
  }

  if (!sample) return <p role={error ? 'alert' : undefined}>{error ?? 'Loading the sample…'}</p>;
  const done = sample.sample.status === 'complete';
  const marked = sample.criteria.filter((c) => c.decision).length;
  return (
    <section>
      <button type="button" onClick={onBack}>
        Back to second marking
      </button>
      <h1>
        Second marking: {sample.attempt.scenario.title} — {sample.attempt.learnerName}
      </h1>
      <p className="hint">
        {sample.rubric.title} (version {sample.rubric.version}). Marked blind: you see neither the
        first assessor’s verdicts nor the AI judgement.
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="review-layout">
        <Transcript transcript={sample.transcript} quotes={NO_QUOTES} />
        <div>
          <h2>Criteria</h2>
          {sample.criteria.map((c) => (
            <IqaCriterionForm
              key={c.id}
              sampleId={sampleId}
              criterion={c}
              locked={done}
              onSaved={load}
            />
          ))}
          {done ? (
            <p role="status">This sample is complete; your verdicts are final.</p>
          ) : (
            <p>
              <button
                type="button"
                onClick={() => void complete()}
                disabled={marked < sample.criteria.length}
              >
                Complete second marking
              </button>{' '}
              <span className="hint">
                {marked} of {sample.criteria.length} criteria marked
              </span>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
