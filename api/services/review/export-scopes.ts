/**
 * What an export can be of, for the exports page: the organisation's learners and groups, and
 * the standards (rubric packs) of the content bundle.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { groups, memberships, users } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';

/** Learners, groups and standards of the actor's organisation, each sorted by name. */
export async function exportScopes(deps: AppDeps, actor: Actor) {
  const [learners, groupRows] = await Promise.all([
    deps.db
      .selectDistinct({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(eq(memberships.organisationId, actor.organisationId), eq(memberships.role, 'learner')),
      )
      .orderBy(asc(users.name)),
    deps.db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.organisationId, actor.organisationId))
      .orderBy(asc(groups.name)),
  ]);
  return {
    learners,
    groups: groupRows,
    standards: deps.content.rubrics
      .map((r) => ({
        id: r.id,
        version: r.version,
        title: r.title,
        code: r.standard?.code ?? null,
      }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}
