/**
 * The designer's overview of the content bundle: counts, validation issues and coverage
 * problems, the coverage report, and short list entries for packs, personas and scenarios.
 * Pure over a ContentBundle, so the route and the tests share it.
 */
import { buildCoverage, type CoverageReport } from './coverage.ts';
import { standardsCoverage, type StandardCriterionCoverage } from './coverage-standards.ts';
import type { ContentBundle, ContentIssue } from './load.ts';
import type { InteractionType, PersonaTrait } from './schemas.ts';

/** A rubric pack as listed. */
export interface RubricPackEntry {
  id: string;
  version: string;
  title: string;
  /** Code of the standard the pack assesses; null for the cross-standard core pack. */
  standardCode: string | null;
  criteriaCount: number;
}

/** A persona as listed. */
export interface PersonaEntry {
  id: string;
  name: string;
  traits: PersonaTrait[];
  locale: string;
  version: string;
}

/** A scenario as listed. */
export interface ScenarioEntry {
  id: string;
  title: string;
  industry: string;
  interactionType: InteractionType;
  persona: string;
  rubrics: string[];
}

/** Everything the content overview shows. */
export interface ContentSummary {
  counts: { rubrics: number; personas: number; scenarios: number; standards: number };
  /** Schema and reference problems found while loading files. */
  issues: ContentIssue[];
  /** Coverage (without its problems, which sit at the top level) plus per-standard coverage. */
  coverage: Omit<CoverageReport, 'problems'> & { standards: StandardCriterionCoverage[] };
  /** Coverage problems: gaps and inconsistencies that make the content unfit to assess. */
  problems: CoverageReport['problems'];
  rubrics: RubricPackEntry[];
  personas: PersonaEntry[];
  scenarios: ScenarioEntry[];
}

/** Builds the overview of a content bundle. */
export function contentSummary(bundle: ContentBundle): ContentSummary {
  const { problems, ...coverage } = buildCoverage(bundle);
  return {
    counts: {
      rubrics: bundle.rubrics.length,
      personas: bundle.personas.length,
      scenarios: bundle.scenarios.length,
      standards: bundle.standards?.length ?? 0,
    },
    issues: bundle.issues,
    problems,
    coverage: { ...coverage, standards: standardsCoverage(bundle, coverage.criteria) },
    rubrics: bundle.rubrics.map((p) => ({
      id: p.id,
      version: p.version,
      title: p.title,
      standardCode: p.standard?.code ?? null,
      criteriaCount: p.criteria.length,
    })),
    personas: bundle.personas.map((p) => ({
      id: p.id,
      name: p.name,
      traits: p.traits,
      locale: p.locale,
      version: p.version,
    })),
    scenarios: bundle.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      industry: s.industry,
      interactionType: s.interactionType,
      persona: s.persona,
      rubrics: s.rubrics,
    })),
  };
}
