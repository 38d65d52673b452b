/** A coach's read of one attempt: transcript beside the judgements, and comments. */
import { useCallback, useEffect, useState } from 'react';
import { getJson, postJson, verdictLabel, type Review } from '../assessor/review-api.ts';
import { Transcript } from '../assessor/Transcript.tsx';

export function CoachAttempt({ attemptId, onBack }: { attemptId: string; onBack: () => void }) {
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [turn, setTurn] = useState('');
  const [body, setBody] = useState('');
  const load = useCallback(() => {
    getJson<Review>(`/api/review/attempts/${attemptId}`).then(setReview, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'Could not load this attempt.'),
    );
  }, [attemptId]);
  useEffect(load, [load]);

  async function comment() {
    setError(null);
    try {
      await postJson(`/api/review/attempts/${attemptId}/comments`, { turn: Number(turn), body });
      setBody('');
      load();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The comment was not saved.');
    }
  }

  if (!review) return <p role={error ? 'alert' : undefined}>{error ?? 'Loading the attempt…'}</p>;
  return (
    <section>
      <button type="button" onClick={onBack}>
        Back to the queue
      </button>
      <h1>
        {review.attempt.scenario.title} — {review.attempt.learnerName}
      </h1>
      <div className="review-layout">
        <Transcript transcript={review.transcript} quotes={[]} />
        <div>
          {review.gradings.map((g) => (
            <section key={g.id} aria-label={g.rubric.title || g.rubric.id}>
              <h2>{g.rubric.title || g.rubric.id}</h2>
              <ul>
                {g.criteria
                  .filter((c) => c.ai || c.decision)
                  .map((c) => (
                    <li key={c.id}>
                      {c.title}: AI {verdictLabel(c.ai?.verdict ?? null)}
                      {c.decision ? `, assessor ${verdictLabel(c.decision.verdict)}` : ''}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
          <h2>Comments</h2>
          <ul>
            {review.comments.map((c) => (
              <li key={c.id}>
                {c.turn !== null ? `Turn ${c.turn}` : c.criterionId}: {c.body} — {c.authorName}
              </li>
            ))}
          </ul>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void comment();
            }}
          >
            <label htmlFor="comment-turn">Turn number</label>
            <input
              id="comment-turn"
              inputMode="numeric"
              value={turn}
              onChange={(e) => setTurn(e.target.value)}
            />
            <label htmlFor="comment-body">Comment</label>
            <textarea id="comment-body" value={body} onChange={(e) => setBody(e.target.value)} />
            <button type="submit">Add comment</button>
          </form>
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
