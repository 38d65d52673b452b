/**
 * The review page's data: the transcript (turn numbers as quotes cite them) beside each
 * criterion's AI judgement and the human decisions on it (current and superseded), plus the
 * void, sign-offs and comments. For assessors, coaches of the learner, and admins.
 */
import type { AppDeps } from '../../deps.ts';
import type { RubricCriterion, RubricPack } from '../../content/schemas.ts';
import type { Actor } from '../../lib/actor.ts';
import type { CriterionResult } from '../../transcript/schema.ts';
import { attemptTranscript } from '../grading/transcript.ts';
import type { AttemptRow } from '../roleplay/access.ts';
import { attemptView } from '../roleplay/attempts.ts';
import { listComments } from './comments.ts';
import { decisionView } from './decide.ts';
import { blindRubricsFor } from './iqa.ts';
import { userNames } from './names.ts';
import { rubricProgress } from './queue.ts';
import { currentDecisions, decisionKey, loadReviewState } from './state.ts';

/**
 * The criteria an assessor sees for a grading: every judged one, then (once graded) the pack's
 * other criteria the grader could not judge, except `other` ones the product cannot evidence.
 */
function reviewableCriteria(
  rubric: RubricPack | undefined,
  judged: readonly CriterionResult[],
  graded: boolean,
) {
  const rows: Array<{
    id: string;
    c: CriterionResult | undefined;
    def: RubricCriterion | undefined;
  }> = judged.map((c) => ({ id: c.id, c, def: rubric?.criteria.find((d) => d.id === c.id) }));
  if (!graded || !rubric) return rows;
  for (const def of rubric.criteria) {
    if (def.evidencedBy !== 'other' && !judged.some((c) => c.id === def.id))
      rows.push({ id: def.id, c: undefined, def });
  }
  return rows;
}

/** Builds the review view of one attempt. */
export async function reviewView(deps: AppDeps, actor: Actor, attempt: AttemptRow) {
  const [base, transcript, fullState, comments, blind] = await Promise.all([
    attemptView(deps, attempt, actor),
    attemptTranscript(deps, attempt),
    loadReviewState(deps.db, attempt.id),
    listComments(deps, attempt.id),
    blindRubricsFor(deps, actor, attempt.id),
  ]);
  // A second assessor does not see the standard they are marking blind until they complete it.
  const state = {
    ...fullState,
    gradings: fullState.gradings.filter((g) => !blind.has(g.row.rubricId)),
    decisions: fullState.decisions.filter((d) => !blind.has(d.rubricId)),
    signOffs: fullState.signOffs.filter((s) => !blind.has(s.rubricId)),
  };
  const names = await userNames(deps.db, [
    attempt.learnerId,
    ...state.decisions.map((d) => d.assessorId),
    ...state.signOffs.map((s) => s.assessorId),
    ...(state.voided ? [state.voided.assessorId] : []),
  ]);
  const current = currentDecisions(state.decisions);
  const named = <T extends { assessorId: string }>(x: T) => ({
    ...x,
    assessorName: names.get(x.assessorId) ?? '',
  });
  const gradings = state.gradings.map((g) => {
    const rubric = deps.content.rubrics.find(
      (r) => r.id === g.row.rubricId && r.version === g.row.rubricVersion,
    );
    return {
      id: g.row.id,
      rubric: { id: g.row.rubricId, version: g.row.rubricVersion, title: rubric?.title ?? '' },
      status: g.row.status,
      reason: g.row.reason,
      graderMode: g.row.graderMode,
      model: g.row.model,
      promptVersion: g.row.promptVersion,
      flags: g.result?.flags ?? [],
      signedOff: state.signOffs.some((s) => s.gradingId === g.row.id),
      criteria: reviewableCriteria(rubric, g.result?.criteria ?? [], g.row.status === 'graded').map(
        ({ id, c, def }) => {
          const history = state.decisions
            .filter((d) => d.gradingId === g.row.id && d.criterionId === id)
            .map((d) => named(decisionView(d)));
          const now = current.get(decisionKey(g.row.id, id));
          return {
            id,
            title: def?.title ?? id,
            standardRefs: def?.standardRefs ?? [],
            evidencedBy: def?.evidencedBy ?? null,
            ai: c ?? null,
            decision: now ? named(decisionView(now)) : null,
            version: now?.version ?? 0,
            history,
          };
        },
      ),
    };
  });
  return {
    attempt: {
      ...base,
      gradings: base.gradings.filter((g) => !blind.has(g.rubric.id)),
      learnerName: names.get(attempt.learnerId) ?? '',
    },
    transcript: { turns: transcript.turns, caseNotes: transcript.caseNotes },
    gradings,
    progress: rubricProgress(state),
    voided: state.voided
      ? named({
          reason: state.voided.reason,
          assessorId: state.voided.assessorId,
          createdAt: state.voided.createdAt.toISOString(),
        })
      : null,
    signOffs: state.signOffs.map((s) =>
      named({
        id: s.id,
        gradingId: s.gradingId,
        rubric: { id: s.rubricId, version: s.rubricVersion },
        assessorId: s.assessorId,
        createdAt: s.createdAt.toISOString(),
      }),
    ),
    comments,
    ownAttempt: attempt.learnerId === actor.userId,
  };
}
