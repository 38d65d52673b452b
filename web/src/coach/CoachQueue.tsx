/**
 * The coach's home: graded attempts of the coach's learners (filterable by status), each linking
 * to its review; the learners of each group, each linking to their progress; and the way to the
 * practice assignments.
 */
import { useEffect, useState } from 'react';
import { getJson, type QueueItem } from '../assessor/review-api.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { errorMessage } from '../learner/errors.ts';
import { fetchScenarios, type ScenarioEntry } from '../learner/learner-api.ts';
import { fetchGroups, type CoachGroup } from './coach-api.ts';
import { CoachLink } from './CoachLink.tsx';
import { CORE_CRITERIA } from './labels.ts';
import { ASSIGNMENTS_PATH, coachAttemptPath, progressPath } from './paths.ts';

const STATUSES = ['', 'grading', 'graded', 'signed_off', 'void'];

export function CoachQueue({ navigate }: { navigate: (path: string) => void }) {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [groups, setGroups] = useState<CoachGroup[] | null>(null);
  const [status, setStatus] = useState('');
  const [learnerId, setLearnerId] = useState('');
  const [scenarioId, setScenarioId] = useState('');
  const [criterionId, setCriterionId] = useState('');
  const [verdict, setVerdict] = useState('');
  const [scenarios, setScenarios] = useState<ScenarioEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const query = new URLSearchParams(
      Object.entries({
        status,
        learnerId,
        scenarioId,
        criterionId,
        verdict: criterionId ? verdict : '',
      }).filter(([, v]) => v !== ''),
    ).toString();
    getJson<{ attempts: QueueItem[] }>(`/api/coach/queue${query ? `?${query}` : ''}`).then(
      (b) => setItems(b.attempts),
      (err: unknown) => setError(errorMessage(err, 'Could not load the queue.')),
    );
  }, [status, learnerId, scenarioId, criterionId, verdict]);
  useEffect(() => {
    Promise.all([fetchGroups(), fetchScenarios()]).then(
      ([g, s]) => {
        setGroups(g);
        setScenarios(s);
      },
      (err: unknown) => setError(errorMessage(err, 'Could not load your groups.')),
    );
  }, []);
  const learners = [
    ...new Map((groups ?? []).flatMap((g) => g.learners.map((l) => [l.id, l] as const))).values(),
  ];

  return (
    <section>
      <h1>Coaching</h1>
      <p>
        <CoachLink to={ASSIGNMENTS_PATH} navigate={navigate}>
          Assign practice
        </CoachLink>{' '}
        — give a learner or a group a scenario with a due date, and see what is assigned.
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <h2>Graded attempts</h2>
      <div className="filters">
        <label htmlFor="coach-status">Status</label>
        <select id="coach-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s ? s.replace('_', ' ') : 'any'}
            </option>
          ))}
        </select>
        <label htmlFor="coach-learner">Learner</label>
        <select id="coach-learner" value={learnerId} onChange={(e) => setLearnerId(e.target.value)}>
          <option value="">any</option>
          {learners.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <label htmlFor="coach-scenario">Scenario</label>
        <select
          id="coach-scenario"
          value={scenarioId}
          onChange={(e) => setScenarioId(e.target.value)}
        >
          <option value="">any</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor="coach-criterion">Criterion</label>
        <select
          id="coach-criterion"
          value={criterionId}
          onChange={(e) => setCriterionId(e.target.value)}
        >
          <option value="">any</option>
          {CORE_CRITERIA.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <label htmlFor="coach-verdict">Verdict</label>
        <select
          id="coach-verdict"
          value={verdict}
          disabled={!criterionId}
          onChange={(e) => setVerdict(e.target.value)}
        >
          <option value="">any</option>
          <option value="met">met</option>
          <option value="not_yet">not yet</option>
        </select>
      </div>
      {items && items.length === 0 ? (
        <EmptyState title="No graded attempts to review">
          <p>
            When learners in your groups finish a roleplay, their graded attempts appear here: read
            the transcript beside each criterion judgement, comment on a turn or a criterion, and
            assign the next practice scenario.
          </p>
        </EmptyState>
      ) : null}
      {items && items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>Your learners’ attempts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Scenario</th>
                <th scope="col">Submitted</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.attemptId}>
                  <td>{a.learner.name}</td>
                  <th scope="row">
                    <CoachLink to={coachAttemptPath(a.attemptId)} navigate={navigate}>
                      {a.scenario.title}
                      <span className="visually-hidden"> by {a.learner.name}</span>
                    </CoachLink>
                  </th>
                  <td>{a.submittedAt ? new Date(a.submittedAt).toLocaleString() : ''}</td>
                  <td>{a.status.replace('_', ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {groups && (
        <section aria-labelledby="learners-heading">
          <h2 id="learners-heading">Your learners</h2>
          {groups.length === 0 ? (
            <p>You do not coach a group yet. Ask an admin to add you to one.</p>
          ) : (
            groups.map((g) => (
              <section key={g.id} aria-label={g.name}>
                <h3>{g.name}</h3>
                <ul>
                  {g.learners.map((l) => (
                    <li key={l.id}>
                      <CoachLink to={progressPath(l.id)} navigate={navigate}>
                        {l.name}’s progress
                      </CoachLink>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </section>
      )}
    </section>
  );
}
