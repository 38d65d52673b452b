/**
 * Trait × interaction type table of scenario counts, for all industries or one, from the
 * coverage matrix (trait × interaction type × industry cells).
 */
import { useState } from 'react';
import type { ContentSummary } from './content-api.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { distinct, interactionTypeLabel } from './labels.ts';

type Coverage = ContentSummary['coverage'];

export function CoverageMatrix({ coverage }: { coverage: Coverage }) {
  const [industry, setIndustry] = useState('');
  const types = Object.keys(coverage.scenariosPerType);
  const traits = distinct([
    ...Object.keys(coverage.personasPerTrait),
    ...coverage.matrix.map((m) => m.trait),
  ]);
  const cells = coverage.matrix.filter((m) => !industry || m.industry === industry);
  const count = (trait: string, type: string) =>
    cells
      .filter((m) => m.trait === trait && m.interactionType === type)
      .reduce((n, m) => n + m.scenarios.length, 0);
  return (
    <>
      <div className="inline-field">
        <label htmlFor="matrix-industry">Industry</label>
        <select id="matrix-industry" value={industry} onChange={(e) => setIndustry(e.target.value)}>
          <option value="">All industries</option>
          {Object.keys(coverage.scenariosPerIndustry)
            .sort()
            .map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
        </select>
      </div>
      <ScrollRegion label="Trait by interaction type matrix">
        <table className="matrix">
          <caption>
            Scenarios by persona trait and interaction type
            {industry ? ` (industry: ${industry})` : ' (all industries)'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Trait</th>
              {types.map((t) => (
                <th scope="col" key={t}>
                  {interactionTypeLabel(t)}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {traits.map((trait) => {
              const counts = types.map((t) => count(trait, t));
              return (
                <tr key={trait}>
                  <th scope="row">{trait}</th>
                  {counts.map((n, i) => (
                    <td key={types[i]} className={n === 0 ? 'zero' : undefined}>
                      {n}
                    </td>
                  ))}
                  <td>{counts.reduce((a, b) => a + b, 0)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
