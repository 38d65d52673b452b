/**
 * Blind second marking (IQA) for the second assessor: their queue, claiming a sample that
 * awaits a second assessor, the blind view of a sample, a verdict per criterion, and completing
 * the sample. The blind view carries the transcript and the rubric only: never the first
 * assessor's decisions, nor the AI's verdicts, evidence or feedback, so the second judgement is
 * independent. Every write appends to the audit log.
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { attempts, iqaDecisions, iqaSamples, signOffs } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { verdict } from '../../transcript/schema.ts';
import { appendAudit } from '../audit.ts';
import { attemptTranscript } from '../grading/transcript.ts';
import { newId } from '../roleplay/ids.ts';
import { userNames } from './names.ts';
import { attemptSummary } from './queue.ts';
import { currentDecisions, loadReviewState } from './state.ts';

export type IqaSampleRow = typeof iqaSamples.$inferSelect;
export type IqaDecisionRow = typeof iqaDecisions.$inferSelect;

/** Request body of a second assessor's verdict on one criterion. */
export const iqaDecisionInput = z.strictObject({
  criterionId: z.string().min(1).max(80),
  verdict,
  reason: z.string().trim().min(1).max(2000).optional(),
});

/** True when the actor may second-mark this sample (an assessor, not first marker or learner). */
function eligible(actor: Actor, sample: IqaSampleRow, learnerId: string): boolean {
  return (
    hasRole(actor, 'assessor') &&
    actor.userId !== sample.firstAssessorId &&
    actor.userId !== learnerId
  );
}

/** Loads a sample of the actor's organisation with its attempt, or NOT_FOUND. */
async function loadSample(deps: Pick<AppDeps, 'db'>, actor: Actor, sampleId: string) {
  const [row] = await deps.db
    .select({ sample: iqaSamples, attempt: attempts })
    .from(iqaSamples)
    .innerJoin(attempts, eq(attempts.id, iqaSamples.attemptId))
    .where(and(eq(iqaSamples.id, sampleId), eq(iqaSamples.organisationId, actor.organisationId)));
  if (!row) throw new AppError('NOT_FOUND', 'No such IQA sample.');
  return row;
}

/** Loads a sample the actor is the second assessor of, or throws. */
async function loadOwnSample(deps: Pick<AppDeps, 'db'>, actor: Actor, sampleId: string) {
  const row = await loadSample(deps, actor, sampleId);
  if (row.sample.secondAssessorId !== actor.userId) {
    throw new AppError(
      'FORBIDDEN',
      row.sample.secondAssessorId === null && eligible(actor, row.sample, row.attempt.learnerId)
        ? 'This sample awaits a second assessor; claim it first.'
        : 'Only the second assessor of this sample can mark it.',
    );
  }
  return row;
}

/**
 * The criteria a sample covers: those the first assessor decided on the signed-off grading
 * (every judged criterion, plus any they decided that the grader could not judge).
 */
async function sampleCriteria(deps: AppDeps, sample: IqaSampleRow) {
  const [signOff] = await deps.db.select().from(signOffs).where(eq(signOffs.id, sample.signOffId));
  if (!signOff) throw new AppError('NOT_FOUND', 'The sampled sign-off is gone.');
  const state = await loadReviewState(deps.db, sample.attemptId);
  const decided = [...currentDecisions(state.decisions).values()].filter(
    (d) => d.gradingId === signOff.gradingId,
  );
  const rubric = deps.content.rubrics.find(
    (r) => r.id === signOff.rubricId && r.version === signOff.rubricVersion,
  );
  const order = (id: string) => rubric?.criteria.findIndex((c) => c.id === id) ?? -1;
  const ids = [...new Set(decided.map((d) => d.criterionId))].sort((a, b) => order(a) - order(b));
  return { signOff, rubric, ids, firstDecisions: decided };
}

