/**
 * Voiding an attempt (a persona fault: it counts for nothing) and signing an attempt off against
 * a standard (rubric pack), which locks its decisions: later changes need a reason.
 */
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { attemptVoids, signOffs } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAudit } from '../audit.ts';
import { newId } from '../roleplay/ids.ts';
import { loadAttemptForDecision } from './guard.ts';
import { sampleSignOff } from './iqa-sample.ts';
import { currentDecisions, decisionKey, latestGradingPerRubric, loadReviewState } from './state.ts';

/** Request body of a void. */
export const voidInput = z.strictObject({
  reason: z.string().trim().min(3, 'give a reason of at least 3 characters').max(2000),
});

/** Request body of a sign-off. */
export const signOffInput = z.strictObject({ rubricId: z.string().min(1).max(80) });

/** Voids an attempt; a second void is a CONFLICT (the first reason stands). */
export async function voidAttempt(
  deps: AppDeps,
  actor: Actor,
  attemptId: string,
  input: z.infer<typeof voidInput>,
) {
  const attempt = await loadAttemptForDecision(deps.db, actor, attemptId);
  const row = {
    attemptId: attempt.id,
    organisationId: attempt.organisationId,
    reason: input.reason,
    assessorId: actor.userId,
    createdAt: deps.clock.now(),
  };
  const inserted = await deps.db
    .insert(attemptVoids)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: attemptVoids.attemptId });
  if (inserted.length === 0) throw new AppError('CONFLICT', 'This attempt is already void.');
  await appendAudit(deps.db, deps.clock, {
    organisationId: attempt.organisationId,
    actorId: actor.userId,
    action: 'attempt.voided',
    entityType: 'attempt',
    entityId: attempt.id,
    before: { voided: false },
    after: { voided: true, reason: input.reason },
  });
  return {
    attemptId: attempt.id,
    reason: row.reason,
    assessorId: actor.userId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Signs an attempt off against one rubric pack. Needs the pack's grading finished and a current
 * decision on every criterion it judged; a second sign-off of the same pack is a CONFLICT.
 * A share of sign-offs is sampled for blind second marking (IQA).
 */
export async function signOffAttempt(
  deps: AppDeps,
  actor: Actor,
  attemptId: string,
  input: z.infer<typeof signOffInput>,
) {
  const attempt = await loadAttemptForDecision(deps.db, actor, attemptId);
  const state = await loadReviewState(deps.db, attempt.id);
  if (state.voided)
    throw new AppError('CONFLICT', 'This attempt was voided; it cannot be signed off.');
  const grading = latestGradingPerRubric(state.gradings).find(
    (g) => g.row.rubricId === input.rubricId,
  );
  if (!grading) throw new AppError('NOT_FOUND', 'This attempt has no grading for that standard.');
  if (grading.row.status !== 'graded' || !grading.result) {
    throw new AppError('CONFLICT', 'This grading is not finished; it cannot be signed off.');
  }
  const current = currentDecisions(state.decisions);
  const undecided = grading.result.criteria
    .filter((c) => !current.has(decisionKey(grading.row.id, c.id)))
    .map((c) => c.id);
  if (undecided.length > 0) {
    throw new AppError('CONFLICT', 'Confirm or override every criterion before signing off.', {
      undecided,
    });
  }
  const row = {
    id: newId('sgn'),
    organisationId: attempt.organisationId,
    attemptId: attempt.id,
    gradingId: grading.row.id,
    rubricId: grading.row.rubricId,
    rubricVersion: grading.row.rubricVersion,
    assessorId: actor.userId,
    createdAt: deps.clock.now(),
  };
  const inserted = await deps.db
    .insert(signOffs)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: signOffs.id });
  if (inserted.length === 0) {
    throw new AppError('CONFLICT', 'This attempt is already signed off against this standard.');
  }
  // Sampled before the audit row is written, so that one row records the sign-off and its IQA
  // sample (if any) together.
  const iqaSample = await sampleSignOff(deps, { ...row, learnerId: attempt.learnerId });
  await appendAudit(deps.db, deps.clock, {
    organisationId: attempt.organisationId,
    actorId: actor.userId,
    action: 'attempt.signed_off',
    entityType: 'sign_off',
    entityId: row.id,
    before: { signedOff: false },
    after: {
      attemptId: attempt.id,
      rubric: `${row.rubricId}@${row.rubricVersion}`,
      gradingId: row.gradingId,
      verdicts: Object.fromEntries(
        grading.result.criteria.map((c) => [
          c.id,
          current.get(decisionKey(grading.row.id, c.id))?.verdict ?? null,
        ]),
      ),
      iqaSample,
    },
  });
  return {
    id: row.id,
    attemptId: row.attemptId,
    gradingId: row.gradingId,
    rubric: { id: row.rubricId, version: row.rubricVersion },
    assessorId: row.assessorId,
    createdAt: row.createdAt.toISOString(),
    iqaSampled: iqaSample !== null,
  };
}
