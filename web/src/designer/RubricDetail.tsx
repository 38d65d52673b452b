/**
 * One rubric pack: its standard, each criterion with standard refs, indicators, how it is
 * evidenced and how many scenarios can evidence it, and the pack's evidence requirements.
 */
import { fetchRubric, type ContentSummary } from './content-api.ts';
import { CriterionCard } from './CriterionCard.tsx';
import { DetailFrame } from './DetailFrame.tsx';
import { Facts, TextList } from './Facts.tsx';
import { useLoaded } from './useLoaded.ts';

type Entry = ContentSummary['rubrics'][number];
type Coverage = ContentSummary['coverage']['criteria'];

export function RubricDetail({
  entry,
  coverage,
  onBack,
}: {
  entry: Entry;
  coverage: Coverage;
  onBack: () => void;
}) {
  const { value: pack, error } = useLoaded(fetchRubric, entry.id);
  return (
    <DetailFrame
      title={entry.title}
      backLabel="Back to rubric packs"
      onBack={onBack}
      error={error}
      loading={!pack}
    >
      <Facts
        items={[
          ['Id', <code key="id">{entry.id}</code>],
          ['Version', entry.version],
          [
            'Standard',
            pack?.standard
              ? `${pack.standard.code}: ${pack.standard.title} (${pack.standard.level})`
              : (entry.standardCode ?? 'Core criteria, citing several standards'),
          ],
          ['Criteria', String(entry.criteriaCount)],
        ]}
      />
      {pack && (
        <>
          <h3>Criteria</h3>
          {pack.criteria.map((c) => (
            <CriterionCard
              key={c.id}
              criterion={c}
              scenarioCount={coverage.find((k) => k.criterion === c.id)?.scenarios.length ?? 0}
            />
          ))}
          <h3>Evidence requirements</h3>
          <TextList
            items={pack.evidenceRequirements.map((r) =>
              r.appliesTo
                ? `${r.description} (applies to ${r.appliesTo.join(', ')})`
                : r.description,
            )}
          />
        </>
      )}
    </DetailFrame>
  );
}
