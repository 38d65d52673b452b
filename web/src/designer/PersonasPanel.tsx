/** The Personas tab: every persona with traits and locale, and one persona's card when opened. */
import type { ContentSummary } from './content-api.ts';
import { PersonaDetail } from './PersonaDetail.tsx';
import { TraitList } from './TraitList.tsx';
import { useOpenItem } from './useOpenItem.ts';

export function PersonasPanel({ summary }: { summary: ContentSummary }) {
  const { openId, open, close, returnFocus } = useOpenItem();
  const scenariosOf = (id: string) => summary.scenarios.filter((s) => s.persona === id);
  const opened = summary.personas.find((p) => p.id === openId);
  if (opened)
    return <PersonaDetail entry={opened} scenarios={scenariosOf(opened.id)} onBack={close} />;
  return (
    <section aria-labelledby="personas-heading">
      <h2 id="personas-heading">Personas</h2>
      <table>
        <caption className="visually-hidden">Personas</caption>
        <thead>
          <tr>
            <th scope="col">Persona</th>
            <th scope="col">Traits</th>
            <th scope="col">Locale</th>
            <th scope="col">Scenarios</th>
            <th scope="col">Version</th>
          </tr>
        </thead>
        <tbody>
          {summary.personas.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  ref={returnFocus(p.id)}
                  onClick={() => open(p.id)}
                >
                  {p.name}
                </button>
              </th>
              <td>
                <TraitList traits={p.traits} />
              </td>
              <td>{p.locale}</td>
              <td>{scenariosOf(p.id).length}</td>
              <td>{p.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
