/**
 * Coverage of the content bundle: which diversity traits, interaction types and industries the
 * scenarios span, which scenarios can evidence each rubric criterion, and the problems that
 * make the content unfit to assess against the standards. Pure functions over a ContentBundle.
 */
import type { ContentBundle } from './load.ts';
import { interactionType, type InteractionType } from './schemas.ts';
import { checkPacks, checkStandards } from './coverage-refs.ts';
import { checkGaps, checkRequirements } from './coverage-gaps.ts';
import {
  canEvidence,
  DIVERSITY_TRAITS,
  type CoverageReport,
  type CriterionCoverage,
  type MatrixCell,
} from './coverage-model.ts';

export * from './coverage-model.ts';

/** Each criterion of each pack with the scenarios that can evidence it. */
export function criteriaCoverage(bundle: ContentBundle): CriterionCoverage[] {
  return bundle.rubrics.flatMap((pack) =>
    pack.criteria.map((c) => ({
      pack: pack.id,
      criterion: c.id,
      standardRefs: c.standardRefs,
      evidencedBy: c.evidencedBy,
      ...(c.reuses ? { reuses: c.reuses } : {}),
      ...(c.otherEvidence ? { otherEvidence: c.otherEvidence } : {}),
      scenarios: bundle.scenarios.filter((s) => canEvidence(s, pack, c)).map((s) => s.id),
    })),
  );
}

function groupIds<T extends { id: string }>(
  items: T[],
  keysOf: (item: T) => string[],
  keys: string[] = [],
) {
  const groups: Record<string, string[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (const item of items) for (const key of keysOf(item)) (groups[key] ??= []).push(item.id);
  return groups;
}

/** Non-empty trait × interaction type × industry cells, sorted for stable output. */
export function traitMatrix(bundle: ContentBundle): MatrixCell[] {
  const traitsByPersona = new Map(bundle.personas.map((p) => [p.id, p.traits]));
  const cells = new Map<string, MatrixCell>();
  for (const s of bundle.scenarios) {
    for (const trait of traitsByPersona.get(s.persona) ?? []) {
      const key = `${trait}|${s.interactionType}|${s.industry}`;
      const cell = cells.get(key) ?? {
        trait,
        interactionType: s.interactionType,
        industry: s.industry,
        scenarios: [],
      };
      cell.scenarios.push(s.id);
      cells.set(key, cell);
    }
  }
  return [...cells.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, cell]) => cell);
}

/** Builds the full coverage report, including every problem found. */
export function buildCoverage(bundle: ContentBundle): CoverageReport {
  const personasPerTrait = groupIds(bundle.personas, (p) => p.traits, [...DIVERSITY_TRAITS]);
  const scenariosPerType = groupIds(
    bundle.scenarios,
    (s) => [s.interactionType],
    interactionType.options,
  );
  const criteria = criteriaCoverage(bundle);
  return {
    personasPerTrait,
    scenariosPerType: scenariosPerType as Record<InteractionType, string[]>,
    scenariosPerIndustry: groupIds(bundle.scenarios, (s) => [s.industry]),
    matrix: traitMatrix(bundle),
    criteria,
    problems: [
      ...checkPacks(bundle),
      ...checkStandards(bundle),
      ...checkGaps(bundle, personasPerTrait, scenariosPerType, criteria),
      ...checkRequirements(bundle),
    ],
  };
}
