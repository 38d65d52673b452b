/** The review view as the coach pages read it: the assessor's shape, comments with their rubric. */
import type { Review } from '../assessor/review-api.ts';

/** A comment on a turn, or on a criterion of a rubric. */
export interface CoachComment {
  id: string;
  turn: number | null;
  rubricId: string | null;
  criterionId: string | null;
  body: string;
  authorName: string;
  createdAt: string;
}

/** The review of one attempt (GET /api/review/attempts/:id). */
export interface CoachReview extends Omit<Review, 'comments'> {
  comments: CoachComment[];
}

/** What a comment is about, as the form's select encodes it: `turn:3` or `criterion:rubric#id`. */
export function commentTarget(
  value: string,
): { turn: number } | { rubricId: string; criterionId: string } | null {
  const [kind, rest = ''] = value.split(':', 2);
  if (kind === 'turn' && /^\d+$/.test(rest)) return { turn: Number(rest) };
  const [rubricId, criterionId] = rest.split('#', 2);
  if (kind === 'criterion' && rubricId && criterionId) return { rubricId, criterionId };
  return null;
}
