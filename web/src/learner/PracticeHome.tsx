/**
 * Learner home: the scenarios open for practice (filterable, each with its brief and a Start
 * button) and the learner's past attempts with a link to reopen each.
 */
import { useEffect, useState } from 'react';
import type { Me } from '../auth/session.ts';
import { distinct } from '../designer/labels.ts';
import {
  NO_FILTER,
  ScenarioFilters,
  type ScenarioFilterValues,
} from '../designer/ScenarioFilters.tsx';
import { errorMessage } from './errors.ts';
import {
  fetchAttempts,
  fetchScenarios,
  type AttemptEntry,
  type ScenarioEntry,
} from './learner-api.ts';
import { PastAttempts } from './PastAttempts.tsx';
import { ScenarioCard } from './ScenarioCard.tsx';
import { useFocusHeading } from './useFocusHeading.ts';
import { PORTFOLIO_PATH } from './paths.ts';

export function PracticeHome({
  me,
  focusHeading,
  onOpen,
  onPortfolio,
}: {
  me: Me;
  focusHeading: boolean;
  onOpen: (attemptId: string) => void;
  onPortfolio: () => void;
}) {
  const [scenarios, setScenarios] = useState<ScenarioEntry[] | null>(null);
  const [attempts, setAttempts] = useState<AttemptEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<ScenarioFilterValues>(NO_FILTER);
  const heading = useFocusHeading<HTMLHeadingElement>(scenarios !== null, focusHeading);

  useEffect(() => {
    Promise.all([fetchScenarios(), fetchAttempts()]).then(
      ([s, a]) => {
        setScenarios(s);
        setAttempts(a);
      },
      (err: unknown) => setError(errorMessage(err, 'Could not load your practice scenarios.')),
    );
  }, []);

  const all = scenarios ?? [];
  const shown = all.filter(
    (s) =>
      (!filter.industry || s.industry === filter.industry) &&
      (!filter.interactionType || s.interactionType === filter.interactionType) &&
      (!filter.trait || s.traits.some((t) => t === filter.trait)),
  );
  // Scenarios a coach assigned come first.
  shown.sort((a, b) => Number(b.assigned) - Number(a.assigned));

  return (
    <section className="practice">
      <h1 ref={heading} tabIndex={-1}>
        Practice
      </h1>
      <p>
        Hello {me.user.name}. Chat with a customer as the agent, write your case notes, and get
        feedback on each criterion.
      </p>
      <p>
        <a
          href={PORTFOLIO_PATH}
          onClick={(e) => {
            e.preventDefault();
            onPortfolio();
          }}
        >
          Your evidence portfolio
        </a>{' '}
        — which criteria of each standard your confirmed chats evidence, and what is still needed.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!scenarios && !error && <p aria-busy="true">Loading scenarios…</p>}
      {attempts && attempts.length > 0 && <PastAttempts attempts={attempts} onOpen={onOpen} />}
      {scenarios && (
        <section aria-labelledby="scenarios-heading">
          <h2 id="scenarios-heading">Scenarios</h2>
          <ScenarioFilters
            values={filter}
            industries={distinct(all.map((s) => s.industry))}
            interactionTypes={distinct(all.map((s) => s.interactionType))}
            traits={distinct(all.flatMap((s) => s.traits))}
            onChange={setFilter}
          />
          <p aria-live="polite" className="hint">
            Showing {shown.length} of {all.length} scenarios.
          </p>
          <ul className="scenario-cards">
            {shown.map((s) => (
              <li key={s.id}>
                <ScenarioCard scenario={s} onStarted={onOpen} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
