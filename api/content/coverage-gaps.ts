/**
 * Coverage gaps: diversity traits with too few personas, interaction types with no scenario,
 * criteria no scenario can evidence, scenarios that list packs they cannot evidence, and
 * evidence requirements the current scenarios could never satisfy.
 */
import type { ContentBundle } from './load.ts';
import {
  canEvidence,
  CORE_PACK_ID,
  DIVERSITY_TRAITS,
  MIN_PERSONAS_PER_TRAIT,
  type CoverageProblem,
  type CriterionCoverage,
} from './coverage-model.ts';
import type { RubricPack } from './schemas.ts';

const scenarioFile = (id: string) => `prompts/scenarios/${id}.yaml`;

/** Trait, interaction-type, criterion and per-scenario gaps. */
export function checkGaps(
  bundle: ContentBundle,
  personasPerTrait: Record<string, string[]>,
  scenariosPerType: Record<string, string[]>,
  criteria: CriterionCoverage[],
): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  for (const trait of DIVERSITY_TRAITS) {
    const count = personasPerTrait[trait]?.length ?? 0;
    if (count < MIN_PERSONAS_PER_TRAIT)
      problems.push({
        kind: 'trait_gap',
        where: 'prompts/personas',
        message: `trait "${trait}" has ${count} persona(s), needs ${MIN_PERSONAS_PER_TRAIT}`,
      });
  }
  for (const [type, ids] of Object.entries(scenariosPerType))
    if (ids.length === 0)
      problems.push({
        kind: 'interaction_type_gap',
        where: 'prompts/scenarios',
        message: `no scenario of type "${type}"`,
      });
  for (const c of criteria)
    if (c.evidencedBy !== 'other' && c.scenarios.length === 0)
      problems.push({
        kind: 'uncovered_criterion',
        where: `rubrics/${c.pack}.yaml`,
        message: `no scenario can evidence "${c.criterion}"`,
      });
  const packs = new Map(bundle.rubrics.map((p) => [p.id, p]));
  for (const s of bundle.scenarios) {
    const add = (message: string) =>
      problems.push({ kind: 'inconsistent', where: scenarioFile(s.id), message });
    if (!s.rubrics.includes(CORE_PACK_ID)) add(`does not list ${CORE_PACK_ID}`);
    for (const id of s.rubrics) {
      const pack = packs.get(id);
      if (pack && !pack.criteria.some((c) => canEvidence(s, pack, c)))
        add(`lists ${id} but can evidence none of its criteria`);
    }
    if (!s.systems.actions.some((a) => a.resolves)) add('has no action that resolves the goal');
    for (const f of s.hiddenFacts)
      for (const cue of f.askedBy)
        if (cue !== cue.toLowerCase()) add(`cue "${cue}" of fact "${f.id}" must be lower-case`);
    if (s.interactionType !== 'supervisor' && s.reviewTranscript)
      add('only supervisor scenarios have a reviewTranscript');
  }
  return problems;
}

function requirementProblems(bundle: ContentBundle, pack: RubricPack): CoverageProblem[] {
  const traits = new Map(bundle.personas.map((p) => [p.id, p.traits]));
  const problems: CoverageProblem[] = [];
  for (const r of pack.evidenceRequirements) {
    const applies = pack.criteria.filter((c) => !r.appliesTo || r.appliesTo.includes(c.id));
    if (applies.every((c) => c.evidencedBy === 'other')) continue;
    const eligible = bundle.scenarios.filter(
      (s) =>
        (!r.interactionTypes || r.interactionTypes.includes(s.interactionType)) &&
        applies.some((c) => canEvidence(s, pack, c)),
    );
    const where = `rubrics/${pack.id}.yaml`;
    const add = (message: string) =>
      problems.push({ kind: 'requirement_unmet', where, message: `"${r.id}": ${message}` });
    if (eligible.length < (r.minInteractions ?? 1))
      add(`needs ${r.minInteractions ?? 1} scenario(s), ${eligible.length} can count`);
    const types = new Set(eligible.map((s) => s.interactionType)).size;
    if (types < (r.distinctInteractionTypes ?? 0))
      add(`needs ${r.distinctInteractionTypes} interaction types, scenarios offer ${types}`);
    if (r.personaTraits) {
      const withTraits = eligible.filter((s) =>
        (traits.get(s.persona) ?? []).some((t) => r.personaTraits?.includes(t)),
      );
      if (withTraits.length < (r.minWithTraits ?? 1))
        add(
          `needs ${r.minWithTraits ?? 1} scenario(s) with a persona who is ${r.personaTraits.join('/')}, ${withTraits.length} found`,
        );
    }
  }
  return problems;
}

/** Evidence requirements that no learner could meet with the scenarios in the repo. */
export function checkRequirements(bundle: ContentBundle): CoverageProblem[] {
  return bundle.rubrics.flatMap((pack) => requirementProblems(bundle, pack));
}
