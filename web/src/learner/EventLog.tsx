/** The system event log: what the learner opened and did, with the time of each. */
import { eventLabel, timeOfDay } from './labels.ts';
import type { AttemptView } from './learner-api.ts';

export function EventLog({ view }: { view: AttemptView }) {
  const names = {
    articles: new Map(view.systems.knowledgeBase.map((a) => [a.id, a.title])),
    actions: new Map(view.systems.actions.map((a) => [a.id, a.label])),
  };
  if (view.events.length === 0)
    return (
      <p className="hint">
        Nothing logged yet. What you open and do in the systems is recorded here as evidence.
      </p>
    );
  return (
    <ol className="event-log">
      {view.events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.createdAt}>{timeOfDay(e.createdAt)}</time> {eventLabel(e, names)}
        </li>
      ))}
    </ol>
  );
}
