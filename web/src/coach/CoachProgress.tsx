/**
 * A learner's progress over time for their coach: a chart of the share of criteria met per
 * graded attempt, the same attempts as a table (the accessible equivalent), and met rates per
 * persona trait and per interaction type. Counts use the assessor's decision where there is one.
 */
import { useEffect, useState } from 'react';
import { interactionTypeLabel } from '../designer/labels.ts';
import { errorMessage } from '../learner/errors.ts';
import { dateTime } from '../learner/labels.ts';
import { fetchProgress, type Progress } from './coach-api.ts';
import { basisLabel } from './labels.ts';
import { CoachLink } from './CoachLink.tsx';
import { coachAttemptPath, COACH_PATH } from './paths.ts';
import { ProgressChart } from './ProgressChart.tsx';
import { percent } from './progress-chart.ts';

function RateTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: Array<{
    name: string;
    attempts: number;
    met: number;
    total: number;
    metRate: number | null;
  }>;
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">Attempts</th>
            <th scope="col">Criteria met</th>
            <th scope="col">Met rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.attempts}</td>
              <td>
                {r.met} of {r.total}
              </td>
              <td>{percent(r.metRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CoachProgress({
  learnerId,
  navigate,
}: {
  learnerId: string;
  navigate: (path: string) => void;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchProgress(learnerId).then(setProgress, (err: unknown) =>
      setError(errorMessage(err, 'Could not load this learner’s progress.')),
    );
  }, [learnerId]);

  const back = (
    <p>
      <CoachLink to={COACH_PATH} navigate={navigate}>
        Back to coaching
      </CoachLink>
    </p>
  );
  if (!progress)
    return (
      <section>
        {back}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p aria-busy="true">Loading progress…</p>
        )}
      </section>
    );
  return (
    <section className="progress">
      {back}
      <h1>Progress: {progress.learner.name}</h1>
      <p className="hint">
        Criteria met in each graded attempt, oldest first. Where an assessor has decided a criterion
        their decision counts; otherwise the AI verdict does. Void attempts are left out.
      </p>
      {progress.attempts.length === 0 ? (
        <p>No graded attempts yet.</p>
      ) : (
        <>
          <ProgressChart attempts={progress.attempts} />
          <div className="table-scroll">
            <table>
              <caption>Graded attempts, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Scenario</th>
                  <th scope="col">Interaction type</th>
                  <th scope="col">Customer traits</th>
                  <th scope="col">Criteria met</th>
                  <th scope="col">Based on</th>
                </tr>
              </thead>
              <tbody>
                {progress.attempts.map((a, i) => (
                  <tr key={a.attemptId}>
                    <td>{i + 1}</td>
                    <td>{dateTime(a.date)}</td>
                    <th scope="row">
                      <CoachLink to={coachAttemptPath(a.attemptId)} navigate={navigate}>
                        {a.scenario.title}
                      </CoachLink>
                    </th>
                    <td>{a.interactionType ? interactionTypeLabel(a.interactionType) : '—'}</td>
                    <td>{a.traits.join(', ') || '—'}</td>
                    <td>
                      {a.met} of {a.total} ({percent(a.total ? a.met / a.total : null)})
                    </td>
                    <td>{basisLabel(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>By customer trait</h2>
          <RateTable
            caption="Criteria met per customer trait"
            heading="Trait"
            rows={progress.byTrait.map((t) => ({ name: t.trait, ...t }))}
          />
          <h2>By interaction type</h2>
          <RateTable
            caption="Criteria met per interaction type"
            heading="Interaction type"
            rows={progress.byInteractionType.map((t) => ({
              name: interactionTypeLabel(t.interactionType),
              ...t,
            }))}
          />
        </>
      )}
    </section>
  );
}
