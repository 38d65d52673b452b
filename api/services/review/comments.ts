/**
 * Comments on an attempt, anchored to a transcript turn or to a criterion of a rubric. Coaches
 * of the learner's groups and assessors write them; each one is audited.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { reviewComments } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAudit } from '../audit.ts';
import { attemptTranscript } from '../grading/transcript.ts';
import { coachesLearner, type AttemptRow } from '../roleplay/access.ts';
import { newId } from '../roleplay/ids.ts';
import { userNames } from './names.ts';

/** Request body: a comment on a turn, or on a criterion (`rubricId` + `criterionId`). */
export const commentInput = z
  .strictObject({
    turn: z.number().int().min(0).optional(),
    rubricId: z.string().min(1).max(80).optional(),
    criterionId: z.string().min(1).max(80).optional(),
    body: z.string().trim().min(1, 'a comment cannot be empty').max(4000),
  })
  .refine(
    (c) =>
      (c.turn !== undefined) !== (c.rubricId !== undefined && c.criterionId !== undefined) &&
      (c.rubricId === undefined) === (c.criterionId === undefined),
    'comment on either a turn, or a criterion (rubricId and criterionId)',
  );

/** Adds a comment; returns it. */
export async function addComment(
  deps: AppDeps,
  actor: Actor,
  attempt: AttemptRow,
  input: z.infer<typeof commentInput>,
) {
  const allowed =
    hasRole(actor, 'assessor') ||
    (hasRole(actor, 'coach') && (await coachesLearner(deps.db, actor.userId, attempt.learnerId)));
  if (!allowed)
    throw new AppError('FORBIDDEN', "Only the learner's coach or an assessor can comment.");
  if (input.turn !== undefined) {
    const { turns } = await attemptTranscript(deps, attempt);
    if (input.turn >= turns.length) throw new AppError('NOT_FOUND', 'No such turn in this chat.');
  } else {
    const rubric = deps.content.rubrics.find((r) => r.id === input.rubricId);
    if (!rubric?.criteria.some((c) => c.id === input.criterionId)) {
      throw new AppError('NOT_FOUND', 'No such criterion.');
    }
  }
  const row = {
    id: newId('cmt'),
    organisationId: attempt.organisationId,
    attemptId: attempt.id,
    authorId: actor.userId,
    turn: input.turn ?? null,
    rubricId: input.rubricId ?? null,
    criterionId: input.criterionId ?? null,
    body: input.body,
    createdAt: deps.clock.now(),
  };
  await deps.db.insert(reviewComments).values(row);
  await appendAudit(deps.db, deps.clock, {
    organisationId: attempt.organisationId,
    actorId: actor.userId,
    action: 'comment.added',
    entityType: 'comment',
    entityId: row.id,
    after: {
      attemptId: row.attemptId,
      turn: row.turn,
      rubricId: row.rubricId,
      criterionId: row.criterionId,
      body: row.body,
    },
  });
  return { ...commentView(row), authorName: actor.name };
}

function commentView(c: typeof reviewComments.$inferSelect) {
  return {
    id: c.id,
    turn: c.turn,
    rubricId: c.rubricId,
    criterionId: c.criterionId,
    body: c.body,
    authorId: c.authorId,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The comments on an attempt, oldest first, with author names. */
export async function listComments(deps: Pick<AppDeps, 'db'>, attemptId: string) {
  const rows = await deps.db
    .select()
    .from(reviewComments)
    .where(eq(reviewComments.attemptId, attemptId))
    .orderBy(asc(reviewComments.createdAt));
  const names = await userNames(
    deps.db,
    rows.map((r) => r.authorId),
  );
  return rows.map((r) => ({ ...commentView(r), authorName: names.get(r.authorId) ?? '' }));
}
