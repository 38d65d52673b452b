/** Comments a coach or assessor left on turns of the learner's chat, with the turn quoted. */
import type { AttemptFeedback } from './learner-api.ts';

export function TurnComments({ feedback }: { feedback: AttemptFeedback }) {
  const onTurns = feedback.comments.filter((c) => c.turn !== null);
  if (onTurns.length === 0) return null;
  return (
    <section aria-labelledby="turn-comments-heading" className="turn-comments">
      <h3 id="turn-comments-heading">Comments on your chat</h3>
      <ul className="comments">
        {onTurns.map((c) => {
          const turn = c.turn === null ? undefined : feedback.transcript.turns[c.turn];
          return (
            <li key={c.id}>
              <p className="hint">
                On turn {c.turn}
                {turn ? ` (${turn.speaker === 'agent' ? 'you' : 'the customer'})` : ''}:
                {turn ? (
                  <>
                    {' '}
                    <q className="prose">{turn.text}</q>
                  </>
                ) : null}
              </p>
              <p className="prose">
                <strong>{c.authorName}:</strong> {c.body}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
