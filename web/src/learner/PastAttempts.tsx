/** The learner's past attempts: scenario (a link to reopen it), when, and status or end reason. */
import { attemptPath } from './paths.ts';
import { attemptStatusLabel, dateTime } from './labels.ts';
import type { AttemptEntry } from './learner-api.ts';

export function PastAttempts({
  attempts,
  onOpen,
}: {
  attempts: AttemptEntry[];
  onOpen: (attemptId: string) => void;
}) {
  return (
    <section aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">Your attempts</h2>
      <table>
        <caption className="visually-hidden">Your attempts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <a
                  href={attemptPath(a.id)}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(a.id);
                  }}
                >
                  {a.scenarioTitle}
                </a>
              </th>
              <td>{dateTime(a.startedAt)}</td>
              <td>{attemptStatusLabel(a.status, a.endReason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
