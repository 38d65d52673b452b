/** Paths of the coach's pages, and which page a path means. */

/** The coach queue and learner list. */
export const COACH_PATH = '/coach';
/** Practice assignments: the form and the list. */
export const ASSIGNMENTS_PATH = '/coach/assignments';
/** One attempt's review. */
export const coachAttemptPath = (id: string) => `/coach/attempts/${encodeURIComponent(id)}`;
/** A learner's progress over time. */
export const progressPath = (learnerId: string) =>
  `/coach/learners/${encodeURIComponent(learnerId)}/progress`;

/** The coach page a path names. */
export type CoachPage =
  | { kind: 'queue' }
  | { kind: 'assignments' }
  | { kind: 'attempt'; id: string }
  | { kind: 'progress'; learnerId: string };

const ATTEMPT = /^\/coach\/attempts\/([A-Za-z0-9_-]{1,64})\/?$/;
const PROGRESS = /^\/coach\/learners\/([A-Za-z0-9_-]{1,64})\/progress\/?$/;

/** Parses a path under /coach; anything unknown is the queue. */
export function coachPageOf(path: string): CoachPage {
  if (path === ASSIGNMENTS_PATH || path === `${ASSIGNMENTS_PATH}/`) return { kind: 'assignments' };
  const attempt = ATTEMPT.exec(path)?.[1];
  if (attempt) return { kind: 'attempt', id: attempt };
  const learner = PROGRESS.exec(path)?.[1];
  if (learner) return { kind: 'progress', learnerId: learner };
  return { kind: 'queue' };
}
