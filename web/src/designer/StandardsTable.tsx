/**
 * Each criterion of each catalogued standard with the number of scenarios that can evidence
 * it, or how it is evidenced when no chat can ("other means"), or that no pack covers it.
 */
import type { ContentSummary } from './content-api.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

type Row = ContentSummary['coverage']['standards'][number];

function evidenceText(row: Row): string {
  if (row.citedBy.length === 0) return 'Not covered by any rubric pack';
  if (row.scenarios.length > 0) return String(row.scenarios.length);
  if (row.citedBy.every((c) => c.evidencedBy === 'other')) return 'Evidenced by other means';
  return '0: no scenario can evidence it';
}

export function StandardsTable({ rows }: { rows: Row[] }) {
  return (
    <ScrollRegion label="Standard criteria coverage">
      <table>
        <caption>Standard criteria and the scenarios that can evidence them</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">What it asks for</th>
            <th scope="col">Rubric criteria</th>
            <th scope="col">Scenarios</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.standard} ${row.code}`}>
              <th scope="row">
                {row.standard} {row.code}
              </th>
              <td>{row.text}</td>
              <td>
                {row.citedBy.length === 0
                  ? 'none'
                  : row.citedBy.map((c) => `${c.pack}#${c.criterion}`).join(', ')}
              </td>
              <td>{evidenceText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
