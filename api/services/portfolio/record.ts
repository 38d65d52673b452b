/**
 * The printable evidence record of one learner against one standard (rubric pack): per
 * criterion the mapping to the standard's criterion codes, every confirmed decision on it (or on
 * the core criterion it reuses) with verdict, date, assessor, the evidence quotes, the attempt
 * and scenario and whether it is signed off, and the portfolio's sufficiency summary.
 */
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import type { RubricCriterion, RubricPack } from '../../content/schemas.ts';
import { attempts, memberships } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Evidence } from '../../transcript/schema.ts';
import { decisionView } from '../review/decide.ts';
import { blindAttemptsFor } from '../review/iqa.ts';
import { userNames } from '../review/names.ts';
import { currentDecisions, loadReviewStates, type DecisionRow } from '../review/state.ts';
import { coachesLearner } from '../roleplay/access.ts';
import { learnerInteractions } from './load.ts';
import { packPortfolio } from './sufficiency.ts';

/**
 * Throws NOT_FOUND unless the actor may read this learner's record: the learner themselves, an
 * assessor or admin of their organisation, or a coach of one of their groups.
 */
export async function assertMayReadLearner(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  learnerId: string,
): Promise<void> {
  const [member] = await deps.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.userId, learnerId), eq(memberships.organisationId, actor.organisationId)),
    )
    .limit(1);
  const allowed =
    member &&
    (actor.userId === learnerId ||
      hasRole(actor, 'assessor', 'admin') ||
      (hasRole(actor, 'coach') && (await coachesLearner(deps.db, actor.userId, learnerId))));
  if (!allowed) throw new AppError('NOT_FOUND', 'No such learner.');
}

/** The standard's criterion codes a criterion maps to, e.g. `CC-GPO1 1a`. */
export function standardCodes(pack: RubricPack, criterion: RubricCriterion): string[] {
  const code = pack.standard?.code;
  return criterion.standardRefs.map((ref) => (code ? `${code} ${ref}` : ref));
}

/** Builds the evidence record. */
export async function evidenceRecord(
  deps: AppDeps,
  actor: Actor,
  learnerId: string,
  rubricId: string,
) {
  await assertMayReadLearner(deps, actor, learnerId);
  const pack = deps.content.rubrics.find((r) => r.id === rubricId);
  if (!pack) throw new AppError('NOT_FOUND', 'No such standard.');
  const rows = await deps.db
    .select()
    .from(attempts)
    .where(and(eq(attempts.learnerId, learnerId), eq(attempts.status, 'submitted')));
  const [states, interactions, blind] = await Promise.all([
    loadReviewStates(
      deps.db,
      rows.map((r) => r.id),
    ),
    learnerInteractions(deps, learnerId),
    blindAttemptsFor(deps, actor),
  ]);
  const decided: Array<{ row: DecisionRow; attempt: (typeof rows)[number] }> = [];
  for (const attempt of rows) {
    const state = states.get(attempt.id);
    // An attempt the reader is second-marking blind shows no decisions until they complete it.
    if (!state || state.voided || blind.has(attempt.id)) continue;
    for (const d of currentDecisions(state.decisions).values()) decided.push({ row: d, attempt });
  }
  const names = await userNames(deps.db, [learnerId, ...decided.map((d) => d.row.assessorId)]);
  const portfolio = packPortfolio(pack, interactions);

  const entriesFor = (criterion: RubricCriterion) => {
    const keys = [`${pack.id}#${criterion.id}`, ...(criterion.reuses ? [criterion.reuses] : [])];
    return decided
      .filter(({ row }) => keys.includes(`${row.rubricId}#${row.criterionId}`))
      .sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime())
      .map(({ row, attempt }) => {
        const state = states.get(attempt.id);
        const grading = state?.gradings.find((g) => g.row.id === row.gradingId);
        const ai = grading?.result?.criteria.find((c) => c.id === row.criterionId);
        const d = decisionView(row);
        // Confirming adopts the AI's quotes as evidence; an override stands on the assessor's own.
        const evidence: Evidence[] =
          d.action === 'confirm' ? [...(ai?.evidence ?? []), ...d.evidence] : d.evidence;
        const signOff = state?.signOffs.find((s) => s.rubricId === row.rubricId);
        const scenario = deps.content.scenarios.find((s) => s.id === attempt.scenarioId);
        return {
          attemptId: attempt.id,
          scenario: {
            id: attempt.scenarioId,
            title: scenario?.title ?? attempt.scenarioId,
            interactionType: scenario?.interactionType ?? null,
          },
          rubric: { id: row.rubricId, version: row.rubricVersion },
          criterionId: row.criterionId,
          verdict: d.verdict,
          action: d.action,
          reason: d.reason,
          decidedAt: d.createdAt,
          assessorName: names.get(row.assessorId) ?? '',
          evidence,
          signedOff: signOff ? { at: signOff.createdAt.toISOString() } : null,
        };
      });
  };

  return {
    learner: { id: learnerId, name: names.get(learnerId) ?? '' },
    standard: {
      id: pack.id,
      version: pack.version,
      title: pack.title,
      code: pack.standard?.code ?? null,
      level: pack.standard?.level ?? null,
    },
    summary: {
      criteriaMet: portfolio.criteriaMet,
      criteriaAssessable: portfolio.criteriaAssessable,
      criteriaOtherMeans: portfolio.criteriaOtherMeans,
      interactions: portfolio.interactions,
      interactionTypes: portfolio.interactionTypes,
      personaTraits: portfolio.personaTraits,
      missingTraits: portfolio.missingTraits,
    },
    criteria: pack.criteria.map((criterion) => {
      const status = portfolio.criteria.find((c) => c.id === criterion.id);
      return {
        id: criterion.id,
        title: criterion.title,
        standardCodes: standardCodes(pack, criterion),
        evidencedBy: criterion.evidencedBy,
        status: status?.status ?? 'not_yet',
        label: status?.label ?? 'not yet',
        otherEvidence: status?.otherEvidence ?? null,
        needs: status?.needs ?? [],
        decisions: entriesFor(criterion),
      };
    }),
  };
}
