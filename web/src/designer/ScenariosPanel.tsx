/** The Scenarios tab: filters, the filtered list, and one scenario's detail when opened. */
import { useState } from 'react';
import type { ContentSummary } from './content-api.ts';
import { distinct, interactionTypeLabel } from './labels.ts';
import { NO_FILTER, ScenarioFilters, type ScenarioFilterValues } from './ScenarioFilters.tsx';
import { ScenarioDetail } from './ScenarioDetail.tsx';
import { TraitList } from './TraitList.tsx';
import { useOpenItem } from './useOpenItem.ts';

export function ScenariosPanel({ summary }: { summary: ContentSummary }) {
  const [filter, setFilter] = useState<ScenarioFilterValues>(NO_FILTER);
  const { openId, open, close, returnFocus } = useOpenItem();
  const personas = new Map(summary.personas.map((p) => [p.id, p]));
  const opened = summary.scenarios.find((s) => s.id === openId);
  if (opened)
    return <ScenarioDetail entry={opened} persona={personas.get(opened.persona)} onBack={close} />;

  const shown = summary.scenarios.filter(
    (s) =>
      (!filter.industry || s.industry === filter.industry) &&
      (!filter.interactionType || s.interactionType === filter.interactionType) &&
      (!filter.trait || (personas.get(s.persona)?.traits ?? []).some((t) => t === filter.trait)),
  );
  return (
    <section aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">Scenarios</h2>
      <ScenarioFilters
        values={filter}
        industries={distinct(summary.scenarios.map((s) => s.industry))}
        interactionTypes={Object.keys(summary.coverage.scenariosPerType)}
        traits={distinct(summary.personas.flatMap((p) => p.traits))}
        onChange={setFilter}
      />
      <p aria-live="polite" className="hint">
        Showing {shown.length} of {summary.scenarios.length} scenarios.
      </p>
      {shown.length > 0 && (
        <table>
          <caption className="visually-hidden">Scenarios matching the filters</caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Industry</th>
              <th scope="col">Interaction type</th>
              <th scope="col">Persona</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => {
              const persona = personas.get(s.persona);
              return (
                <tr key={s.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      ref={returnFocus(s.id)}
                      onClick={() => open(s.id)}
                    >
                      {s.title}
                    </button>
                  </th>
                  <td>{s.industry}</td>
                  <td>{interactionTypeLabel(s.interactionType)}</td>
                  <td>
                    {persona?.name ?? s.persona}
                    {persona && <TraitList traits={persona.traits} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
