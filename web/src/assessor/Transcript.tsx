/** The chat transcript with the quotes of the selected criterion highlighted. */
import type { Quote, Review } from './review-api.ts';
import { Highlighted } from './Highlighted.tsx';

export function Transcript({
  transcript,
  quotes,
}: {
  transcript: Review['transcript'];
  quotes: Quote[];
}) {
  const quotesFor = (turn: number | 'caseNotes') =>
    quotes.filter((q) => q.turn === turn).map((q) => q.quote);
  return (
    <section aria-label="Transcript" className="transcript">
      <h2>Transcript</h2>
      <ol>
        {transcript.turns.map((t, i) => (
          <li key={i} className={`turn turn-${t.speaker}`}>
            <span className="turn-who">
              {t.speaker === 'agent' ? 'Learner' : 'Customer'} · turn {i}
            </span>
            <p>
              <Highlighted text={t.text} quotes={quotesFor(i)} />
            </p>
          </li>
        ))}
      </ol>
      <h3>Case notes</h3>
      <p className="case-notes">
        {transcript.caseNotes ? (
          <Highlighted text={transcript.caseNotes} quotes={quotesFor('caseNotes')} />
        ) : (
          'No case notes.'
        )}
      </p>
    </section>
  );
}
