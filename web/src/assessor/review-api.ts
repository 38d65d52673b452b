/**
 * Small fetch helpers and response shapes for the review pages (assessor, coach, learner
 * portfolio). Shapes mirror api/services/review and api/services/portfolio.
 */
import { readJson } from '../api/client.ts';

/** GET a JSON resource. */
export async function getJson<T>(path: string): Promise<T> {
  return readJson<T>(await fetch(path, { credentials: 'same-origin' }));
}

/** POST JSON and read the JSON answer (errors carry the server's message). */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return readJson<T>(res);
}

export type Verdict = 'met' | 'not_yet';
export interface Quote {
  turn: number | 'caseNotes';
  quote: string;
}

export interface QueueItem {
  attemptId: string;
  learner: { id: string; name: string };
  scenario: { id: string; title: string; interactionType: string | null };
  submittedAt: string | null;
  status: string;
  flags: string[];
  rubrics: Array<{
    rubric: { id: string; version: string };
    status: string;
    criteria: number;
    decided: number;
    signedOff: boolean;
  }>;
}

export interface Decision {
  id: string;
  version: number;
  action: 'confirm' | 'override';
  aiVerdict: Verdict | null;
  verdict: Verdict;
  reason: string | null;
  evidence: Quote[];
  assessorName: string;
  afterSignOff: boolean;
  createdAt: string;
}

export interface ReviewCriterion {
  id: string;
  title: string;
  standardRefs: string[];
  ai: { verdict: Verdict | null; evidence: Quote[]; feedback: string; flags: string[] } | null;
  decision: Decision | null;
  version: number;
  history: Decision[];
}

export interface ReviewGrading {
  id: string;
  rubric: { id: string; version: string; title: string };
  status: string;
  reason: string | null;
  flags: string[];
  signedOff: boolean;
  criteria: ReviewCriterion[];
}

export interface Review {
  attempt: { id: string; learnerName: string; scenario: { title: string; brief: string } };
  transcript: { turns: Array<{ speaker: 'agent' | 'customer'; text: string }>; caseNotes: string };
  gradings: ReviewGrading[];
  voided: { reason: string; assessorName: string } | null;
  comments: Array<{
    id: string;
    turn: number | null;
    criterionId: string | null;
    body: string;
    authorName: string;
  }>;
  ownAttempt: boolean;
}

/** Human words for a verdict. */
export const verdictLabel = (v: Verdict | null) =>
  v === 'met' ? 'Met' : v === 'not_yet' ? 'Not yet' : 'No verdict';
