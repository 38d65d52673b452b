/**
 * The evidence portfolio of one standard (rubric pack), as a pure function of the learner's
 * confirmed interactions: per criterion, met or not yet, in how many distinct interactions,
 * which interaction types and persona traits they cover, and what the pack's sufficiency rules
 * (`evidenceRequirements`) still need. Criteria evidenced by other means are shown as such.
 */
import type {
  InteractionType,
  PersonaTrait,
  RubricCriterion,
  RubricPack,
} from '../../content/schemas.ts';

/** One confirmed, non-void attempt as the portfolio counts it. */
export interface EvidencedInteraction {
  attemptId: string;
  scenarioId: string;
  interactionType: InteractionType;
  traits: readonly PersonaTrait[];
  /** `rubricId#criterionId` of every criterion an assessor decided `met` on this attempt. */
  met: ReadonlySet<string>;
}

type Requirement = RubricPack['evidenceRequirements'][number];

/** Progress against one sufficiency rule for one criterion. */
export interface RequirementProgress {
  id: string;
  description: string;
  satisfied: boolean;
  interactions: { have: number; need: number } | null;
  interactionTypes: { have: number; need: number } | null;
  withTraits: { have: number; need: number; traits: PersonaTrait[] } | null;
  /** What is still needed, in words (empty when satisfied). */
  needs: string[];
}

/** True when a rule can be measured from interactions (not only described). */
const measurable = (r: Requirement) =>
  r.minInteractions !== undefined ||
  r.distinctInteractionTypes !== undefined ||
  r.minWithTraits !== undefined;

const orList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/** The interactions that evidence a criterion (its own decisions, or the core one it reuses). */
export function evidencingInteractions(
  pack: RubricPack,
  criterion: RubricCriterion,
  interactions: readonly EvidencedInteraction[],
): EvidencedInteraction[] {
  const keys = [`${pack.id}#${criterion.id}`, ...(criterion.reuses ? [criterion.reuses] : [])];
  return interactions.filter(
    (i) =>
      keys.some((k) => i.met.has(k)) &&
      (!criterion.interactionTypes || criterion.interactionTypes.includes(i.interactionType)),
  );
}

/** Measures one rule over the interactions that evidence a criterion. */
export function requirementProgress(
  code: string,
  rule: Requirement,
  evidencing: readonly EvidencedInteraction[],
): RequirementProgress {
  const pool = rule.interactionTypes
    ? evidencing.filter((i) => rule.interactionTypes?.includes(i.interactionType))
    : evidencing;
  const needs: string[] = [];
  const typeNote = rule.interactionTypes ? ` (${orList(rule.interactionTypes)})` : '';
  const interactions =
    rule.minInteractions !== undefined ? { have: pool.length, need: rule.minInteractions } : null;
  if (interactions && interactions.have < interactions.need)
    needs.push(`${code}: ${interactions.have} of ${interactions.need} interactions${typeNote}`);
  const types = new Set(pool.map((i) => i.interactionType));
  const interactionTypes =
    rule.distinctInteractionTypes !== undefined
      ? { have: types.size, need: rule.distinctInteractionTypes }
      : null;
  if (interactionTypes && interactionTypes.have < interactionTypes.need)
    needs.push(
      `${code}: ${interactionTypes.have} of ${interactionTypes.need} different interaction types`,
    );
  const traits = rule.personaTraits ?? [];
  const withTraits =
    rule.minWithTraits !== undefined
      ? {
          have: pool.filter((i) => i.traits.some((t) => traits.includes(t))).length,
          need: rule.minWithTraits,
          traits: [...traits],
        }
      : null;
  if (withTraits && withTraits.have < withTraits.need)
    needs.push(`${code}: a customer who is ${orList(traits)} still needed`);
  return {
    id: rule.id,
    description: rule.description,
    satisfied: needs.length === 0,
    interactions,
    interactionTypes,
    withTraits,
    needs,
  };
}

const NO_IDS: string[] = [];
const NO_TYPES: InteractionType[] = [];
const NO_TRAITS: PersonaTrait[] = [];

/** Portfolio status of one criterion. */
export function criterionPortfolio(
  pack: RubricPack,
  criterion: RubricCriterion,
  interactions: readonly EvidencedInteraction[],
) {
  const code = pack.standard?.code ?? pack.id;
  const rules = pack.evidenceRequirements.filter(
    (r) => !r.appliesTo || r.appliesTo.includes(criterion.id),
  );
  const base = {
    id: criterion.id,
    title: criterion.title,
    standardRefs: criterion.standardRefs,
    evidencedBy: criterion.evidencedBy,
    reuses: criterion.reuses ?? null,
  };
  if (criterion.evidencedBy === 'other') {
    return {
      ...base,
      status: 'other_means' as const,
      label: 'evidenced by other means',
      otherEvidence: criterion.otherEvidence ?? null,
      interactions: 0,
      attemptIds: NO_IDS,
      interactionTypes: NO_TYPES,
      personaTraits: NO_TRAITS,
      requirements: rules.map((r) => ({ id: r.id, description: r.description })),
      needs: [],
    };
  }
  const evidencing = evidencingInteractions(pack, criterion, interactions);
  const progress = rules.filter(measurable).map((r) => requirementProgress(code, r, evidencing));
  const needs = progress.flatMap((p) => p.needs);
  if (evidencing.length === 0 && needs.length === 0) needs.push(`${code}: 0 of 1 interactions`);
  return {
    ...base,
    status: needs.length === 0 ? ('met' as const) : ('not_yet' as const),
    label: needs.length === 0 ? 'met' : 'not yet',
    otherEvidence: null,
    interactions: evidencing.length,
    attemptIds: evidencing.map((i) => i.attemptId),
    interactionTypes: [...new Set(evidencing.map((i) => i.interactionType))].sort(),
    personaTraits: [...new Set(evidencing.flatMap((i) => i.traits))].sort(),
    requirements: progress,
    needs,
  };
}

/** The portfolio of one standard pack. */
export function packPortfolio(pack: RubricPack, interactions: readonly EvidencedInteraction[]) {
  const criteria = pack.criteria.map((c) => criterionPortfolio(pack, c, interactions));
  const assessable = criteria.filter((c) => c.status !== 'other_means');
  const contributing = interactions.filter((i) =>
    criteria.some((c) => c.attemptIds.includes(i.attemptId)),
  );
  const wantedTraits = [
    ...new Set(pack.evidenceRequirements.flatMap((r) => r.personaTraits ?? [])),
  ];
  const coveredTraits = new Set(contributing.flatMap((i) => i.traits));
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    standard: pack.standard,
    criteriaMet: assessable.filter((c) => c.status === 'met').length,
    criteriaAssessable: assessable.length,
    criteriaOtherMeans: criteria.length - assessable.length,
    interactions: contributing.length,
    interactionTypes: [...new Set(contributing.map((i) => i.interactionType))].sort(),
    personaTraits: [...coveredTraits].sort(),
    missingTraits: wantedTraits.filter((t) => !coveredTraits.has(t)),
    criteria,
  };
}
