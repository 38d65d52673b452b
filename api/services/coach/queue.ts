/**
 * The coach queue: submitted attempts of learners in the coach's groups, newest first, with
 * where each stands (grading, graded and awaiting the assessor, signed off, void), filterable by
 * learner, scenario, status and a criterion's verdict.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { attempts, VERDICTS } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { attemptSummary, rubricProgress } from '../review/queue.ts';
import {
  currentDecisions,
  decisionKey,
  latestGradingPerRubric,
  loadReviewStates,
  type AttemptReviewState,
} from '../review/state.ts';
import { coachGroups } from './groups.ts';

export const COACH_STATUSES = ['grading', 'graded', 'signed_off', 'void'] as const;

/** Query filters of the coach queue. */
export const coachQueueQuery = z.strictObject({
  learnerId: z.string().min(1).max(64).optional(),
  scenarioId: z.string().min(1).max(80).optional(),
  status: z.enum(COACH_STATUSES).optional(),
  /** Only attempts judged on this criterion (any pack)… */
  criterionId: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .optional(),
  /** …with this verdict: the assessor's where one decided, else the AI's. */
  verdict: z.enum(VERDICTS).optional(),
});

/** The current verdicts (decided, else AI) an attempt holds for one criterion, across packs. */
function verdictsOf(state: AttemptReviewState, criterionId: string) {
  const decided = currentDecisions(state.decisions);
  return latestGradingPerRubric(state.gradings).flatMap((g) =>
    (g.result?.criteria ?? [])
      .filter((c) => c.id === criterionId)
      .map((c) => decided.get(decisionKey(g.row.id, c.id))?.verdict ?? c.verdict),
  );
}

function matchesCriterion(
  state: AttemptReviewState,
  filter: z.infer<typeof coachQueueQuery>,
): boolean {
  if (!filter.criterionId) return true;
  const verdicts = verdictsOf(state, filter.criterionId);
  return filter.verdict ? verdicts.includes(filter.verdict) : verdicts.length > 0;
}

function coachStatus(state: AttemptReviewState): (typeof COACH_STATUSES)[number] {
  if (state.voided) return 'void';
  const progress = rubricProgress(state);
  if (
    progress.length === 0 ||
    progress.some((p) => p.status === 'queued' || p.status === 'running')
  )
    return 'grading';
  return progress.every((p) => p.signedOff) ? 'signed_off' : 'graded';
}

/** The queue for a coach. */
export async function coachQueue(
  deps: AppDeps,
  actor: Actor,
  filter: z.infer<typeof coachQueueQuery>,
) {
  const groups = await coachGroups(deps.db, actor);
  const names = new Map(groups.flatMap((g) => g.learners.map((l) => [l.id, l.name] as const)));
  const learnerIds = [...names.keys()].filter((id) => !filter.learnerId || id === filter.learnerId);
  if (learnerIds.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.organisationId, actor.organisationId),
        eq(attempts.status, 'submitted'),
        inArray(attempts.learnerId, learnerIds),
        ...(filter.scenarioId ? [eq(attempts.scenarioId, filter.scenarioId)] : []),
      ),
    )
    .orderBy(desc(attempts.submittedAt));
  const states = await loadReviewStates(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((a) => {
    const state = states.get(a.id);
    if (!state) return [];
    const status = coachStatus(state);
    if (filter.status && status !== filter.status) return [];
    if (!matchesCriterion(state, filter)) return [];
    return [
      {
        ...attemptSummary(deps, a, names),
        status,
        rubrics: rubricProgress(state).map((p) => ({
          rubric: p.rubric,
          status: p.status,
          decided: p.decided,
          criteria: p.criteria,
          signedOff: p.signedOff,
        })),
      },
    ];
  });
}
