/** Paths of the learner's pages. */

/** The practice home. */
export const PRACTICE_PATH = '/learner';

/** The learner's evidence portfolio. */
export const PORTFOLIO_PATH = '/learner/portfolio';

/** The path of an attempt's chat page. */
export const attemptPath = (id: string) => `/learner/attempts/${encodeURIComponent(id)}`;

const ATTEMPT_PATH = /^\/learner\/attempts\/([A-Za-z0-9_-]{1,64})\/?$/;

/** The attempt id in a chat page's path, or null for any other path. */
export function attemptIdOf(path: string): string | null {
  return ATTEMPT_PATH.exec(path)?.[1] ?? null;
}
