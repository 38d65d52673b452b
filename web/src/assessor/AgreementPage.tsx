/**
 * Agreement figures for assessors and designers: per rubric version and criterion, AI vs
 * assessor (Cohen's κ, % agreement, n, 2×2 confusion matrix), and first vs second assessor from
 * IQA second marking, over a chosen period (passed through to /api/review/agreement).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { AgreementTable } from './AgreementTable.tsx';
import type { AgreementReport, CriterionAgreement } from './iqa-api.ts';
import { getJson } from './review-api.ts';

/** Groups rows by rubric version, in the order they come (the API sorts them). */
function byRubric(rows: CriterionAgreement[]) {
  const groups = new Map<string, { id: string; version: string; rows: CriterionAgreement[] }>();
  for (const r of rows) {
    const key = `${r.rubric.id}@${r.rubric.version}`;
    const g = groups.get(key) ?? { ...r.rubric, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function Block({
  title,
  rows,
  raters,
  report,
  empty,
}: {
  title: string;
  rows: CriterionAgreement[];
  raters: { a: string; b: string };
  report: AgreementReport;
  empty: string;
}) {
  const info = (id: string, version: string) =>
    report.rubrics.find((r) => r.id === id && r.version === version);
  return (
    <section>
      <h2>{title}</h2>
      {rows.length === 0 ? <p>{empty}</p> : null}
      {byRubric(rows).map((g) => {
        const rubric = info(g.id, g.version);
        return (
          <AgreementTable
            key={`${g.id}@${g.version}`}
            caption={`${rubric?.title ?? g.id}, version ${g.version}`}
            rows={g.rows}
            raters={raters}
            titleOf={(c) => rubric?.criteria[c] ?? c}
          />
        );
      })}
    </section>
  );
}

/** The period in words; the API sends the epoch and a far-future end when none was chosen. */
function periodText(report: AgreementReport): string {
  const from = new Date(report.from);
  const open = report.to.startsWith('+');
  // A date-only end comes back as the start of the next day: show the last day included.
  const last = new Date(new Date(report.to).getTime() - 1);
  if (from.getTime() === 0 && open) return 'All decisions so far.';
  if (open) return `Decisions from ${from.toLocaleDateString()} onwards.`;
  if (from.getTime() === 0) return `Decisions up to ${last.toLocaleDateString()}.`;
  return `Decisions from ${from.toLocaleDateString()} to ${last.toLocaleDateString()}.`;
}

export function AgreementPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const load = useCallback((period: { from: string; to: string }) => {
    const q = new URLSearchParams();
    if (period.from) q.set('from', period.from);
    if (period.to) q.set('to', period.to);
    const query = q.toString();
    setError(null);
    getJson<AgreementReport>(`/api/review/agreement${query ? `?${query}` : ''}`).then(
      setReport,
      (err: unknown) => setError(err instanceof Error ? err.message : 'Could not load figures.'),
    );
  }, []);
  useEffect(() => load({ from: '', to: '' }), [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    load({ from, to });
  };

  return (
    <section>
      <h1>Agreement</h1>
      <p className="hint">
        How often people agree with the AI grader, and assessors with each other, per criterion.
        Cohen’s κ corrects for chance agreement: 1 is perfect, 0 is no better than chance; a dash
        means it is undefined (no pairs, or both raters gave one verdict only).
      </p>
      <form className="filters" onSubmit={submit} aria-label="Period">
        <label className="inline-field" htmlFor={`${id}-from`}>
          From{' '}
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="inline-field" htmlFor={`${id}-to`}>
          To{' '}
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit">Show figures</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {!report && !error ? <p aria-busy="true">Loading figures…</p> : null}
      {report ? (
        <>
          <p role="status">{periodText(report)}</p>
          <Block
            title="AI grader vs assessor"
            rows={report.criteria}
            raters={{ a: 'AI', b: 'assessor' }}
            report={report}
            empty="No confirmed decisions in this period."
          />
          <Block
            title="First vs second assessor (IQA)"
            rows={report.iqa.criteria}
            raters={{ a: 'first', b: 'second' }}
            report={report}
            empty="No completed second marking in this period."
          />
        </>
      ) : null}
    </section>
  );
}
