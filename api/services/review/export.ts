/**
 * Evidence-record exports for a learner, a group or a standard: every criterion decision (current
 * and superseded) with the AI verdict, the final verdict, the assessor, reason, evidence quotes,
 * rubric and prompt versions, attempt and scenario ids. Each export appends an audit row.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import {
  attempts,
  criterionDecisions,
  groupMembers,
  groups,
  memberships,
} from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAudit } from '../audit.ts';
import { toCsv } from './csv.ts';
import { decisionView } from './decide.ts';
import { blindAttemptsFor } from './iqa.ts';
import { userNames } from './names.ts';
import { currentDecisions, decisionKey, loadReviewStates } from './state.ts';

/** Query of an export. */
export const exportQuery = z.strictObject({
  scope: z.enum(['learner', 'group', 'standard']),
  id: z.string().min(1).max(80),
  format: z.enum(['csv', 'json']).default('json'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

/** Column order of the CSV (and key order of each JSON record). */
export const EXPORT_COLUMNS = [
  'attemptId',
  'learnerId',
  'learnerName',
  'scenarioId',
  'scenarioVersion',
  'rubricId',
  'rubricVersion',
  'graderMode',
  'graderModel',
  'promptVersion',
  'criterionId',
  'decisionVersion',
  'current',
  'action',
  'aiVerdict',
  'finalVerdict',
  'assessorId',
  'assessorName',
  'reason',
  'evidence',
  'afterSignOff',
  'signedOff',
  'attemptVoid',
  'decidedAt',
] as const;

async function attemptIdsInScope(deps: AppDeps, actor: Actor, q: ExportQuery): Promise<string[]> {
  const { db } = deps;
  const org = eq(attempts.organisationId, actor.organisationId);
  if (q.scope === 'standard') {
    if (!deps.content.rubrics.some((r) => r.id === q.id))
      throw new AppError('NOT_FOUND', 'No such standard.');
    const rows = await db
      .selectDistinct({ id: criterionDecisions.attemptId })
      .from(criterionDecisions)
      .where(
        and(
          eq(criterionDecisions.organisationId, actor.organisationId),
          eq(criterionDecisions.rubricId, q.id),
        ),
      );
    return rows.map((r) => r.id);
  }
  let learnerIds: string[];
  if (q.scope === 'learner') {
    const [member] = await db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(
        and(eq(memberships.userId, q.id), eq(memberships.organisationId, actor.organisationId)),
      )
      .limit(1);
    if (!member) throw new AppError('NOT_FOUND', 'No such learner.');
    learnerIds = [q.id];
  } else {
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.id, q.id), eq(groups.organisationId, actor.organisationId)));
    if (!group) throw new AppError('NOT_FOUND', 'No such group.');
    const members = await db
      .select({ id: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, q.id), eq(groupMembers.kind, 'learner')));
    learnerIds = members.map((m) => m.id);
  }
  if (learnerIds.length === 0) return [];
  const rows = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(org, inArray(attempts.learnerId, learnerIds)))
    .orderBy(asc(attempts.startedAt));
  return rows.map((r) => r.id);
}

/** The export records (one per decision, oldest first). */
export async function exportRecords(deps: AppDeps, actor: Actor, q: ExportQuery) {
  const [inScope, blind] = await Promise.all([
    attemptIdsInScope(deps, actor, q),
    blindAttemptsFor(deps, actor),
  ]);
  const ids = inScope.filter((id) => !blind.has(id));
  const states = await loadReviewStates(deps.db, ids);
  const attemptRows =
    ids.length === 0 ? [] : await deps.db.select().from(attempts).where(inArray(attempts.id, ids));
  const byId = new Map(attemptRows.map((a) => [a.id, a]));
  const all = [...states.values()].flatMap((s) => s.decisions);
  const names = await userNames(deps.db, [
    ...attemptRows.map((a) => a.learnerId),
    ...all.map((d) => d.assessorId),
  ]);
  const records = [];
  for (const [attemptId, state] of states) {
    const attempt = byId.get(attemptId);
    if (!attempt) continue;
    const current = currentDecisions(state.decisions);
    for (const row of state.decisions) {
      if (q.scope === 'standard' && row.rubricId !== q.id) continue;
      const grading = state.gradings.find((g) => g.row.id === row.gradingId)?.row;
      const d = decisionView(row);
      records.push({
        attemptId,
        learnerId: attempt.learnerId,
        learnerName: names.get(attempt.learnerId) ?? '',
        scenarioId: attempt.scenarioId,
        scenarioVersion: attempt.scenarioVersion,
        rubricId: row.rubricId,
        rubricVersion: row.rubricVersion,
        graderMode: grading?.graderMode ?? null,
        graderModel: grading?.model ?? null,
        promptVersion: grading?.promptVersion ?? null,
        criterionId: row.criterionId,
        decisionVersion: row.version,
        current: current.get(decisionKey(row.gradingId, row.criterionId))?.id === row.id,
        action: row.action,
        aiVerdict: row.aiVerdict,
        finalVerdict: row.verdict,
        assessorId: row.assessorId,
        assessorName: names.get(row.assessorId) ?? '',
        reason: row.reason,
        evidence: d.evidence,
        afterSignOff: row.afterSignOff,
        signedOff: state.signOffs.some((s) => s.rubricId === row.rubricId),
        attemptVoid: state.voided !== null,
        decidedAt: d.createdAt,
      });
    }
  }
  return records;
}

type ExportRecord = Awaited<ReturnType<typeof exportRecords>>[number];

/** A record's evidence as one CSV cell: `turn 5: "quote" | caseNotes: "quote"`. */
const evidenceCell = (e: ExportRecord['evidence']) =>
  e
    .map((x) => `${x.turn === 'caseNotes' ? 'caseNotes' : `turn ${x.turn}`}: "${x.quote}"`)
    .join(' | ');

/** Runs an export, audits it, and returns the body and content type. */
export async function runExport(deps: AppDeps, actor: Actor, q: ExportQuery) {
  const records = await exportRecords(deps, actor, q);
  await appendAudit(deps.db, deps.clock, {
    organisationId: actor.organisationId,
    actorId: actor.userId,
    action: 'export.created',
    entityType: 'export',
    entityId: `${q.scope}:${q.id}`,
    after: { scope: q.scope, id: q.id, format: q.format, records: records.length },
  });
  if (q.format === 'json') {
    return {
      contentType: 'application/json',
      body: JSON.stringify({ scope: q.scope, id: q.id, records }),
    };
  }
  const rows = records.map((r) =>
    EXPORT_COLUMNS.map((c) => (c === 'evidence' ? evidenceCell(r.evidence) : r[c])),
  );
  return { contentType: 'text/csv; charset=utf-8', body: toCsv(EXPORT_COLUMNS, rows) };
}
