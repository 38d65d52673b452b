/**
 * The review state of attempts: their gradings (the AI judgements), every human decision
 * (current and superseded), the void and the sign-offs. Read by the assessor, coach and learner
 * views, the portfolio, agreement and exports, so they all agree on what "current" means.
 */
import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { attemptVoids, criterionDecisions, gradings, signOffs } from '../../db/schema.ts';
import {
  evidenceSchema,
  gradingResultSchema,
  type GradingResult,
} from '../../transcript/schema.ts';

export type DecisionRow = typeof criterionDecisions.$inferSelect;
export type GradingRow = typeof gradings.$inferSelect;
export type VoidRow = typeof attemptVoids.$inferSelect;
export type SignOffRow = typeof signOffs.$inferSelect;

/** Evidence the assessor cited, as stored in `criterion_decisions.evidence`. */
export const decisionEvidenceSchema = z.array(evidenceSchema);

/** A grading with its parsed result (null until graded or failed). */
export interface ParsedGrading {
  row: GradingRow;
  result: GradingResult | null;
}

/** Everything decided about one attempt. */
export interface AttemptReviewState {
  gradings: ParsedGrading[];
  /** All decisions, oldest first. */
  decisions: DecisionRow[];
  voided: VoidRow | null;
  signOffs: SignOffRow[];
}

/** Key of one criterion of one grading. */
export const decisionKey = (gradingId: string, criterionId: string) =>
  `${gradingId}#${criterionId}`;

/** The newest decision per grading criterion. */
export function currentDecisions(decisions: readonly DecisionRow[]): Map<string, DecisionRow> {
  const current = new Map<string, DecisionRow>();
  for (const d of decisions) {
    const key = decisionKey(d.gradingId, d.criterionId);
    const seen = current.get(key);
    if (!seen || seen.version < d.version) current.set(key, d);
  }
  return current;
}

/** Parses a stored grading result; a row that fails the contract reads as no result. */
export function parseGrading(row: GradingRow): ParsedGrading {
  if (!row.result) return { row, result: null };
  const parsed = gradingResultSchema.safeParse(JSON.parse(row.result));
  return { row, result: parsed.success ? parsed.data : null };
}

/** Loads the review state of many attempts at once (keyed by attempt id). */
export async function loadReviewStates(
  db: Db,
  attemptIds: readonly string[],
): Promise<Map<string, AttemptReviewState>> {
  const states = new Map<string, AttemptReviewState>();
  for (const id of attemptIds)
    states.set(id, { gradings: [], decisions: [], voided: null, signOffs: [] });
  if (attemptIds.length === 0) return states;
  const ids = [...attemptIds];
  const [gradingRows, decisionRows, voidRows, signOffRows] = await Promise.all([
    db
      .select()
      .from(gradings)
      .where(inArray(gradings.attemptId, ids))
      .orderBy(asc(gradings.createdAt)),
    db
      .select()
      .from(criterionDecisions)
      .where(inArray(criterionDecisions.attemptId, ids))
      .orderBy(asc(criterionDecisions.createdAt), asc(criterionDecisions.version)),
    db.select().from(attemptVoids).where(inArray(attemptVoids.attemptId, ids)),
    db
      .select()
      .from(signOffs)
      .where(inArray(signOffs.attemptId, ids))
      .orderBy(asc(signOffs.createdAt)),
  ]);
  for (const g of gradingRows) states.get(g.attemptId)?.gradings.push(parseGrading(g));
  for (const d of decisionRows) states.get(d.attemptId)?.decisions.push(d);
  for (const v of voidRows) {
    const s = states.get(v.attemptId);
    if (s) s.voided = v;
  }
  for (const so of signOffRows) states.get(so.attemptId)?.signOffs.push(so);
  return states;
}

/** Loads the review state of one attempt. */
export async function loadReviewState(db: Db, attemptId: string): Promise<AttemptReviewState> {
  const states = await loadReviewStates(db, [attemptId]);
  return states.get(attemptId) ?? { gradings: [], decisions: [], voided: null, signOffs: [] };
}

/**
 * The grading of each rubric an assessor reviews: the newest graded one per rubric, or the
 * newest of any status when none is graded yet (so failures and pending jobs show).
 */
export function latestGradingPerRubric(list: readonly ParsedGrading[]): ParsedGrading[] {
  const byRubric = new Map<string, ParsedGrading>();
  for (const g of list) {
    const seen = byRubric.get(g.row.rubricId);
    const rank = (x: ParsedGrading) => Number(x.row.status === 'graded');
    const better =
      !seen ||
      rank(g) > rank(seen) ||
      (rank(g) === rank(seen) && g.row.createdAt >= seen.row.createdAt);
    if (better) byRubric.set(g.row.rubricId, g);
  }
  return [...byRubric.values()];
}
