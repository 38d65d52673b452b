/** The Rubric packs tab: every pack with its standard, and one pack's criteria when opened. */
import type { ContentSummary } from './content-api.ts';
import { RubricDetail } from './RubricDetail.tsx';
import { useOpenItem } from './useOpenItem.ts';

export function RubricsPanel({ summary }: { summary: ContentSummary }) {
  const { openId, open, close, returnFocus } = useOpenItem();
  const opened = summary.rubrics.find((r) => r.id === openId);
  if (opened)
    return (
      <RubricDetail
        entry={opened}
        coverage={summary.coverage.criteria.filter((c) => c.pack === opened.id)}
        onBack={close}
      />
    );
  return (
    <section aria-labelledby="rubrics-heading">
      <h2 id="rubrics-heading">Rubric packs</h2>
      <table>
        <caption className="visually-hidden">Rubric packs</caption>
        <thead>
          <tr>
            <th scope="col">Pack</th>
            <th scope="col">Standard</th>
            <th scope="col">Criteria</th>
            <th scope="col">Version</th>
          </tr>
        </thead>
        <tbody>
          {summary.rubrics.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  ref={returnFocus(r.id)}
                  onClick={() => open(r.id)}
                >
                  {r.title}
                </button>
              </th>
              <td>{r.standardCode ?? 'Core (cites several standards)'}</td>
              <td>{r.criteriaCount}</td>
              <td>{r.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
