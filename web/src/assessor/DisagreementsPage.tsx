/**
 * IQA disagreements: per completed sample and criterion, the first assessor's verdict beside
 * the second assessor's where they differ, with their reasons.
 */
import { useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import type { Disagreement, Marking } from './iqa-api.ts';
import { getJson, verdictLabel } from './review-api.ts';

function MarkingCell({ m }: { m: Marking }) {
  return (
    <td>
      <strong>{verdictLabel(m.verdict)}</strong> ({m.assessorName})
      {m.reason ? <span className="block">{m.reason}</span> : null}
    </td>
  );
}

export function DisagreementsPage() {
  const [rows, setRows] = useState<Disagreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<{ disagreements: Disagreement[] }>('/api/review/iqa/disagreements').then(
      (b) => setRows(b.disagreements),
      (err: unknown) =>
        setError(err instanceof Error ? err.message : 'Could not load the disagreements.'),
    );
  }, []);

  return (
    <section>
      <h1>IQA disagreements</h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {!rows && !error ? <p aria-busy="true">Loading disagreements…</p> : null}
      {rows && rows.length === 0 ? (
        <EmptyState title="No disagreements">
          <p>
            When a second assessor completes a sample and gives a different verdict on a criterion
            than the first assessor, it is listed here.
          </p>
        </EmptyState>
      ) : null}
      {rows && rows.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>Criteria where first and second marking differ</caption>
            <thead>
              <tr>
                <th scope="col">Learner and scenario</th>
                <th scope="col">Standard</th>
                <th scope="col">Criterion</th>
                <th scope="col">First assessor</th>
                <th scope="col">Second assessor</th>
                <th scope="col">Completed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.sampleId}#${r.criterion.id}`}>
                  <td>
                    {r.learner.name}, {r.scenario.title}
                  </td>
                  <td>
                    {r.rubric.title} ({r.rubric.version})
                  </td>
                  <td>{r.criterion.title}</td>
                  <MarkingCell m={r.first} />
                  <MarkingCell m={r.second} />
                  <td>{new Date(r.completedAt).toLocaleDateString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
