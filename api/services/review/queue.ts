/**
 * The assessor queue: submitted attempts of the organisation that still await confirmation or
 * sign-off, flagged ones first, then oldest first. Gradings still running are shown as such.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { attempts } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { orderFlags } from '../../grading/verify.ts';
import type { GradingFlag } from '../../transcript/schema.ts';
import { userNames } from './names.ts';
import {
  currentDecisions,
  decisionKey,
  latestGradingPerRubric,
  loadReviewStates,
  type AttemptReviewState,
} from './state.ts';

/** Where an attempt stands in review. */
export type ReviewStatus = 'grading' | 'awaiting_confirmation' | 'awaiting_sign_off';

const FAILED: GradingFlag[] = ['grading_failed'];
const NONE: GradingFlag[] = [];

/** Per-rubric progress of one attempt's review. */
export function rubricProgress(state: AttemptReviewState) {
  const current = currentDecisions(state.decisions);
  return latestGradingPerRubric(state.gradings).map((g) => {
    const criteria = g.result?.criteria ?? [];
    return {
      gradingId: g.row.id,
      rubric: { id: g.row.rubricId, version: g.row.rubricVersion },
      status: g.row.status,
      criteria: criteria.length,
      decided: criteria.filter((c) => current.has(decisionKey(g.row.id, c.id))).length,
      signedOff: state.signOffs.some((s) => s.rubricId === g.row.rubricId),
      flags: g.result?.flags ?? (g.row.status === 'grading_failed' ? FAILED : NONE),
    };
  });
}

function statusOf(progress: ReturnType<typeof rubricProgress>): ReviewStatus | null {
  if (
    progress.length === 0 ||
    progress.some((p) => p.status === 'queued' || p.status === 'running')
  )
    return 'grading';
  const open = progress.filter((p) => !p.signedOff);
  if (open.length === 0) return null;
  return open.every((p) => p.status === 'graded' && p.decided === p.criteria)
    ? 'awaiting_sign_off'
    : 'awaiting_confirmation';
}

/** The queue for an assessor (their own attempts are never in it). */
export async function assessorQueue(deps: AppDeps, actor: Actor) {
  const rows = await deps.db
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.organisationId, actor.organisationId),
        eq(attempts.status, 'submitted'),
        ne(attempts.learnerId, actor.userId),
      ),
    )
    .orderBy(asc(attempts.submittedAt));
  const states = await loadReviewStates(
    deps.db,
    rows.map((r) => r.id),
  );
  const names = await userNames(
    deps.db,
    rows.map((r) => r.learnerId),
  );
  const items = [];
  for (const a of rows) {
    const state = states.get(a.id);
    if (!state || state.voided) continue;
    const progress = rubricProgress(state);
    const status = statusOf(progress);
    if (!status) continue;
    const flags = orderFlags(progress.flatMap((p) => p.flags));
    items.push({
      ...attemptSummary(deps, a, names),
      status,
      flags,
      flagged: flags.length > 0,
      rubrics: progress.map(({ flags: _f, ...p }) => p),
    });
  }
  // Flagged first; within each band the oldest submission first (the sort is stable).
  items.sort((x, y) => Number(y.flagged) - Number(x.flagged));
  return items;
}

/** The part of a queue row that names the attempt, its learner and scenario. */
export function attemptSummary(
  deps: Pick<AppDeps, 'content'>,
  a: { id: string; learnerId: string; scenarioId: string; submittedAt: Date | null },
  names: Map<string, string>,
) {
  const scenario = deps.content.scenarios.find((s) => s.id === a.scenarioId);
  return {
    attemptId: a.id,
    learner: { id: a.learnerId, name: names.get(a.learnerId) ?? '' },
    scenario: {
      id: a.scenarioId,
      title: scenario?.title ?? a.scenarioId,
      interactionType: scenario?.interactionType ?? null,
    },
    submittedAt: a.submittedAt?.toISOString() ?? null,
  };
}
