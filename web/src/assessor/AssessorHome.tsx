/** Assessor home: attempts awaiting confirmation (flagged first, oldest first), and the review. */
import { useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import { AttemptReview } from './AttemptReview.tsx';
import { getJson, type QueueItem } from './review-api.ts';

export function AssessorHome() {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (open) return;
    getJson<{ attempts: QueueItem[] }>('/api/review/queue').then(
      (b) => setItems(b.attempts),
      (err: unknown) => setError(err instanceof Error ? err.message : 'Could not load the queue.'),
    );
  }, [open]);

  if (open) return <AttemptReview attemptId={open} onBack={() => setOpen(null)} />;
  return (
    <section>
      <h1>Assessment</h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {items && items.length === 0 ? (
        <EmptyState title="Nothing awaits confirmation">
          <p>
            Graded attempts wait here, oldest first, with flagged ones on top. For each criterion
            you confirm the AI judgement or override it with a reason, then sign the attempt off
            against a standard. No grade counts until you do.
          </p>
        </EmptyState>
      ) : null}
      {items && items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>Attempts awaiting confirmation</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Scenario</th>
                <th scope="col">Submitted</th>
                <th scope="col">Status</th>
                <th scope="col">Flags</th>
                <th scope="col">Review</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.attemptId}>
                  <td>{a.learner.name}</td>
                  <td>{a.scenario.title}</td>
                  <td>{a.submittedAt ? new Date(a.submittedAt).toLocaleString() : ''}</td>
                  <td>{a.status.replace(/_/g, ' ')}</td>
                  <td>{a.flags.join(', ') || 'none'}</td>
                  <td>
                    <button type="button" onClick={() => setOpen(a.attemptId)}>
                      Review <span className="visually-hidden">{a.learner.name}’s attempt</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
