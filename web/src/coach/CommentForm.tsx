/** The coach's comment form: pick a turn or a criterion, write the comment, add it. */
import { useState, type FormEvent } from 'react';
import { postJson } from '../assessor/review-api.ts';
import { errorMessage } from '../learner/errors.ts';
import { commentTarget, type CoachReview } from './coach-review.ts';

/** A turn's option text: who spoke and the start of what they said. */
const turnOption = (i: number, t: { speaker: string; text: string }) =>
  `Turn ${i} (${t.speaker === 'agent' ? 'learner' : 'customer'}): ${t.text.length > 60 ? `${t.text.slice(0, 57)}…` : t.text}`;

export function CommentForm({
  review,
  target,
  onTarget,
  onAdded,
}: {
  review: CoachReview;
  /** The selected target (`turn:3` or `criterion:rubric#id`); a criterion's button sets it. */
  target: string;
  onTarget: (value: string) => void;
  onAdded: () => void;
}) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const about = commentTarget(target);
    if (!about) {
      setError('Choose a turn or a criterion to comment on.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await postJson(`/api/review/attempts/${review.attempt.id}/comments`, { ...about, body });
      setBody('');
      onAdded();
    } catch (err) {
      setError(errorMessage(err, 'The comment was not saved.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="comment-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="comment-heading"
    >
      <h2 id="comment-heading">Add a comment</h2>
      <label htmlFor="comment-target">About</label>
      <select id="comment-target" value={target} onChange={(e) => onTarget(e.target.value)}>
        <option value="">Choose a turn or a criterion</option>
        <optgroup label="Turns">
          {review.transcript.turns.map((t, i) => (
            <option key={i} value={`turn:${i}`}>
              {turnOption(i, t)}
            </option>
          ))}
        </optgroup>
        {review.gradings.map((g) => (
          <optgroup key={g.id} label={`Criteria: ${g.rubric.title || g.rubric.id}`}>
            {g.criteria.map((c) => (
              <option key={c.id} value={`criterion:${g.rubric.id}#${c.id}`}>
                {c.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor="comment-body">Comment</label>
      <textarea id="comment-body" required value={body} onChange={(e) => setBody(e.target.value)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add comment'}
      </button>
    </form>
  );
}
