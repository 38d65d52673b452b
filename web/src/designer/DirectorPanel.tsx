/**
 * The director's hidden state after the latest customer reply: a mood bar, patience, the
 * hidden facts revealed so far (by their text), what the director read in the last message, and
 * whether the chat has ended. Numbers are always written out; the bar only repeats them.
 */
import type { PlaygroundTurn } from './evals-api.ts';
import type { ScenarioCard } from './content-api.ts';

type State = Extract<PlaygroundTurn, { speaker: 'customer' }>['state'];

const END: Record<string, string> = {
  resolved: 'the customer accepted a resolution',
  customer_left: 'the customer left',
  escalated: 'the chat was escalated',
  learner_closed: 'the learner closed the chat',
  timed_out: 'the chat ran out of turns',
};

export function DirectorPanel({
  state,
  startPatience,
  scenario,
}: {
  state: State;
  startPatience: number;
  scenario: ScenarioCard | null;
}) {
  const facts = scenario?.hiddenFacts ?? [];
  const factText = (id: string) => facts.find((f) => f.id === id)?.fact ?? id;
  return (
    <aside className="director" aria-labelledby="director-heading">
      <h3 id="director-heading">Director state</h3>
      <div className="meter-row">
        <label htmlFor="director-mood">Mood</label>
        <meter
          id="director-mood"
          min={0}
          max={10}
          low={3}
          high={7}
          optimum={10}
          value={state.mood}
        />
        <span>{state.mood} of 10</span>
      </div>
      <div className="meter-row">
        <label htmlFor="director-patience">Patience</label>
        <meter
          id="director-patience"
          min={0}
          max={Math.max(startPatience, state.patience, 1)}
          low={2}
          optimum={startPatience}
          value={state.patience}
        />
        <span>
          {state.patience} of {startPatience}
        </span>
      </div>
      <h4>
        Facts revealed ({state.factsRevealed.length} of {facts.length || '?'})
      </h4>
      {state.factsRevealed.length === 0 ? (
        <p className="hint">None yet: the customer reveals a fact when asked the right question.</p>
      ) : (
        <ul aria-label="Facts revealed">
          {state.factsRevealed.map((id) => (
            <li key={id}>{factText(id)}</li>
          ))}
        </ul>
      )}
      <h4>Last message read as</h4>
      <p>
        {state.signals.length ? state.signals.join(', ').replace(/_/g, ' ') : 'nothing notable'}
      </p>
      <ul className="flags" aria-label="Director flags">
        <li>Security check {state.securityChecked ? 'done' : 'not done'}</li>
        <li>Resolution {state.resolutionOffered ? 'offered' : 'not offered'}</li>
        {state.supervisorRequested && <li>Asked for a supervisor</li>}
      </ul>
      <p className={state.ended ? 'chat-ended' : undefined}>
        {state.ended ? `Chat ended: ${END[state.ended] ?? state.ended}.` : 'Chat open.'}
      </p>
    </aside>
  );
}