/** The actor's IQA queue: pending samples assigned to them, then those awaiting anyone. */
export async function iqaQueue(deps: AppDeps, actor: Actor) {
  const rows = await deps.db
    .select({ sample: iqaSamples, attempt: attempts })
    .from(iqaSamples)
    .innerJoin(attempts, eq(attempts.id, iqaSamples.attemptId))
    .where(
      and(
        eq(iqaSamples.organisationId, actor.organisationId),
        eq(iqaSamples.status, 'pending'),
        or(eq(iqaSamples.secondAssessorId, actor.userId), isNull(iqaSamples.secondAssessorId)),
      ),
    )
    .orderBy(asc(iqaSamples.createdAt));
  const mine = rows.filter((r) => eligible(actor, r.sample, r.attempt.learnerId));
  const names = await userNames(
    deps.db,
    mine.map((r) => r.attempt.learnerId),
  );
  const done = await deps.db
    .select({ sampleId: iqaDecisions.sampleId })
    .from(iqaDecisions)
    .where(eq(iqaDecisions.assessorId, actor.userId));
  const items = mine.map(({ sample, attempt }) => {
    const rubric = deps.content.rubrics.find((r) => r.id === sample.rubricId);
    return {
      sampleId: sample.id,
      ...attemptSummary(deps, attempt, names),
      rubric: { id: sample.rubricId, title: rubric?.title ?? sample.rubricId },
      awaitingSecondAssessor: sample.secondAssessorId === null,
      decided: done.filter((d) => d.sampleId === sample.id).length,
      sampledAt: sample.createdAt.toISOString(),
    };
  });
  // Samples assigned to me first, then those any eligible assessor may claim; oldest first.
  items.sort((a, b) => Number(a.awaitingSecondAssessor) - Number(b.awaitingSecondAssessor));
  return items;
}

/** Claims a sample that awaits a second assessor. */
export async function claimSample(deps: AppDeps, actor: Actor, sampleId: string) {
  const { sample, attempt } = await loadSample(deps, actor, sampleId);
  if (!eligible(actor, sample, attempt.learnerId)) {
    throw new AppError(
      'FORBIDDEN',
      'You cannot second-mark this attempt (you marked it first, or it is yours).',
    );
  }
  if (sample.status !== 'pending' || sample.secondAssessorId !== null) {
    throw new AppError('CONFLICT', 'This sample already has a second assessor.');
  }
  // The null check in the update settles a race between two claimants.
  const updated = await deps.db
    .update(iqaSamples)
    .set({ secondAssessorId: actor.userId })
    .where(and(eq(iqaSamples.id, sample.id), isNull(iqaSamples.secondAssessorId)))
    .returning({ id: iqaSamples.id });
  if (updated.length === 0) {
    throw new AppError('CONFLICT', 'This sample already has a second assessor.');
  }
  await appendAudit(deps.db, deps.clock, {
    organisationId: sample.organisationId,
    actorId: actor.userId,
    action: 'iqa.claimed',
    entityType: 'iqa_sample',
    entityId: sample.id,
    before: { secondAssessorId: null },
    after: { secondAssessorId: actor.userId },
  });
  return { sampleId: sample.id, secondAssessorId: actor.userId };
}

/** The public shape of a second assessor's decision. */
function iqaDecisionView(d: IqaDecisionRow) {
  return { verdict: d.verdict, reason: d.reason, decidedAt: d.createdAt.toISOString() };
}

/**
 * The blind view of a sample for its second assessor: the transcript and the rubric's criteria
 * with only their own verdicts so far.
 */
export async function blindSampleView(deps: AppDeps, actor: Actor, sampleId: string) {
  const { sample, attempt } = await loadOwnSample(deps, actor, sampleId);
  const [{ signOff, rubric, ids }, transcript, own, names] = await Promise.all([
    sampleCriteria(deps, sample),
    attemptTranscript(deps, attempt),
    deps.db.select().from(iqaDecisions).where(eq(iqaDecisions.sampleId, sample.id)),
    userNames(deps.db, [attempt.learnerId]),
  ]);
  const scenario = deps.content.scenarios.find((s) => s.id === attempt.scenarioId);
  return {
    sample: {
      id: sample.id,
      status: sample.status,
      sampledAt: sample.createdAt.toISOString(),
      completedAt: sample.completedAt?.toISOString() ?? null,
    },
    attempt: {
      id: attempt.id,
      learnerName: names.get(attempt.learnerId) ?? '',
      scenario: {
        id: attempt.scenarioId,
        title: scenario?.title ?? attempt.scenarioId,
        brief: scenario?.brief ?? '',
      },
    },
    rubric: { id: signOff.rubricId, version: signOff.rubricVersion, title: rubric?.title ?? '' },
    transcript: { turns: transcript.turns, caseNotes: transcript.caseNotes },
    criteria: ids.map((id) => {
      const def = rubric?.criteria.find((c) => c.id === id);
      const mine = own.find((d) => d.criterionId === id);
      return {
        id,
        title: def?.title ?? id,
        description: def?.description ?? '',
        standardRefs: def?.standardRefs ?? [],
        decision: mine ? iqaDecisionView(mine) : null,
      };
    }),
  };
}

