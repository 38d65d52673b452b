/**
 * Assessor decisions on one criterion: confirm the AI verdict, or override it to the other
 * verdict with a reason. Each decision is a new versioned row (the AI judgement is never
 * touched); the caller names the version it saw, so a second concurrent decision gets CONFLICT
 * instead of silently replacing the first. After sign-off a change needs a reason and is marked.
 */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { criterionDecisions } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { evidenceSchema, verdict, type CriterionResult } from '../../transcript/schema.ts';
import { appendAudit } from '../audit.ts';
import { newId } from '../roleplay/ids.ts';
import { verifyAssessorEvidence } from './evidence.ts';
import { loadAttemptForDecision } from './guard.ts';
import { loadReviewState, type DecisionRow } from './state.ts';

const reasonText = z.string().trim().min(3, 'give a reason of at least 3 characters').max(2000);

/** Request body of a criterion decision. */
export const decisionInput = z.strictObject({
  gradingId: z.string().min(1).max(64),
  criterionId: z.string().min(1).max(80),
  action: z.enum(['confirm', 'override']),
  /**
   * The final verdict. Needed only where the grader gave none (a criterion it could not judge):
   * otherwise it follows from the action, and a mismatch is refused.
   */
  verdict: verdict.optional(),
  reason: reasonText.optional(),
  evidence: z
    .array(evidenceSchema.extend({ quote: z.string().min(1).max(1000) }))
    .max(10)
    .default([]),
  /** The version of the current decision the assessor saw: 0 when there was none. */
  expectedVersion: z.number().int().min(0),
});
export type DecisionInput = z.infer<typeof decisionInput>;

/** The public shape of a decision row. */
export function decisionView(d: DecisionRow) {
  return {
    id: d.id,
    gradingId: d.gradingId,
    rubric: { id: d.rubricId, version: d.rubricVersion },
    criterionId: d.criterionId,
    version: d.version,
    action: d.action,
    aiVerdict: d.aiVerdict,
    verdict: d.verdict,
    reason: d.reason,
    evidence: z.array(evidenceSchema).catch([]).parse(JSON.parse(d.evidence)),
    assessorId: d.assessorId,
    afterSignOff: d.afterSignOff,
    supersedesId: d.supersedesId,
    createdAt: d.createdAt.toISOString(),
  };
}

/** Records one decision; returns it. */
export async function recordDecision(
  deps: AppDeps,
  actor: Actor,
  attemptId: string,
  input: DecisionInput,
) {
  const attempt = await loadAttemptForDecision(deps.db, actor, attemptId);
  const state = await loadReviewState(deps.db, attempt.id);
  if (state.voided)
    throw new AppError('CONFLICT', 'This attempt was voided; it cannot be assessed.');
  const grading = state.gradings.find((g) => g.row.id === input.gradingId);
  if (!grading) throw new AppError('NOT_FOUND', 'No such grading on this attempt.');
  if (grading.row.status !== 'graded' || !grading.result) {
    throw new AppError(
      'CONFLICT',
      'This grading is not finished; there is nothing to confirm yet.',
    );
  }
  const judged = judgedCriterion(deps, grading.row, grading.result.criteria, input.criterionId);

  const [current] = await deps.db
    .select()
    .from(criterionDecisions)
    .where(
      and(
        eq(criterionDecisions.gradingId, grading.row.id),
        eq(criterionDecisions.criterionId, judged.id),
      ),
    )
    .orderBy(desc(criterionDecisions.version))
    .limit(1);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== input.expectedVersion) throw staleVersion(currentVersion);

  const signedOff = state.signOffs.some((s) => s.rubricId === grading.row.rubricId);
  if (signedOff && !input.reason) {
    throw new AppError(
      'CONFLICT',
      'This attempt is signed off against this standard; a change needs a reason.',
    );
  }
  const final = finalVerdict(input, judged.verdict);
  await verifyAssessorEvidence(deps, attempt, input.evidence);

  const row: DecisionRow = {
    id: newId('dec'),
    organisationId: attempt.organisationId,
    attemptId: attempt.id,
    gradingId: grading.row.id,
    rubricId: grading.row.rubricId,
    rubricVersion: grading.row.rubricVersion,
    criterionId: judged.id,
    version: currentVersion + 1,
    action: input.action,
    aiVerdict: judged.verdict,
    verdict: final,
    reason: input.reason ?? null,
    evidence: JSON.stringify(input.evidence),
    assessorId: actor.userId,
    afterSignOff: signedOff,
    supersedesId: current?.id ?? null,
    createdAt: deps.clock.now(),
  };
  // The unique (grading, criterion, version) index settles a race between two assessors.
  const inserted = await deps.db
    .insert(criterionDecisions)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: criterionDecisions.id });
  if (inserted.length === 0) throw staleVersion(currentVersion + 1);

  await appendAudit(deps.db, deps.clock, {
    organisationId: attempt.organisationId,
    actorId: actor.userId,
    action: `decision.${input.action === 'confirm' ? 'confirmed' : 'overridden'}`,
    entityType: 'criterion_decision',
    entityId: row.id,
    before: current ? auditSnapshot(current) : { aiVerdict: judged.verdict },
    after: auditSnapshot(row),
  });
  return decisionView(row);
}

