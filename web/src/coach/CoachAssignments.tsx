/**
 * Practice assignments: a form to assign a scenario to one of the coach's learners or groups
 * with a due date, and the assignments already given (each can be cancelled).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../learner/errors.ts';
import { fetchScenarios, type ScenarioEntry } from '../learner/learner-api.ts';
import {
  assignScenario,
  cancelAssignment,
  fetchAssignments,
  fetchGroups,
  type Assignment,
  type CoachGroup,
} from './coach-api.ts';
import { CoachLink } from './CoachLink.tsx';
import { COACH_PATH } from './paths.ts';

/** Who an assignment is for, in words. */
const targetOf = (a: Assignment) =>
  a.learner ? a.learner.name : a.group ? `Group: ${a.group.name}` : '';

/** The form's "assign to" value: `group:<id>` or `learner:<id>`. */
function parseTarget(value: string): { groupId: string } | { learnerId: string } | null {
  const [kind, id] = value.split(':', 2);
  if (!id) return null;
  return kind === 'group' ? { groupId: id } : { learnerId: id };
}

function AssignForm({
  scenarios,
  groups,
  onAssigned,
}: {
  scenarios: ScenarioEntry[];
  groups: CoachGroup[];
  onAssigned: (message: string) => void;
}) {
  const [scenarioId, setScenarioId] = useState('');
  const [target, setTarget] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const learners = [
    ...new Map(groups.flatMap((g) => g.learners.map((l) => [l.id, l] as const))).values(),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const who = parseTarget(target);
    if (!scenarioId || !who || !dueDate) {
      setError('Choose a scenario, who it is for and a due date.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await assignScenario({ scenarioId, dueDate, ...who });
      const title = scenarios.find((s) => s.id === scenarioId)?.title ?? scenarioId;
      onAssigned(`Assigned “${title}”, due ${dueDate}.`);
      setScenarioId('');
      setTarget('');
      setDueDate('');
    } catch (err) {
      setError(errorMessage(err, 'The assignment was not saved.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="assign-form" onSubmit={(e) => void submit(e)} aria-labelledby="assign-heading">
      <h2 id="assign-heading">Assign a scenario</h2>
      <label htmlFor="assign-scenario">Scenario</label>
      <select
        id="assign-scenario"
        required
        value={scenarioId}
        onChange={(e) => setScenarioId(e.target.value)}
      >
        <option value="">Choose a scenario</option>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <label htmlFor="assign-target">Assign to</label>
      <select
        id="assign-target"
        required
        value={target}
        onChange={(e) => setTarget(e.target.value)}
      >
        <option value="">Choose a learner or a group</option>
        <optgroup label="Groups">
          {groups.map((g) => (
            <option key={g.id} value={`group:${g.id}`}>
              Group: {g.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Learners">
          {learners.map((l) => (
            <option key={l.id} value={`learner:${l.id}`}>
              {l.name}
            </option>
          ))}
        </optgroup>
      </select>
      <label htmlFor="assign-due">Due date</label>
      <input
        id="assign-due"
        type="date"
        required
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}

export function CoachAssignments({ navigate }: { navigate: (path: string) => void }) {
  const [scenarios, setScenarios] = useState<ScenarioEntry[] | null>(null);
  const [groups, setGroups] = useState<CoachGroup[] | null>(null);
  const [assignments, setAssignments] = useState<Assignment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const reload = useCallback(() => {
    fetchAssignments().then(setAssignments, (err: unknown) =>
      setError(errorMessage(err, 'Could not load the assignments.')),
    );
  }, []);
  useEffect(() => {
    Promise.all([fetchScenarios(), fetchGroups()]).then(
      ([s, g]) => {
        setScenarios(s);
        setGroups(g);
      },
      (err: unknown) => setError(errorMessage(err, 'Could not load scenarios and groups.')),
    );
    reload();
  }, [reload]);

  async function cancel(a: Assignment) {
    setError(null);
    try {
      await cancelAssignment(a.id);
      setNotice(`Cancelled “${a.scenario.title}” for ${targetOf(a)}.`);
      reload();
    } catch (err) {
      setError(errorMessage(err, 'The assignment was not cancelled.'));
    }
  }

  return (
    <section>
      <p>
        <CoachLink to={COACH_PATH} navigate={navigate}>
          Back to coaching
        </CoachLink>
      </p>
      <h1>Practice assignments</h1>
      <p role="status" className="hint">
        {notice}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {scenarios && groups ? (
        <AssignForm
          scenarios={scenarios}
          groups={groups}
          onAssigned={(message) => {
            setNotice(message);
            reload();
          }}
        />
      ) : (
        !error && <p aria-busy="true">Loading…</p>
      )}
      <h2>Assigned</h2>
      {assignments && assignments.length === 0 && <p>Nothing is assigned yet.</p>}
      {assignments && assignments.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>Assignments, earliest due first</caption>
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Assigned to</th>
                <th scope="col">Due</th>
                <th scope="col">Assigned by</th>
                <th scope="col">Cancel</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.scenario.title}</th>
                  <td>{targetOf(a)}</td>
                  <td>{a.dueDate}</td>
                  <td>{a.assignedBy.name}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => void cancel(a)}>
                      Cancel
                      <span className="visually-hidden">
                        {' '}
                        “{a.scenario.title}” for {targetOf(a)}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
