/** Coach home: graded attempts of the coach's learners, filterable, and the attempt view. */
import { useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import { getJson, type QueueItem } from '../assessor/review-api.ts';
import { CoachAttempt } from './CoachAttempt.tsx';

const STATUSES = ['', 'grading', 'graded', 'signed_off', 'void'];

export function CoachHome() {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (open) return;
    const query = status ? `?status=${encodeURIComponent(status)}` : '';
    getJson<{ attempts: QueueItem[] }>(`/api/coach/queue${query}`).then(
      (b) => setItems(b.attempts),
      (err: unknown) => setError(err instanceof Error ? err.message : 'Could not load the queue.'),
    );
  }, [open, status]);

  if (open) return <CoachAttempt attemptId={open} onBack={() => setOpen(null)} />;
  return (
    <section>
      <h1>Coaching</h1>
      <label htmlFor="coach-status">Status</label>
      <select id="coach-status" value={status} onChange={(e) => setStatus(e.target.value)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {s ? s.replace('_', ' ') : 'any'}
          </option>
        ))}
      </select>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
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
        <ul className="coach-queue">
          {items.map((a) => (
            <li key={a.attemptId}>
              <button type="button" onClick={() => setOpen(a.attemptId)}>
                {a.learner.name} — {a.scenario.title}
              </button>{' '}
              {a.status.replace('_', ' ')}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