/** Records (or, before completion, changes) the second assessor's verdict on one criterion. */
export async function recordIqaDecision(
  deps: AppDeps,
  actor: Actor,
  sampleId: string,
  input: z.infer<typeof iqaDecisionInput>,
) {
  const { sample } = await loadOwnSample(deps, actor, sampleId);
  if (sample.status !== 'pending') {
    throw new AppError('CONFLICT', 'This sample is complete; its verdicts are final.');
  }
  const { ids } = await sampleCriteria(deps, sample);
  if (!ids.includes(input.criterionId)) {
    throw new AppError('NOT_FOUND', 'No such criterion in this sample.');
  }
  const [before] = await deps.db
    .select()
    .from(iqaDecisions)
    .where(
      and(eq(iqaDecisions.sampleId, sample.id), eq(iqaDecisions.criterionId, input.criterionId)),
    );
  const row: IqaDecisionRow = {
    id: before?.id ?? newId('iqd'),
    sampleId: sample.id,
    organisationId: sample.organisationId,
    criterionId: input.criterionId,
    verdict: input.verdict,
    reason: input.reason ?? null,
    assessorId: actor.userId,
    createdAt: deps.clock.now(),
  };
  await deps.db
    .insert(iqaDecisions)
    .values(row)
    .onConflictDoUpdate({
      target: [iqaDecisions.sampleId, iqaDecisions.criterionId],
      set: { verdict: row.verdict, reason: row.reason, createdAt: row.createdAt },
    });
  await appendAudit(deps.db, deps.clock, {
    organisationId: sample.organisationId,
    actorId: actor.userId,
    action: 'iqa.decided',
    entityType: 'iqa_sample',
    entityId: sample.id,
    before: before ? { criterionId: before.criterionId, ...iqaDecisionView(before) } : null,
    after: { criterionId: row.criterionId, verdict: row.verdict, reason: row.reason },
  });
  return { criterionId: row.criterionId, ...iqaDecisionView(row) };
}

/** Completes a sample once every criterion has a second verdict; the verdicts become final. */
export async function completeSample(deps: AppDeps, actor: Actor, sampleId: string) {
  const { sample } = await loadOwnSample(deps, actor, sampleId);
  if (sample.status !== 'pending') throw new AppError('CONFLICT', 'This sample is complete.');
  const { ids } = await sampleCriteria(deps, sample);
  const own = await deps.db.select().from(iqaDecisions).where(eq(iqaDecisions.sampleId, sample.id));
  const undecided = ids.filter((id) => !own.some((d) => d.criterionId === id));
  if (undecided.length > 0) {
    throw new AppError('CONFLICT', 'Give a verdict on every criterion before completing.', {
      undecided,
    });
  }
  const completedAt = deps.clock.now();
  const updated = await deps.db
    .update(iqaSamples)
    .set({ status: 'complete', completedAt })
    .where(and(eq(iqaSamples.id, sample.id), eq(iqaSamples.status, 'pending')))
    .returning({ id: iqaSamples.id });
  if (updated.length === 0) throw new AppError('CONFLICT', 'This sample is complete.');
  await appendAudit(deps.db, deps.clock, {
    organisationId: sample.organisationId,
    actorId: actor.userId,
    action: 'iqa.completed',
    entityType: 'iqa_sample',
    entityId: sample.id,
    before: { status: 'pending' },
    after: {
      status: 'complete',
      verdicts: Object.fromEntries(own.map((d) => [d.criterionId, d.verdict])),
    },
  });
  return {
    sampleId: sample.id,
    status: 'complete' as const,
    completedAt: completedAt.toISOString(),
  };
}

/**
 * Rubrics of an attempt the actor is second-marking right now (pending samples assigned to
 * them): the review view hides those gradings from them, so the attempt's page cannot unblind
 * what the sample view keeps blind.
 */
export async function blindRubricsFor(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  attemptId: string,
): Promise<Set<string>> {
  const rows = await deps.db
    .select({ rubricId: iqaSamples.rubricId })
    .from(iqaSamples)
    .where(
      and(
        eq(iqaSamples.attemptId, attemptId),
        eq(iqaSamples.secondAssessorId, actor.userId),
        eq(iqaSamples.status, 'pending'),
      ),
    );
  return new Set(rows.map((r) => r.rubricId));
}

/**
 * Attempts the actor is second-marking right now. Exports and evidence records leave out their
 * decisions (every pack's, since standards reuse the core criteria) until the sample is complete,
 * so no other page unblinds the first marking either.
 */
export async function blindAttemptsFor(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
): Promise<Set<string>> {
  const rows = await deps.db
    .select({ attemptId: iqaSamples.attemptId })
    .from(iqaSamples)
    .where(
      and(
        eq(iqaSamples.organisationId, actor.organisationId),
        eq(iqaSamples.secondAssessorId, actor.userId),
        eq(iqaSamples.status, 'pending'),
      ),
    );
  return new Set(rows.map((r) => r.attemptId));
}
