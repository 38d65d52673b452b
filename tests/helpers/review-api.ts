/**
 * Helpers for review tests: a submitted, graded attempt and typed calls to the review API.
 */
import { runDueGradings } from '#api/services/grading/jobs.ts';
import type { TestApp } from './test-app.ts';
import {
  endAs,
  jsonInit,
  readReply,
  sendAs,
  startAttemptAs,
  TEST_SCENARIO,
} from './roleplay-api.ts';

/** A learner's lines that earn several core criteria in the offline grader. */
export const GOOD_LINES = [
  "Hi Aroha, thanks for messaging. I'm sorry the move has been stressful — let's get your power sorted today.",
  'Could you confirm your date of birth and the postcode of the new address for security?',
  'You could book the standard connection on Saturday or a same-day one. Which would you prefer?',
];

/** Starts, chats, ends, writes case notes, submits and (unless told not to) grades an attempt. */
export async function gradedAttempt(
  t: TestApp,
  cookie: string,
  opts: { scenarioId?: string; lines?: string[]; grade?: boolean } = {},
): Promise<string> {
  const id = await startAttemptAs(t, cookie, opts.scenarioId ?? TEST_SCENARIO);
  for (const line of opts.lines ?? GOOD_LINES) {
    const reply = await sendAs(t, cookie, id, line);
    await readReply(t, cookie, id, reply);
  }
  await endAs(t, cookie, id);
  await t.app.request(
    `/api/attempts/${id}/case-notes`,
    jsonInit('PUT', cookie, {
      needed: 'Power on at new address',
      done: 'Booked the move-in read',
      agreed: 'Connection on Saturday',
      followUp: 'Check the connection went ahead',
      followUpOwner: 'Sam',
      followUpDue: '2026-11-30',
    }),
  );
  const res = await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', cookie));
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${await res.text()}`);
  if (opts.grade !== false) await runDueGradings(t.deps);
  return id;
}

/** One criterion of the review view, as tests read it. */
export interface ReviewCriterion {
  id: string;
  /** Null for a criterion the grader could not judge. */
  ai: {
    verdict: 'met' | 'not_yet' | null;
    evidence: Array<{ turn: number | 'caseNotes'; quote: string }>;
  } | null;
  decision: { verdict: string; action: string; version: number; reason: string | null } | null;
  version: number;
  history: Array<{ version: number; verdict: string; supersedesId: string | null }>;
}

/** The review view, as tests read it. */
export interface ReviewBody {
  transcript: { turns: Array<{ speaker: string; text: string }>; caseNotes: string };
  gradings: Array<{
    id: string;
    rubric: { id: string };
    status: string;
    signedOff: boolean;
    criteria: ReviewCriterion[];
  }>;
  voided: { reason: string } | null;
  signOffs: Array<{ rubric: { id: string } }>;
  comments: Array<{ body: string; turn: number | null; criterionId: string | null }>;
}

/** Reads the review view of an attempt. */
export async function reviewOf(t: TestApp, cookie: string, attemptId: string): Promise<ReviewBody> {
  const res = await t.app.request(`/api/review/attempts/${attemptId}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`review failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ReviewBody;
}

/** Posts a decision. */
export function decide(
  t: TestApp,
  cookie: string,
  attemptId: string,
  body: Record<string, unknown>,
) {
  return t.app.request(
    `/api/review/attempts/${attemptId}/decisions`,
    jsonInit('POST', cookie, body),
  );
}

/** Confirms every criterion of one grading (as the assessor); returns the grading. */
export async function confirmAll(t: TestApp, cookie: string, attemptId: string, rubricId: string) {
  const view = await reviewOf(t, cookie, attemptId);
  const grading = view.gradings.find((g) => g.rubric.id === rubricId);
  if (!grading) throw new Error(`no ${rubricId} grading`);
  for (const c of grading.criteria) {
    if (!c.ai) continue;
    const action = c.ai.verdict === null ? 'override' : 'confirm';
    const res = await decide(t, cookie, attemptId, {
      gradingId: grading.id,
      criterionId: c.id,
      action,
      ...(action === 'override'
        ? { reason: 'No verdict from the grader', verdict: 'not_yet' }
        : {}),
      expectedVersion: c.version,
    });
    if (res.status !== 201) throw new Error(`decide failed: ${res.status} ${await res.text()}`);
  }
  return grading;
}
