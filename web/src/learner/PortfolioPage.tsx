/**
 * The learner's evidence portfolio: per standard, each criterion met or not yet, in how many
 * confirmed interactions, and what the standard still needs. Link it from the learner home.
 */
import { useEffect, useState } from 'react';
import { getJson } from '../assessor/review-api.ts';
import { recordPath } from '../record/paths.ts';

interface PortfolioCriterion {
  id: string;
  title: string;
  status: 'met' | 'not_yet' | 'other_means';
  label: string;
  interactions: number;
  interactionTypes: string[];
  personaTraits: string[];
  needs: string[];
  otherEvidence: string | null;
}
interface Portfolio {
  confirmedInteractions: number;
  standards: Array<{
    id: string;
    title: string;
    standard: { code: string } | null;
    criteriaMet: number;
    criteriaAssessable: number;
    missingTraits: string[];
    criteria: PortfolioCriterion[];
  }>;
}

/** The portfolio of the signed-in learner, with a link to each standard's printable record. */
export function PortfolioPage({ learnerId }: { learnerId: string }) {
  const [portfolio, setPortfolio] = useState<Portfolio | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<Portfolio>('/api/portfolio').then(setPortfolio, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'Could not load your portfolio.'),
    );
  }, []);
  if (!portfolio) return <p role={error ? 'alert' : undefined}>{error ?? 'Loading…'}</p>;
  return (
    <section>
      <h1>Evidence portfolio</h1>
      <p>Confirmed interactions: {portfolio.confirmedInteractions}</p>
      {portfolio.standards.map((s) => (
        <section key={s.id} aria-label={s.title}>
          <h2>
            {s.standard?.code ?? s.id}: {s.title}
          </h2>
          <p>
            {s.criteriaMet} of {s.criteriaAssessable} criteria met
            {s.missingTraits.length
              ? ` · customers still needed: ${s.missingTraits.join(', ')}`
              : ''}
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Status</th>
                  <th scope="col">Interactions</th>
                  <th scope="col">Still needed</th>
                </tr>
              </thead>
              <tbody>
                {s.criteria.map((c) => (
                  <tr key={c.id}>
                    <td>{c.title}</td>
                    <td>{c.label}</td>
                    <td>
                      {c.interactions}
                      {c.interactionTypes.length ? ` (${c.interactionTypes.join(', ')})` : ''}
                    </td>
                    <td>
                      {c.status === 'other_means' ? (c.otherEvidence ?? '') : c.needs.join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href={recordPath('learner', learnerId, s.id)}>
              Printable evidence record for {s.standard?.code ?? s.title}
            </a>
          </p>
        </section>
      ))}
    </section>
  );
}
