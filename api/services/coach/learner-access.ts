/**
 * Who may read a learner's records (portfolio, progress): the learner's coaches, and assessors
 * and admins of the learner's organisation. Everyone else is told the learner does not exist.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, users } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { coachesLearner } from '../roleplay/access.ts';

/** Returns the learner's id and name, or throws NOT_FOUND when the actor may not read them. */
export async function loadLearnerFor(db: Db, actor: Actor, learnerId: string) {
  const [member] = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.userId, learnerId), eq(memberships.organisationId, actor.organisationId)),
    )
    .limit(1);
  const allowed =
    member &&
    (hasRole(actor, 'assessor', 'admin') || (await coachesLearner(db, actor.userId, learnerId)));
  if (!allowed) throw new AppError('NOT_FOUND', 'No such learner.');
  return member;
}
