/** The groups a coach coaches, with their learners. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { groupMembers, groups, users } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';

/** The coach's groups (in their organisation) and the learners in each. */
export async function coachGroups(db: Db, actor: Actor) {
  const own = await db
    .select({ id: groups.id, name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(
      and(
        eq(groupMembers.userId, actor.userId),
        eq(groupMembers.kind, 'coach'),
        eq(groups.organisationId, actor.organisationId),
      ),
    );
  if (own.length === 0) return [];
  const learners = await db
    .select({ groupId: groupMembers.groupId, id: users.id, name: users.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(
      and(
        inArray(
          groupMembers.groupId,
          own.map((g) => g.id),
        ),
        eq(groupMembers.kind, 'learner'),
      ),
    );
  return own.map((g) => ({
    ...g,
    learners: learners
      .filter((l) => l.groupId === g.id)
      .map((l) => ({ id: l.id, name: l.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}
