/**
 * Coverage per published standard criterion: which rubric criteria cite each catalogued code,
 * and which scenarios can therefore evidence it. Built on `criteriaCoverage` so the rule for
 * "this scenario can evidence this criterion" lives in one place (`canEvidence`).
 */
import type { CriterionCoverage } from './coverage-model.ts';
import { resolveQualifiedRef } from './coverage-refs.ts';
import type { ContentBundle } from './load.ts';
import type { RubricCriterion } from './schemas.ts';

/** A rubric criterion that cites a standard criterion. */
export interface CitingCriterion {
  pack: string;
  criterion: string;
  evidencedBy: RubricCriterion['evidencedBy'];
}

/** One criterion of a catalogued standard and the scenarios that can evidence it. */
export interface StandardCriterionCoverage {
  /** Standard code, e.g. `CC-GPO1`. */
  standard: string;
  /** Criterion code within the standard, e.g. `1a` or `Outcome 3c`. */
  code: string;
  outcome: string;
  text: string;
  /** Rubric criteria whose `standardRefs` cite this code (none: not covered by any pack). */
  citedBy: CitingCriterion[];
  /** Distinct scenarios, in content order, that can evidence any citing criterion. */
  scenarios: string[];
}

/** `STANDARD code` keys cited by one rubric criterion, resolving core (qualified) refs. */
function citedKeys(bundle: ContentBundle, c: CriterionCoverage): string[] {
  const pack = bundle.rubrics.find((p) => p.id === c.pack);
  const standards = bundle.standards ?? [];
  return c.standardRefs.flatMap((ref) => {
    if (pack?.standard) return [`${pack.standard.code} ${ref}`];
    const resolved = resolveQualifiedRef(ref, standards);
    return resolved ? [`${resolved.standard.code} ${resolved.code}`] : [];
  });
}

/**
 * Every criterion of every catalogued standard, with the rubric criteria citing it and the
 * scenarios that can evidence it. `criteria` is the output of `criteriaCoverage(bundle)`.
 */
export function standardsCoverage(
  bundle: ContentBundle,
  criteria: CriterionCoverage[],
): StandardCriterionCoverage[] {
  const citing = new Map<string, CriterionCoverage[]>();
  for (const c of criteria)
    for (const key of citedKeys(bundle, c)) citing.set(key, [...(citing.get(key) ?? []), c]);
  const order = bundle.scenarios.map((s) => s.id);
  return (bundle.standards ?? []).flatMap((standard) =>
    standard.criteria.map((sc) => {
      const cites = citing.get(`${standard.code} ${sc.code}`) ?? [];
      const ids = new Set(cites.flatMap((c) => c.scenarios));
      return {
        standard: standard.code,
        code: sc.code,
        outcome: sc.outcome,
        text: sc.text,
        citedBy: cites.map((c) => ({
          pack: c.pack,
          criterion: c.criterion,
          evidencedBy: c.evidencedBy,
        })),
        scenarios: order.filter((id) => ids.has(id)),
      };
    }),
  );
}
