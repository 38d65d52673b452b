/**
 * Who may see or change an attempt. The learner who owns it may read and write it; a coach of
 * one of the learner's groups, and assessors and admins of the same organisation, may read it.
 * Anyone else gets NOT_FOUND, so attempt ids cannot be probed.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attempts, groupMembers } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { alias } from 'drizzle-orm/sqlite-core';

export type AttemptRow = typeof attempts.$inferSelect;

/** True when `coachId` coaches a group that `learnerId` belongs to. */
export async function coachesLearner(db: Db, coachId: string, learnerId: string): Promise<boolean> {
  const coach = alias(groupMembers, 'coach');
  const learner = alias(groupMembers, 'learner');
  const rows = await db
    .select({ groupId: coach.groupId })
    .from(coach)
    .innerJoin(learner, eq(learner.groupId, coach.groupId))
    .where(
      and(
        eq(coach.userId, coachId),
        eq(coach.kind, 'coach'),
        eq(learner.userId, learnerId),
        eq(learner.kind, 'learner'),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

async function canRead(db: Db, actor: Actor, attempt: AttemptRow): Promise<boolean> {
  if (attempt.learnerId === actor.userId || hasRole(actor, 'assessor', 'admin')) return true;
  return hasRole(actor, 'coach') && coachesLearner(db, actor.userId, attempt.learnerId);
}

/**
 * Loads an attempt the actor may access in `mode`. Readers who may not write get FORBIDDEN;
 * everyone else NOT_FOUND.
 */
export async function loadAttemptFor(
  db: Db,
  actor: Actor,
  attemptId: string,
  mode: 'read' | 'write',
): Promise<AttemptRow> {
  const [attempt] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  if (
    !attempt ||
    attempt.organisationId !== actor.organisationId ||
    !(await canRead(db, actor, attempt))
  ) {
    throw new AppError('NOT_FOUND', 'No such attempt.');
  }
  if (mode === 'write' && attempt.learnerId !== actor.userId) {
    throw new AppError('FORBIDDEN', 'Only the learner who owns this attempt can change it.');
  }
  return attempt;
}
