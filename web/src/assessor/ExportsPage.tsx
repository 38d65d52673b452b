/**
 * Exports: choose a learner, a group or a standard and download its criterion decisions as CSV
 * or JSON (GET /api/review/exports, audited); or open a learner's printable evidence record
 * against one standard.
 */
import { useEffect, useId, useState } from 'react';
import { recordPath } from '../record/paths.ts';
import type { ExportScopes } from './iqa-api.ts';
import { getJson } from './review-api.ts';

type Scope = 'learner' | 'group' | 'standard';
const SCOPES: Array<{ id: Scope; label: string }> = [
  { id: 'learner', label: 'A learner' },
  { id: 'group', label: 'A group' },
  { id: 'standard', label: 'A standard' },
];

export function ExportsPage({ navigate }: { navigate: (path: string) => void }) {
  const [scopes, setScopes] = useState<ExportScopes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('learner');
  const [choice, setChoice] = useState<Record<Scope, string>>({
    learner: '',
    group: '',
    standard: '',
  });
  const [recordLearner, setRecordLearner] = useState('');
  const [recordStandard, setRecordStandard] = useState('');
  const id = useId();

  useEffect(() => {
    getJson<ExportScopes>('/api/review/export-scopes').then(
      (s) => {
        setScopes(s);
        const first = (xs: Array<{ id: string }>) => xs[0]?.id ?? '';
        setChoice({
          learner: first(s.learners),
          group: first(s.groups),
          standard: first(s.standards),
        });
        setRecordLearner(first(s.learners));
        setRecordStandard(first(s.standards));
      },
      (err: unknown) => setError(err instanceof Error ? err.message : 'Could not load choices.'),
    );
  }, []);

  if (!scopes)
    return (
      <section>
        <h1>Exports</h1>
        <p role={error ? 'alert' : undefined} className={error ? 'error' : undefined}>
          {error ?? 'Loading…'}
        </p>
      </section>
    );
  const options: Record<Scope, Array<{ id: string; label: string }>> = {
    learner: scopes.learners.map((l) => ({ id: l.id, label: l.name })),
    group: scopes.groups.map((g) => ({ id: g.id, label: g.name })),
    standard: scopes.standards.map((s) => ({
      id: s.id,
      label: s.code ? `${s.code}: ${s.title}` : s.title,
    })),
  };
  const chosen = choice[scope];
  const href = (format: 'csv' | 'json') =>
    `/api/review/exports?${new URLSearchParams({ scope, id: chosen, format }).toString()}`;
  const chosenLabel = options[scope].find((o) => o.id === chosen)?.label ?? '';

  return (
    <section>
      <h1>Exports</h1>
      <p className="hint">
        Every criterion decision (current and superseded) with the AI verdict, the final verdict,
        the assessor, reason, evidence quotes, rubric and prompt versions, attempt and scenario.
        Each download is recorded in the audit log.
      </p>
      <h2>Download decisions</h2>
      <fieldset className="filters">
        <legend>Export the decisions of</legend>
        {SCOPES.map((s) => (
          <label key={s.id} className="inline-field">
            <input
              type="radio"
              name={`${id}-scope`}
              value={s.id}
              checked={scope === s.id}
              onChange={() => setScope(s.id)}
            />{' '}
            {s.label}
          </label>
        ))}
      </fieldset>
      <p>
        <label htmlFor={`${id}-choice`}>
          {SCOPES.find((s) => s.id === scope)?.label.replace(/^A /, 'Which ')}
        </label>{' '}
        <select
          id={`${id}-choice`}
          value={chosen}
          onChange={(e) => setChoice({ ...choice, [scope]: e.target.value })}
        >
          {options[scope].map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </p>
      {chosen ? (
        <ul className="downloads">
          <li>
            <a href={href('csv')} download>
              Download CSV <span className="visually-hidden">of {chosenLabel}</span>
            </a>
          </li>
          <li>
            <a href={href('json')} download>
              Download JSON <span className="visually-hidden">of {chosenLabel}</span>
            </a>
          </li>
        </ul>
      ) : (
        <p>There is nothing to choose from yet.</p>
      )}

      <h2>Printable evidence record</h2>
      <p className="hint">
        One learner against one standard, with each criterion mapped to the standard’s codes, ready
        to print or save as PDF.
      </p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (recordLearner && recordStandard)
            navigate(recordPath('assessor', recordLearner, recordStandard));
        }}
      >
        <label className="inline-field" htmlFor={`${id}-rl`}>
          Learner
        </label>{' '}
        <select
          id={`${id}-rl`}
          value={recordLearner}
          onChange={(e) => setRecordLearner(e.target.value)}
        >
          {options.learner.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <label className="inline-field" htmlFor={`${id}-rs`}>
          Standard
        </label>{' '}
        <select
          id={`${id}-rs`}
          value={recordStandard}
          onChange={(e) => setRecordStandard(e.target.value)}
        >
          {options.standard.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!recordLearner || !recordStandard}>
          Open the record
        </button>
      </form>
    </section>
  );
}
