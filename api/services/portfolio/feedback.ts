/**
 * What a learner sees of the assessment of one attempt: per criterion the confirmed (or
 * overridden) verdict with the assessor's reason and quotes from their own chat; AI judgements
 * not yet confirmed are shown as provisional, or hidden when the organisation says so.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { organisations } from '../../db/schema.ts';
import type { Evidence } from '../../transcript/schema.ts';
import { attemptTranscript } from '../grading/transcript.ts';
import type { AttemptRow } from '../roleplay/access.ts';
import { listComments } from '../review/comments.ts';
import { decisionView } from '../review/decide.ts';
import {
  currentDecisions,
  decisionKey,
  latestGradingPerRubric,
  loadReviewState,
} from '../review/state.ts';

/** Builds the feedback view of an attempt. */
export async function attemptFeedback(deps: AppDeps, attempt: AttemptRow) {
  const [state, transcript, comments, org] = await Promise.all([
    loadReviewState(deps.db, attempt.id),
    attemptTranscript(deps, attempt),
    listComments(deps, attempt.id),
    deps.db
      .select({ v: organisations.feedbackVisibility })
      .from(organisations)
      .where(eq(organisations.id, attempt.organisationId)),
  ]);
  const visibility = org[0]?.v ?? 'provisional';
  const current = currentDecisions(state.decisions);
  const gradings = latestGradingPerRubric(state.gradings).map((g) => {
    const rubric = deps.content.rubrics.find(
      (r) => r.id === g.row.rubricId && r.version === g.row.rubricVersion,
    );
    const judged = g.result?.criteria ?? [];
    const decidedOnly = [...current.values()].filter(
      (d) => d.gradingId === g.row.id && !judged.some((c) => c.id === d.criterionId),
    );
    const ids = [...judged.map((c) => c.id), ...decidedOnly.map((d) => d.criterionId)];
    const criteria = ids.map((id) => {
      const ai = judged.find((c) => c.id === id);
      const row = current.get(decisionKey(g.row.id, id));
      const title = rubric?.criteria.find((c) => c.id === id)?.title ?? id;
      if (row) {
        const d = decisionView(row);
        // Confirming keeps the AI's quotes as evidence; an override stands on the assessor's own.
        const evidence: Evidence[] =
          d.action === 'confirm' ? [...(ai?.evidence ?? []), ...d.evidence] : d.evidence;
        return {
          id,
          title,
          state: d.action === 'confirm' ? ('confirmed' as const) : ('overridden' as const),
          provisional: false,
          verdict: d.verdict,
          feedback: ai?.feedback ?? '',
          assessorReason: d.reason,
          evidence,
          decidedAt: d.createdAt,
        };
      }
      const show = visibility === 'provisional' && !state.voided;
      return {
        id,
        title,
        state: show ? ('provisional' as const) : ('awaiting_confirmation' as const),
        provisional: true,
        verdict: show ? (ai?.verdict ?? null) : null,
        feedback: show ? (ai?.feedback ?? '') : '',
        assessorReason: null,
        evidence: show ? (ai?.evidence ?? []) : [],
        decidedAt: null,
      };
    });
    return {
      gradingId: g.row.id,
      rubric: { id: g.row.rubricId, version: g.row.rubricVersion, title: rubric?.title ?? '' },
      status: g.row.status,
      signedOff: state.signOffs.some((s) => s.rubricId === g.row.rubricId),
      criteria,
    };
  });
  return {
    attemptId: attempt.id,
    feedbackVisibility: visibility,
    voided: state.voided ? { reason: state.voided.reason } : null,
    transcript: { turns: transcript.turns, caseNotes: transcript.caseNotes },
    gradings,
    comments,
  };
}
