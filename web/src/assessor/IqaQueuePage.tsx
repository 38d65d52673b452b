/**
 * The second assessor's IQA queue: sampled sign-offs assigned to them, and those awaiting a
 * second assessor that they may claim. Opening one shows it blind (IqaSamplePage).
 */
import { useCallback, useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import type { IqaQueueItem } from './iqa-api.ts';
import { IqaSamplePage } from './IqaSamplePage.tsx';
import { getJson, postJson } from './review-api.ts';

export function IqaQueuePage() {
  const [items, setItems] = useState<IqaQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(() => {
    getJson<{ samples: IqaQueueItem[] }>('/api/review/iqa/queue').then(
      (b) => setItems(b.samples),
      (err: unknown) => setError(err instanceof Error ? err.message : 'Could not load the queue.'),
    );
  }, []);
  useEffect(() => {
    if (!open) load();
  }, [open, load]);

  async function claim(sampleId: string) {
    setError(null);
    try {
      await postJson(`/api/review/iqa/samples/${sampleId}/claim`, {});
      setOpen(sampleId);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not claim this sample.');
      load();
    }
  }

  if (open) return <IqaSamplePage sampleId={open} onBack={() => setOpen(null)} />;
  return (
    <section>
      <h1>Second marking</h1>
      <p className="hint">
        A share of sign-offs is sampled for internal quality assurance. Mark each criterion
        yourself: the first assessor’s verdicts and the AI judgement stay hidden until you complete
        the sample.
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {!items && !error ? <p aria-busy="true">Loading samples…</p> : null}
      {items && items.length === 0 ? (
        <EmptyState title="No samples to second-mark">
          <p>
            When another assessor signs off an attempt that is sampled, it appears here for you to
            mark blind.
          </p>
        </EmptyState>
      ) : null}
      {items && items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>Samples to second-mark</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Scenario</th>
                <th scope="col">Standard</th>
                <th scope="col">Sampled</th>
                <th scope="col">Marked</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.sampleId}>
                  <td>{s.learner.name}</td>
                  <td>{s.scenario.title}</td>
                  <td>{s.rubric.title}</td>
                  <td>{new Date(s.sampledAt).toLocaleString()}</td>
                  <td>{s.decided} criteria</td>
                  <td>
                    {s.awaitingSecondAssessor ? (
                      <button type="button" onClick={() => void claim(s.sampleId)}>
                        Claim{' '}
                        <span className="visually-hidden">
                          the sample of {s.learner.name}’s attempt
                        </span>
                      </button>
                    ) : (
                      <button type="button" onClick={() => setOpen(s.sampleId)}>
                        Mark <span className="visually-hidden">{s.learner.name}’s attempt</span>
                      </button>
                    )}
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
