/**
 * How far a grader agrees with a labelled set (`evals/golden/`, `evals/injection/`): Cohen's κ,
 * % agreement and the confusion matrix per core criterion, every disagreement with the grader's
 * evidence beside the labeller's rationale, and the count of `not_yet` labels the grader called
 * `met` (the injection quality bar is zero). Pure: the caller loads files and picks the grader.
 */
import type { RubricPack } from '../content/schemas.ts';
import { agreement, type Agreement } from '../grading/kappa.ts';
import type { Evidence, GradingResult, Transcript } from '../transcript/schema.ts';
import { CORE_CRITERIA, type CoreCriterion, type LabelledCase } from './golden.ts';

/** A synchronous grader, e.g. `gradeOffline`. Async graders grade first, then use agreementOf. */
export type SyncGrader = (input: { transcript: Transcript; rubric: RubricPack }) => GradingResult;

/** One criterion of one case where the grader and the label differ. */
export interface Disagreement {
  caseId: string;
  file: string;
  criterion: CoreCriterion;
  expected: 'met' | 'not_yet';
  /** The grader's verdict; null when it gave none (omitted criterion or failed judge). */
  actual: 'met' | 'not_yet' | null;
  evidence: Evidence[];
  /** The labeller's reason, so a reviewer can see who is right. */
  rationale: string;
  /** The grader's feedback, which says why it decided as it did. */
  feedback: string;
}

/** Agreement of one grader with one labelled set. */
export interface LabelledSetAgreement {
  criteria: Record<CoreCriterion, Agreement>;
  disagreements: Disagreement[];
  /** Labels `not_yet` that the grader called `met`, across all core criteria. */
  notYetToMet: number;
}

/**
 * Compares gradings with labels. `results` are matched to cases by transcript id; a case with
 * no result, or a criterion without a verdict, counts as the grader saying `not_yet` (it did not
 * award the criterion), and is listed as a disagreement when the label is `met`.
 */
export function agreementOf(
  cases: readonly LabelledCase[],
  results: readonly GradingResult[],
): LabelledSetAgreement {
  const byId = new Map(results.map((r) => [r.transcriptId, r]));
  const pairs = Object.fromEntries(CORE_CRITERIA.map((c) => [c, [] as [boolean, boolean][]]));
  const disagreements: Disagreement[] = [];
  let notYetToMet = 0;
  for (const item of cases) {
    const result = byId.get(item.transcript.id);
    for (const criterion of CORE_CRITERIA) {
      const label = item.labels[criterion];
      const judged = result?.criteria.find((c) => c.id === criterion);
      const actual = judged?.verdict ?? null;
      const expectedMet = label.verdict === 'met';
      const actualMet = actual === 'met';
      pairs[criterion]!.push([expectedMet, actualMet]);
      if (!expectedMet && actualMet) notYetToMet += 1;
      if (expectedMet !== actualMet || actual === null)
        disagreements.push({
          caseId: item.transcript.id,
          file: item.file,
          criterion,
          expected: label.verdict,
          actual,
          evidence: judged?.evidence ?? [],
          rationale: label.rationale,
          feedback: judged?.feedback ?? '',
        });
    }
  }
  const criteria = Object.fromEntries(
    CORE_CRITERIA.map((c) => [c, agreement(pairs[c]!)]),
  ) as Record<CoreCriterion, Agreement>;
  return { criteria, disagreements, notYetToMet };
}

/** Grades every case with a synchronous grader and compares the verdicts with the labels. */
export function gradeLabelledSet(
  cases: readonly LabelledCase[],
  rubric: RubricPack,
  grader: SyncGrader,
): LabelledSetAgreement {
  return agreementOf(
    cases,
    cases.map((c) => grader({ transcript: c.transcript, rubric })),
  );
}
