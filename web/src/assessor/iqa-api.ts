/**
 * Response shapes of the IQA, agreement and export-scope endpoints, for the assessor's pages.
 * They mirror api/services/review/{iqa,iqa-compare,agreement,export-scopes}.ts.
 */
import type { Verdict } from './review-api.ts';

/** One row of the second assessor's IQA queue. */
export interface IqaQueueItem {
  sampleId: string;
  attemptId: string;
  learner: { id: string; name: string };
  scenario: { id: string; title: string };
  rubric: { id: string; title: string };
  awaitingSecondAssessor: boolean;
  decided: number;
  sampledAt: string;
}

/** The blind view of a sample: transcript and criteria, with only the second marker's verdicts. */
export interface BlindSample {
  sample: { id: string; status: 'pending' | 'complete'; completedAt: string | null };
  attempt: { id: string; learnerName: string; scenario: { title: string; brief: string } };
  rubric: { id: string; version: string; title: string };
  transcript: { turns: Array<{ speaker: 'agent' | 'customer'; text: string }>; caseNotes: string };
  criteria: Array<{
    id: string;
    title: string;
    description: string;
    standardRefs: string[];
    decision: { verdict: Verdict; reason: string | null } | null;
  }>;
}

/** One marker's side of a disagreement. */
export interface Marking {
  verdict: Verdict;
  reason: string | null;
  assessorName: string;
}

/** A criterion of a completed sample where first and second verdicts differ. */
export interface Disagreement {
  sampleId: string;
  attemptId: string;
  learner: { name: string };
  scenario: { title: string };
  rubric: { id: string; version: string; title: string };
  criterion: { id: string; title: string };
  first: Marking;
  second: Marking;
  completedAt: string;
}

/** Agreement of two raters on one criterion of one rubric version. */
export interface CriterionAgreement {
  rubric: { id: string; version: string };
  criterionId: string;
  n: number;
  kappa: number | null;
  percentAgreement: number | null;
  confusion: { bothMet: number; aMetBNotYet: number; aNotYetBMet: number; bothNotYet: number };
}

/** The agreement report: AI vs assessor, and first vs second assessor (IQA). */
export interface AgreementReport {
  from: string;
  to: string;
  criteria: CriterionAgreement[];
  iqa: { criteria: CriterionAgreement[] };
  /** Titles of the rubric versions mentioned, with their criteria's titles by id. */
  rubrics: Array<{ id: string; version: string; title: string; criteria: Record<string, string> }>;
}

/** What an export can be of. */
export interface ExportScopes {
  learners: Array<{ id: string; name: string }>;
  groups: Array<{ id: string; name: string }>;
  standards: Array<{ id: string; version: string; title: string; code: string | null }>;
}
