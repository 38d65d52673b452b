/**
 * A coach's read of one attempt: the transcript (with comments beside each turn) beside the
 * criterion judgements (AI verdict, the assessor's decision, comments), the selected criterion's
 * quotes highlighted, and a form to comment on a turn or a criterion.
 */
import { useCallback, useEffect, useState } from 'react';
import { getJson, verdictLabel, type ReviewCriterion } from '../assessor/review-api.ts';
import { errorMessage } from '../learner/errors.ts';
import type { CoachComment, CoachReview } from './coach-review.ts';
import { CommentedTranscript } from './CommentedTranscript.tsx';
import { CommentForm } from './CommentForm.tsx';

function CriterionRow({
  c,
  comments,
  selected,
  onSelect,
  onComment,
}: {
  c: ReviewCriterion;
  comments: CoachComment[];
  selected: boolean;
  onSelect: () => void;
  onComment: () => void;
}) {
  return (
    <li className={`criterion${selected ? ' criterion-selected' : ''}`}>
      <h4>{c.title}</h4>
      <p>
        AI: <strong>{c.ai ? verdictLabel(c.ai.verdict) : 'not judged'}</strong>
        {' · '}
        Assessor:{' '}
        {c.decision ? (
          <strong>
            {verdictLabel(c.decision.verdict)} (
            {c.decision.action === 'confirm' ? 'confirmed' : 'overridden'})
          </strong>
        ) : (
          'not decided yet'
        )}
      </p>
      {c.decision?.reason ? <p className="prose">Reason: {c.decision.reason}</p> : null}
      {comments.length > 0 && (
        <ul className="comments" aria-label={`Comments on ${c.title}`}>
          {comments.map((m) => (
            <li key={m.id}>
              <strong>{m.authorName}:</strong> {m.body}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="secondary" aria-pressed={selected} onClick={onSelect}>
          Highlight quotes<span className="visually-hidden"> for {c.title}</span>
        </button>
        <button type="button" className="secondary" onClick={onComment}>
          Comment<span className="visually-hidden"> on {c.title}</span>
        </button>
      </div>
    </li>
  );
}

export function CoachAttempt({ attemptId, onBack }: { attemptId: string; onBack: () => void }) {
  const [review, setReview] = useState<CoachReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const load = useCallback(() => {
    getJson<CoachReview>(`/api/review/attempts/${attemptId}`).then(setReview, (err: unknown) =>
      setError(errorMessage(err, 'Could not load this attempt.')),
    );
  }, [attemptId]);
  useEffect(load, [load]);

  if (!review) return <p role={error ? 'alert' : undefined}>{error ?? 'Loading the attempt…'}</p>;
  const chosen = review.gradings
    .flatMap((g) => g.criteria.map((c) => ({ key: `${g.rubric.id}#${c.id}`, c })))
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
      {review.voided ? (
        <p className="error">
          Void (persona fault): {review.voided.reason} ({review.voided.assessorName})
        </p>
      ) : null}
      <div className="review-layout">
        <CommentedTranscript review={review} quotes={quotes} />
        <div>
          {review.gradings.map((g) => {
            const shown = g.criteria.filter((c) => c.ai?.verdict || c.decision);
            return (
              <section key={g.id} aria-labelledby={`coach-grading-${g.id}`}>
                <h2 id={`coach-grading-${g.id}`}>{g.rubric.title || g.rubric.id}</h2>
                <p className="hint">
                  {g.status === 'graded' ? 'Graded' : g.status.replace('_', ' ')}
                  {g.signedOff ? ' · signed off' : ''}
                </p>
                {shown.length === 0 ? (
                  <p className="hint">No criterion of this pack was judged from the chat.</p>
                ) : (
                  <ul className="coach-criteria">
                    {shown.map((c) => {
                      const key = `${g.rubric.id}#${c.id}`;
                      return (
                        <CriterionRow
                          key={c.id}
                          c={c}
                          comments={review.comments.filter(
                            (m) => m.rubricId === g.rubric.id && m.criterionId === c.id,
                          )}
                          selected={selected === key}
                          onSelect={() => setSelected(selected === key ? null : key)}
                          onComment={() => {
                            setTarget(`criterion:${key}`);
                            document.getElementById('comment-body')?.focus();
                          }}
                        />
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
          <CommentForm review={review} target={target} onTarget={setTarget} onAdded={load} />
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
