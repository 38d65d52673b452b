/**
 * The printable evidence record of a learner against one standard: per criterion the standard's
 * codes, the confirmed verdicts with date, assessor, quotes (as text), attempt and scenario and
 * sign-off, and the portfolio's sufficiency summary. The print stylesheet hides the app's
 * chrome, so the browser's "Save as PDF" gives the record.
 */
import { useEffect, useState } from 'react';
import { getJson } from '../assessor/review-api.ts';
import type { EvidenceRecord, RecordDecision } from './record-api.ts';

const list = (xs: string[]) => (xs.length === 0 ? 'none' : xs.join(', ').replace(/_/g, ' '));
const day = (iso: string) => new Date(iso).toLocaleDateString();
const verdictText = (v: RecordDecision['verdict']) => (v === 'met' ? 'Met' : 'Not yet');

function DecisionRow({ d }: { d: RecordDecision }) {
  return (
    <tr>
      <td>
        {d.scenario.title}
        <span className="block hint">attempt {d.attemptId}</span>
      </td>
      <td>
        {verdictText(d.verdict)}
        {d.action === 'override' ? ' (assessor override)' : ' (confirmed)'}
        {d.reason ? <span className="block">{d.reason}</span> : null}
      </td>
      <td>{day(d.decidedAt)}</td>
      <td>{d.assessorName}</td>
      <td>
        {d.evidence.length === 0 ? (
          'No quotes'
        ) : (
          <ul className="quotes">
            {d.evidence.map((q, i) => (
              <li key={i}>
                {q.turn === 'caseNotes' ? 'Case notes' : `Turn ${q.turn}`}: “{q.quote}”
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{d.signedOff ? `Signed off ${day(d.signedOff.at)}` : 'Not signed off'}</td>
    </tr>
  );
}

export function EvidenceRecordPage({
  learnerId,
  rubricId,
  onBack,
}: {
  learnerId: string;
  rubricId: string;
  onBack: () => void;
}) {
  const [record, setRecord] = useState<EvidenceRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<EvidenceRecord>(
      `/api/records/learners/${encodeURIComponent(learnerId)}/standards/${encodeURIComponent(rubricId)}`,
    ).then(setRecord, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'Could not load the record.'),
    );
  }, [learnerId, rubricId]);

  if (!record)
    return (
      <section>
        <h1>Evidence record</h1>
        <p role={error ? 'alert' : undefined} className={error ? 'error' : undefined}>
          {error ?? 'Loading the record…'}
        </p>
      </section>
    );
  const s = record.standard;
  const sum = record.summary;
  return (
    <article className="evidence-record">
      <p className="no-print">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>{' '}
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1>Evidence record: {record.learner.name}</h1>
      <dl className="facts">
        <div>
          <dt>Standard</dt>
          <dd>
            {s.code ? `${s.code}: ` : ''}
            {s.title} (rubric {s.id} version {s.version})
          </dd>
        </div>
        {s.level ? (
          <div>
            <dt>Level</dt>
            <dd>{s.level}</dd>
          </div>
        ) : null}
        <div>
          <dt>Printed</dt>
          <dd>{new Date().toLocaleDateString()}</dd>
        </div>
      </dl>
      <section>
        <h2>Sufficiency summary</h2>
        <ul>
          <li>
            {sum.criteriaMet} of {sum.criteriaAssessable} assessable criteria met
            {sum.criteriaOtherMeans > 0
              ? `; ${sum.criteriaOtherMeans} evidenced by other means`
              : ''}
          </li>
          <li>{sum.interactions} confirmed interactions contribute</li>
          <li>Interaction types covered: {list(sum.interactionTypes)}</li>
          <li>Customer traits covered: {list(sum.personaTraits)}</li>
          {sum.missingTraits.length > 0 ? (
            <li>Customer traits still needed: {list(sum.missingTraits)}</li>
          ) : null}
        </ul>
      </section>
      {record.criteria.map((c) => (
        <section key={c.id} className="record-criterion">
          <h2>
            {c.title}
            <span className="block hint">
              Standard criteria: {c.standardCodes.join(', ') || 'none'}
            </span>
          </h2>
          <p>
            <strong>Status: {c.label}</strong>
            {c.needs.length > 0 ? ` — still needed: ${c.needs.join('; ')}` : ''}
          </p>
          {c.status === 'other_means' ? (
            <p>Evidenced by other means{c.otherEvidence ? `: ${c.otherEvidence}` : ''}.</p>
          ) : c.decisions.length === 0 ? (
            <p>No confirmed decisions yet.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>Confirmed decisions on {c.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Attempt and scenario</th>
                    <th scope="col">Verdict</th>
                    <th scope="col">Date</th>
                    <th scope="col">Assessor</th>
                    <th scope="col">Evidence</th>
                    <th scope="col">Sign-off</th>
                  </tr>
                </thead>
                <tbody>
                  {c.decisions.map((d) => (
                    <DecisionRow key={`${d.attemptId}#${d.rubric.id}#${d.criterionId}`} d={d} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </article>
  );
}
