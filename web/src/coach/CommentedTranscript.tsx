/**
 * The chat transcript for a coach: each turn (numbered as quotes and comments cite them) with
 * the selected criterion's quotes highlighted and the comments on that turn beside it.
 */
import { Highlighted } from '../assessor/Highlighted.tsx';
import type { Quote } from '../assessor/review-api.ts';
import type { CoachReview } from './coach-review.ts';

export function CommentedTranscript({ review, quotes }: { review: CoachReview; quotes: Quote[] }) {
  const quotesFor = (turn: number | 'caseNotes') =>
    quotes.filter((q) => q.turn === turn).map((q) => q.quote);
  return (
    <section aria-labelledby="coach-transcript-heading" className="transcript">
      <h2 id="coach-transcript-heading">Transcript</h2>
      <ol>
        {review.transcript.turns.map((t, i) => {
          const comments = review.comments.filter((c) => c.turn === i);
          return (
            <li key={i} className={`turn turn-${t.speaker}`}>
              <span className="turn-who">
                {t.speaker === 'agent' ? 'Learner' : 'Customer'} · turn {i}
              </span>
              <p>
                <Highlighted text={t.text} quotes={quotesFor(i)} />
              </p>
              {comments.length > 0 && (
                <ul className="comments" aria-label={`Comments on turn ${i}`}>
                  {comments.map((c) => (
                    <li key={c.id}>
                      <strong>{c.authorName}:</strong> {c.body}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <h3>Case notes</h3>
      <p className="case-notes">
        {review.transcript.caseNotes ? (
          <Highlighted text={review.transcript.caseNotes} quotes={quotesFor('caseNotes')} />
        ) : (
          'No case notes.'
        )}
      </p>
    </section>
  );
}