/**
 * The criterion as the grader judged it; a criterion of the pinned rubric that the grader could
 * not judge (no rule, not `other`) reads as judged with no verdict, so an assessor can still
 * decide it.
 */
function judgedCriterion(
  deps: Pick<AppDeps, 'content'>,
  grading: { rubricId: string; rubricVersion: string },
  criteria: readonly CriterionResult[],
  criterionId: string,
): Pick<CriterionResult, 'id' | 'verdict'> {
  const judged = criteria.find((c) => c.id === criterionId);
  if (judged) return judged;
  const rubric = deps.content.rubrics.find(
    (r) => r.id === grading.rubricId && r.version === grading.rubricVersion,
  );
  const def = rubric?.criteria.find((c) => c.id === criterionId);
  if (!def || def.evidencedBy === 'other') {
    throw new AppError('NOT_FOUND', 'No such criterion in this grading.');
  }
  return { id: def.id, verdict: null };
}

/** The verdict a decision records: the AI's when confirming, the other one when overriding. */
function finalVerdict(input: DecisionInput, ai: 'met' | 'not_yet' | null): 'met' | 'not_yet' {
  if (input.action === 'confirm') {
    if (!ai)
      throw new AppError('CONFLICT', 'The grader gave no verdict here; override it instead.');
    if (input.verdict && input.verdict !== ai) {
      throw new AppError('VALIDATION_FAILED', 'Confirming keeps the AI verdict; use override.');
    }
    return ai;
  }
  if (!input.reason) {
    throw new AppError('VALIDATION_FAILED', 'An override needs a reason.', {
      issues: [{ path: 'reason', message: 'required for an override' }],
    });
  }
  const flipped = ai === 'met' ? 'not_yet' : ai === 'not_yet' ? 'met' : input.verdict;
  if (!flipped) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The grader gave no verdict here; say which you give.',
      {
        issues: [{ path: 'verdict', message: 'required where the grader gave no verdict' }],
      },
    );
  }
  if (input.verdict && input.verdict !== flipped) {
    throw new AppError('VALIDATION_FAILED', 'An override gives the other verdict than the AI.');
  }
  return flipped;
}

function staleVersion(currentVersion: number): AppError {
  return new AppError(
    'CONFLICT',
    'Someone else decided this criterion meanwhile; reload to see their decision.',
    { currentVersion },
  );
}

function auditSnapshot(d: DecisionRow) {
  return {
    attemptId: d.attemptId,
    gradingId: d.gradingId,
    rubric: `${d.rubricId}@${d.rubricVersion}`,
    criterionId: d.criterionId,
    version: d.version,
    action: d.action,
    aiVerdict: d.aiVerdict,
    verdict: d.verdict,
    reason: d.reason,
    evidence: JSON.parse(d.evidence) as unknown,
    afterSignOff: d.afterSignOff,
  };
}
