/**
 * Shared vocabulary of the coverage check: the diversity range, problem kinds, report shapes,
 * and the rule for which scenario can evidence which criterion.
 */
import type { InteractionType, RubricCriterion, RubricPack, Scenario } from './schemas.ts';

/** Traits in the standards' diversity range; each needs at least two personas. */
export const DIVERSITY_TRAITS = [
  'angry',
  'sad',
  'confused',
  'stressed',
  'multilingual',
  'neurodiverse',
] as const;

/** Minimum personas per diversity trait, so a learner meets more than one voice of each. */
export const MIN_PERSONAS_PER_TRAIT = 2;

/** The pack every scenario is graded on. */
export const CORE_PACK_ID = 'core-webchat';

/** What kind of problem; the CLI fails on any of them. */
export type CoverageProblemKind =
  | 'dangling_reference'
  | 'duplicate_standard_code'
  | 'standard_without_pack'
  | 'uncovered_criterion'
  | 'trait_gap'
  | 'interaction_type_gap'
  | 'requirement_unmet'
  | 'inconsistent';

/** One problem, located by a content file (or `standards`) and a short reason. */
export interface CoverageProblem {
  kind: CoverageProblemKind;
  where: string;
  message: string;
}

/** Scenarios that can evidence one rubric criterion. */
export interface CriterionCoverage {
  pack: string;
  criterion: string;
  standardRefs: string[];
  evidencedBy: RubricCriterion['evidencedBy'];
  reuses?: string;
  /** For `other` criteria: what the assessor must collect instead; `scenarios` is then empty. */
  otherEvidence?: string;
  scenarios: string[];
}

/** Scenarios in one trait × interaction type × industry cell (non-empty cells only). */
export interface MatrixCell {
  trait: string;
  interactionType: InteractionType;
  industry: string;
  scenarios: string[];
}

/** Everything the content check reports. */
export interface CoverageReport {
  personasPerTrait: Record<string, string[]>;
  scenariosPerType: Record<InteractionType, string[]>;
  scenariosPerIndustry: Record<string, string[]>;
  matrix: MatrixCell[];
  criteria: CriterionCoverage[];
  problems: CoverageProblem[];
}

/** Whether a scenario can produce evidence for a criterion of a pack it lists. */
export function canEvidence(
  scenario: Scenario,
  pack: RubricPack,
  criterion: RubricCriterion,
): boolean {
  if (!scenario.rubrics.includes(pack.id) || criterion.evidencedBy === 'other') return false;
  if (criterion.evidencedBy === 'supervisorReview' && !scenario.reviewTranscript) return false;
  return (
    !criterion.interactionTypes || criterion.interactionTypes.includes(scenario.interactionType)
  );
}
