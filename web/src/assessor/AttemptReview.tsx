/**
 * The review of one attempt: transcript beside the criterion judgements of each rubric, with the
 * selected criterion's quotes highlighted; void and sign-off.
 */
import { useCallback, useEffect, useState } from 'react';
import { CriterionJudgement } from './CriterionJudgement.tsx';
import { getJson, postJson, type Review } from './review-api.ts';
import { Transcript } from './Transcript.tsx';

export function AttemptReview({ attemptId, onBack }: { attemptId: string; onBack: () => void }) {
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [voidReason, setVoidReason] = useState('');

  const load = useCallback(() => {
    getJson<Review>(`/api/review/attempts/${attemptId}`).then(setReview, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'Could not load this attempt.'),
    );
  }, [attemptId]);
  useEffect(load, [load]);

  const act = async (path: string, body: unknown) => {
    setError(null);
    try {
      await postJson(`/api/review/attempts/${attemptId}/${path}`, body);
      load();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not work.');
    }
  };

  if (!review) return <p role={error ? 'alert' : undefined}>{error ?? 'Loading the attempt…'}</p>;
  const chosen = review.gradings
    .flatMap((g) => g.criteria.map((c) => ({ key: `${g.id}#${c.id}`, c })))
    .find((x) => x.key === selected)?.c;
  const quotes = [...(chosen?.ai?.evidence ?? []), ...(chosen?.decision?.evidence ?? [])];

  return (
    <section>
      <button type="button" onClick={onBack}>
        Back to the queue
      </button>
      <h1>
        {review.attempt.scenario.title} — {review.attempt.learnerName}
      </h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {review.voided ? (
        <p className="error">
          Void: {review.voided.reason} ({review.voided.assessorName})
        </p>
      ) : null}
      <div className="review-layout">
        <Transcript transcript={review.transcript} quotes={quotes} />
        <div>
          {review.gradings.map((g) => (
            <section key={g.id} aria-label={g.rubric.title || g.rubric.id}>
              <h2>
                {g.rubric.title || g.rubric.id} <small>v{g.rubric.version}</small>
              </h2>
              <p>
                {g.status === 'graded' ? 'Graded' : g.status.replace('_', ' ')}
                {g.flags.length ? ` · flags: ${g.flags.join(', ')}` : ''}
                {g.signedOff ? ' · signed off' : ''}
              </p>
              {g.criteria.map((c) => (
                <CriterionJudgement
                  key={c.id}
                  attemptId={attemptId}
                  gradingId={g.id}
                  criterion={c}
                  locked={g.signedOff}
                  selected={selected === `${g.id}#${c.id}`}
                  onSelect={() => setSelected(`${g.id}#${c.id}`)}
                  onChanged={load}
                />
              ))}
              {g.status === 'graded' && !g.signedOff && !review.voided ? (
                <button
                  type="button"
                  onClick={() => void act('sign-offs', { rubricId: g.rubric.id })}
                >
                  Sign off against {g.rubric.title || g.rubric.id}
                </button>
              ) : null}
            </section>
          ))}
          {!review.voided ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act('void', { reason: voidReason });
              }}
            >
              <label htmlFor="void-reason">Void this attempt (persona fault): reason</label>
              <textarea
                id="void-reason"
                value={voidReason}
                onChange={(e) => setVoidReason(e.target.value)}
              />
              <button type="submit">Void attempt</button>
            </form>
          ) : null}
        </div>
      </div>
    </section>
  );
}
