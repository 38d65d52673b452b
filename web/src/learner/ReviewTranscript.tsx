/** Supervisor review exercises: the agent's chat the learner is reviewing, read-only. */
import type { AttemptView } from './learner-api.ts';

export function ReviewTranscript({
  turns,
}: {
  turns: NonNullable<AttemptView['scenario']['reviewTranscript']>;
}) {
  return (
    <section aria-labelledby="review-heading" className="review">
      <h2 id="review-heading">Transcript under review</h2>
      <p className="hint">
        An agent&apos;s chat with a customer. Discuss it with the person in the chat below.
      </p>
      <ol className="chat-log">
        {turns.map((t, i) => (
          <li
            key={i}
            className={`bubble bubble-${t.speaker === 'agent' ? 'reviewed' : 'customer'}`}
          >
            <span className="speaker">{t.speaker === 'agent' ? 'Agent' : 'Customer'}</span>
            <p className="bubble-text">{t.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
