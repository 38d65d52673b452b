/**
 * One rubric criterion: standard refs, description, indicators and how it is evidenced.
 * Criteria the product cannot collect evidence for say so ("evidenced by other means: …")
 * instead of pretending a chat could show them.
 */
import type { RubricCard } from './content-api.ts';
import { Facts, TextList } from './Facts.tsx';
import { evidencedByLabel, interactionTypeLabel } from './labels.ts';

type Criterion = RubricCard['criteria'][number];

export function CriterionCard({
  criterion: c,
  scenarioCount,
}: {
  criterion: Criterion;
  scenarioCount: number;
}) {
  const other = c.evidencedBy === 'other';
  return (
    <section className="criterion" aria-labelledby={`criterion-${c.id}`}>
      <h4 id={`criterion-${c.id}`}>
        {c.title} <code>{c.id}</code>
      </h4>
      <p className="prose">{c.description}</p>
      <Facts
        items={[
          ['Standard refs', c.standardRefs.length > 0 ? c.standardRefs.join(', ') : 'none'],
          [
            'Evidence',
            other
              ? `Evidenced by other means: ${c.otherEvidence ?? 'not described'}`
              : `Evidenced by ${evidencedByLabel(c.evidencedBy)}`,
          ],
          [
            'Scenarios that can evidence it',
            other ? 'none (not collected in the product)' : String(scenarioCount),
          ],
          ...(c.interactionTypes
            ? ([['Only in', c.interactionTypes.map(interactionTypeLabel).join(', ')]] as Array<
                [string, string]
              >)
            : []),
          ...(c.reuses ? ([['Reuses', c.reuses]] as Array<[string, string]>) : []),
        ]}
      />
      {(c.metIndicators.length > 0 || !c.reuses) && (
        <>
          <h5>Met when</h5>
          <TextList items={c.metIndicators} />
        </>
      )}
      {(c.notYetIndicators.length > 0 || !c.reuses) && (
        <>
          <h5>Not yet when</h5>
          <TextList items={c.notYetIndicators} />
        </>
      )}
    </section>
  );
}
