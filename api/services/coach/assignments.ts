/**
 * Practice assignments: a coach assigns a scenario to one of their learners or to a group they
 * coach, with a due date. Learners see their assignments on the scenario list.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { assignments, groupMembers } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAudit } from '../audit.ts';
import { newId } from '../roleplay/ids.ts';
import { userNames } from '../review/names.ts';
import { coachGroups } from './groups.ts';

/** Request body: a scenario for a learner or a group, due on a date. */
export const assignmentInput = z
  .strictObject({
    scenarioId: z.string().min(1).max(80),
    learnerId: z.string().min(1).max(64).optional(),
    groupId: z.string().min(1).max(64).optional(),
    dueDate: z.iso.date(),
  })
  .refine(
    (a) => (a.learnerId === undefined) !== (a.groupId === undefined),
    'assign to either a learner or a group',
  );

/** Creates an assignment; the coach must coach the learner or the group. */
export async function createAssignment(
  deps: AppDeps,
  actor: Actor,
  input: z.infer<typeof assignmentInput>,
) {
  if (!deps.content.scenarios.some((s) => s.id === input.scenarioId))
    throw new AppError('NOT_FOUND', 'No such scenario.');
  const groups = await coachGroups(deps.db, actor);
  const allowed = input.groupId
    ? groups.some((g) => g.id === input.groupId)
    : groups.some((g) => g.learners.some((l) => l.id === input.learnerId));
  if (!allowed) throw new AppError('NOT_FOUND', 'No such learner or group among those you coach.');
  const row = {
    id: newId('asg'),
    organisationId: actor.organisationId,
    scenarioId: input.scenarioId,
    learnerId: input.learnerId ?? null,
    groupId: input.groupId ?? null,
    dueDate: input.dueDate,
    assignedBy: actor.userId,
    createdAt: deps.clock.now(),
  };
  await deps.db.insert(assignments).values(row);
  await appendAudit(deps.db, deps.clock, {
    organisationId: actor.organisationId,
    actorId: actor.userId,
    action: 'assignment.created',
    entityType: 'assignment',
    entityId: row.id,
    after: {
      scenarioId: row.scenarioId,
      learnerId: row.learnerId,
      groupId: row.groupId,
      dueDate: row.dueDate,
    },
  });
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/**
 * The learner's assignments (their own and their groups'), earliest due first; one per
 * scenario (the earliest due).
 */
export async function learnerAssignments(deps: Pick<AppDeps, 'db'>, actor: Actor) {
  const memberOf = await deps.db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, actor.userId), eq(groupMembers.kind, 'learner')));
  const groupIds = memberOf.map((g) => g.groupId);
  const rows = await deps.db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.organisationId, actor.organisationId),
        or(
          eq(assignments.learnerId, actor.userId),
          groupIds.length > 0
            ? and(isNull(assignments.learnerId), inArray(assignments.groupId, groupIds))
            : undefined,
        ),
      ),
    )
    .orderBy(asc(assignments.dueDate));
  const byScenario = new Map<string, { dueDate: string; assignedBy: string }>();
  for (const r of rows)
    if (!byScenario.has(r.scenarioId))
      byScenario.set(r.scenarioId, { dueDate: r.dueDate, assignedBy: r.assignedBy });
  return byScenario;
}

/**
 * The assignments a coach can see: those given to one of their groups or to a learner in one
 * of them (whoever assigned them), earliest due first, with names for display.
 */
export async function coachAssignments(deps: Pick<AppDeps, 'db' | 'content'>, actor: Actor) {
  const groups = await coachGroups(deps.db, actor);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const learnerNames = new Map(groups.flatMap((g) => g.learners.map((l) => [l.id, l.name])));
  if (groups.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.organisationId, actor.organisationId),
        or(
          inArray(assignments.groupId, [...groupNames.keys()]),
          learnerNames.size > 0
            ? inArray(assignments.learnerId, [...learnerNames.keys()])
            : undefined,
        ),
      ),
    )
    .orderBy(asc(assignments.dueDate), asc(assignments.createdAt));
  const assigners = await userNames(
    deps.db,
    rows.map((r) => r.assignedBy),
  );
  return rows.map((r) => ({
    id: r.id,
    scenario: {
      id: r.scenarioId,
      title: deps.content.scenarios.find((s) => s.id === r.scenarioId)?.title ?? r.scenarioId,
    },
    learner: r.learnerId ? { id: r.learnerId, name: learnerNames.get(r.learnerId) ?? '' } : null,
    group: r.groupId ? { id: r.groupId, name: groupNames.get(r.groupId) ?? '' } : null,
    dueDate: r.dueDate,
    assignedBy: { id: r.assignedBy, name: assigners.get(r.assignedBy) ?? '' },
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * Cancels an assignment the coach can see. The row goes (the learner no longer sees it) and
 * the audit log keeps what it was.
 */
export async function cancelAssignment(deps: AppDeps, actor: Actor, assignmentId: string) {
  const visible = await coachAssignments(deps, actor);
  const found = visible.find((a) => a.id === assignmentId);
  if (!found) throw new AppError('NOT_FOUND', 'No such assignment among those you coach.');
  await deps.db.delete(assignments).where(eq(assignments.id, assignmentId));
  await appendAudit(deps.db, deps.clock, {
    organisationId: actor.organisationId,
    actorId: actor.userId,
    action: 'assignment.cancelled',
    entityType: 'assignment',
    entityId: assignmentId,
    before: {
      scenarioId: found.scenario.id,
      learnerId: found.learner?.id ?? null,
      groupId: found.group?.id ?? null,
      dueDate: found.dueDate,
      assignedBy: found.assignedBy.id,
    },
  });
  return { id: assignmentId, cancelled: true };
}
