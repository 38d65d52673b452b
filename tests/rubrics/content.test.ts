import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildCoverage, DIVERSITY_TRAITS } from '../../api/content/coverage.ts';
import { loadContent } from '../../api/content/load.ts';
import { interactionType } from '../../api/content/schemas.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('the repo content', async () => {
  const bundle = await loadContent(repoRoot);
  const report = buildCoverage(bundle);

  it('has no schema issues and no coverage problems', () => {
    expect({ issues: bundle.issues, problems: report.problems }).toEqual({
      issues: [],
      problems: [],
    });
  });

  it('catalogues all five standards and has a pack for each plus the core pack', () => {
    expect(bundle.standards?.map((s) => s.code).sort()).toEqual([
      'BSBCCO307A',
      'CC-GPO1',
      'DN8J 11',
      'NZ-complex',
      'OCR CC15',
    ]);
    expect(bundle.rubrics.map((p) => p.id).sort()).toEqual([
      'bsbcco307a',
      'core-webchat',
      'nz-cc-gpo1',
      'nz-complex-interactions',
      'ocr-cc15',
      'sqa-dn8j',
    ]);
  });

  it('puts every performance criterion of every standard in exactly one pack criterion', () => {
    const claimed = bundle.rubrics
      .filter((p) => p.standard)
      .flatMap((p) =>
        p.criteria.flatMap((c) => c.standardRefs.map((ref) => `${p.standard?.code} ${ref}`)),
      );
    const published = (bundle.standards ?? []).flatMap((s) =>
      s.criteria.map((c) => `${s.code} ${c.code}`),
    );
    expect([...claimed].sort()).toEqual([...published].sort());
  });

  it('gives every criterion that a roleplay can evidence at least one scenario', () => {
    const uncovered = report.criteria.filter(
      (c) => c.evidencedBy !== 'other' && c.scenarios.length === 0,
    );
    expect(uncovered).toEqual([]);
  });

  it('meets the library size: 14+ personas, 30+ scenarios, 6+ industries, every type and trait', () => {
    expect(bundle.personas.length).toBeGreaterThanOrEqual(14);
    expect(bundle.scenarios.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(report.scenariosPerIndustry).length).toBeGreaterThanOrEqual(6);
    for (const type of interactionType.options)
      expect(report.scenariosPerType[type].length, type).toBeGreaterThan(0);
    for (const trait of DIVERSITY_TRAITS)
      expect(report.personasPerTrait[trait]?.length, trait).toBeGreaterThanOrEqual(2);
    expect(report.scenariosPerType.supervisor.length).toBeGreaterThanOrEqual(2);
    expect(bundle.scenarios.filter((s) => s.reviewTranscript).length).toBeGreaterThanOrEqual(1);
  });

  it('writes every cue word in lower case and gives every scenario a resolving action', () => {
    const cues = bundle.scenarios.flatMap((s) => s.hiddenFacts.flatMap((f) => f.askedBy));
    expect(cues.filter((c) => c !== c.toLowerCase())).toEqual([]);
    expect(
      bundle.scenarios.filter((s) => !s.systems.actions.some((a) => a.resolves)).map((s) => s.id),
    ).toEqual([]);
  });
});
