/** The Coverage tab: personas per trait, the trait × interaction type matrix, and standards. */
import type { ContentSummary } from './content-api.ts';
import { CoverageMatrix } from './CoverageMatrix.tsx';
import { StandardsTable } from './StandardsTable.tsx';

export function CoveragePanel({ summary }: { summary: ContentSummary }) {
  const { coverage } = summary;
  const names = new Map(summary.personas.map((p) => [p.id, p.name]));
  const traits = Object.keys(coverage.personasPerTrait).sort();
  return (
    <section aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage</h2>
      <h3>Scenarios by trait and interaction type</h3>
      <CoverageMatrix coverage={coverage} />
      <h3>Personas per trait</h3>
      <table>
        <caption className="visually-hidden">Personas per trait</caption>
        <thead>
          <tr>
            <th scope="col">Trait</th>
            <th scope="col">Personas</th>
            <th scope="col">Who</th>
          </tr>
        </thead>
        <tbody>
          {traits.map((t) => {
            const ids = coverage.personasPerTrait[t] ?? [];
            return (
              <tr key={t}>
                <th scope="row">{t}</th>
                <td>{ids.length}</td>
                <td>{ids.map((id) => names.get(id) ?? id).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Standards</h3>
      <StandardsTable rows={coverage.standards} />
    </section>
  );
}
