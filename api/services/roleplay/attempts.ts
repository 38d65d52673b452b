/**
 * Attempt lifecycle: start (pinning content versions, storing the customer's opening line),
 * the learner's view, ending the chat, case notes and submission.
 * `in_progress → ended (reason) → submitted`.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { attempts, messages, organisations, systemEvents } from '../../db/schema.ts';
import { attemptGradings } from '../grading/jobs.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { closeByLearner, directorStateSchema } from '../../roleplay/director.ts';
import type { Persona, Scenario } from '../../content/schemas.ts';
import { appendAudit } from '../audit.ts';
import type { AttemptRow } from './access.ts';
import { caseNotesText, parseStoredCaseNotes, type CaseNotes } from './case-notes.ts';
import { newId } from './ids.ts';

/** The scenario and persona cards of a scenario id, or NOT_FOUND. */
export function cardsFor(
  deps: Pick<AppDeps, 'content'>,
  scenarioId: string,
): { scenario: Scenario; persona: Persona } {
  const scenario = deps.content.scenarios.find((s) => s.id === scenarioId);
  const persona = scenario && deps.content.personas.find((p) => p.id === scenario.persona);
  if (!scenario || !persona) throw new AppError('NOT_FOUND', 'No such scenario.');
  return { scenario, persona };
}

/** Starts an attempt (or returns the one a retried request already started). */
export async function startAttempt(
  deps: AppDeps,
  actor: Actor,
  input: { scenarioId: string; clientRequestId: string },
) {
  const { db, clock } = deps;
  const [existing] = await db
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.learnerId, actor.userId),
        eq(attempts.clientRequestId, input.clientRequestId),
      ),
    );
  if (existing) return { attempt: existing, created: false };
  const cards = cardsFor(deps, input.scenarioId);
  const opening = await deps.persona.open(cards);
  const now = clock.now();
  const attempt: AttemptRow = {
    id: newId('att'),
    organisationId: actor.organisationId,
    learnerId: actor.userId,
    clientRequestId: input.clientRequestId,
    scenarioId: cards.scenario.id,
    scenarioVersion: cards.scenario.version,
    personaId: cards.persona.id,
    personaVersion: cards.persona.version,
    promptVersion: deps.personaPromptVersion,
    engineMode: deps.persona.mode,
    status: 'in_progress',
    endReason: null,
    directorState: JSON.stringify(opening.state),
    caseNotes: null,
    caseNotesUpdatedAt: null,
    startedAt: now,
    endedAt: null,
    submittedAt: null,
  };
  await db.batch([
    db.insert(attempts).values(attempt),
    db.insert(messages).values({
      id: newId('msg'),
      attemptId: attempt.id,
      seq: 0,
      speaker: 'customer',
      text: opening.text,
      status: 'complete',
      createdAt: now,
    }),
  ]);
  return { attempt, created: true };
}

/** Messages of an attempt in order. */
export async function attemptMessages(deps: Pick<AppDeps, 'db'>, attemptId: string) {
  return deps.db
    .select()
    .from(messages)
    .where(eq(messages.attemptId, attemptId))
    .orderBy(asc(messages.seq));
}

/** System events of an attempt in order. */
export async function attemptEvents(deps: Pick<AppDeps, 'db'>, attemptId: string) {
  return deps.db
    .select()
    .from(systemEvents)
    .where(eq(systemEvents.attemptId, attemptId))
    .orderBy(asc(systemEvents.createdAt), asc(systemEvents.id));
}

/** The public shape of a message (no lease internals). */
export function messageView(m: typeof messages.$inferSelect) {
  return {
    id: m.id,
    seq: m.seq,
    speaker: m.speaker,
    text: m.status === 'complete' ? m.text : '',
    status: m.status,
    clientMessageId: m.clientMessageId,
    error: m.status === 'failed' ? (m.error ?? 'The reply failed.') : null,
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * The attempt as a learner (or a reader) sees it: chat, systems panel data, system events and
 * case notes. The director state and the persona card's hidden parts are never included.
 */
export async function attemptView(deps: AppDeps, attempt: AttemptRow, viewer?: Actor) {
  const { scenario, persona } = cardsFor(deps, attempt.scenarioId);
  const [msgs, events, grades, feedback] = await Promise.all([
    attemptMessages(deps, attempt.id),
    attemptEvents(deps, attempt.id),
    attemptGradings(deps, attempt.id),
    feedbackVisibility(deps, attempt.organisationId),
  ]);
  // Learners see AI judgements as provisional, or not until an assessor confirms, per organisation.
  const hideResults = viewer?.userId === attempt.learnerId && feedback === 'after_confirmation';
  return {
    id: attempt.id,
    status: attempt.status,
    endReason: attempt.endReason,
    engineMode: attempt.engineMode,
    startedAt: attempt.startedAt.toISOString(),
    endedAt: attempt.endedAt?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    learnerId: attempt.learnerId,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      industry: scenario.industry,
      interactionType: scenario.interactionType,
      brief: scenario.brief,
      customerName: persona.name,
      reviewTranscript: scenario.reviewTranscript ?? null,
    },
    systems: {
      crm: scenario.systems.crm,
      knowledgeBase: scenario.systems.knowledgeBase,
      actions: scenario.systems.actions.map((a) => ({ id: a.id, label: a.label })),
    },
    messages: msgs.map(messageView),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      target: e.target,
      detail: e.detail,
      afterTurn: e.afterTurn,
      createdAt: e.createdAt.toISOString(),
    })),
    caseNotes: parseStoredCaseNotes(attempt.caseNotes),
    caseNotesUpdatedAt: attempt.caseNotesUpdatedAt?.toISOString() ?? null,
    feedbackVisibility: feedback,
    gradings: grades.map((g) => ({
      ...g,
      provisional: true,
      result: hideResults ? null : g.result,
    })),
  };
}

async function feedbackVisibility(deps: Pick<AppDeps, 'db'>, organisationId: string) {
  const [org] = await deps.db
    .select({ v: organisations.feedbackVisibility })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return org?.v ?? 'provisional';
}

/** The learner's attempts, newest first. */
export async function listOwnAttempts(deps: AppDeps, actor: Actor) {
  const rows = await deps.db
    .select()
    .from(attempts)
    .where(eq(attempts.learnerId, actor.userId))
    .orderBy(desc(attempts.startedAt));
  return rows.map((a) => ({
    id: a.id,
    scenarioId: a.scenarioId,
    scenarioTitle: deps.content.scenarios.find((s) => s.id === a.scenarioId)?.title ?? a.scenarioId,
    status: a.status,
    endReason: a.endReason,
    startedAt: a.startedAt.toISOString(),
  }));
}

/** Ends a chat by the learner (`learner_closed`); ending an ended chat is a no-op. */
export async function endAttempt(
  deps: AppDeps,
  actor: Actor,
  attempt: AttemptRow,
): Promise<AttemptRow> {
  if (attempt.status !== 'in_progress') return attempt;
  const state = closeByLearner(directorStateSchema.parse(JSON.parse(attempt.directorState)));
  const endedAt = deps.clock.now();
  const [updated] = await deps.db
    .update(attempts)
    .set({
      status: 'ended',
      endReason: 'learner_closed',
      endedAt,
      directorState: JSON.stringify(state),
    })
    .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'in_progress')))
    .returning();
  // A concurrent end (the customer left at the same moment) already set the reason.
  if (!updated)
    return (await deps.db.select().from(attempts).where(eq(attempts.id, attempt.id)))[0] ?? attempt;
  void actor;
  return updated;
}

/** Saves case notes (autosaved drafts); refused once the attempt is submitted. */
export async function saveCaseNotes(deps: AppDeps, attempt: AttemptRow, notes: CaseNotes) {
  if (attempt.status === 'submitted') {
    throw new AppError(
      'CONFLICT',
      'This attempt was submitted; its case notes can no longer change.',
    );
  }
  const at = deps.clock.now();
  await deps.db
    .update(attempts)
    .set({ caseNotes: JSON.stringify(notes), caseNotesUpdatedAt: at })
    .where(eq(attempts.id, attempt.id));
  return { caseNotes: notes, caseNotesUpdatedAt: at.toISOString() };
}

/** Submits an ended attempt for grading; a repeated submit returns the submitted attempt. */
export async function submitAttempt(
  deps: AppDeps,
  actor: Actor,
  attempt: AttemptRow,
): Promise<AttemptRow> {
  if (attempt.status === 'submitted') return attempt;
  if (attempt.status !== 'ended')
    throw new AppError('CONFLICT', 'End the chat before submitting it.');
  const submittedAt = deps.clock.now();
  const [updated] = await deps.db
    .update(attempts)
    .set({ status: 'submitted', submittedAt })
    .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'ended')))
    .returning();
  const result = updated ?? attempt;
  await appendAudit(deps.db, deps.clock, {
    organisationId: attempt.organisationId,
    actorId: actor.userId,
    action: 'attempt.submitted',
    entityType: 'attempt',
    entityId: attempt.id,
    after: {
      scenarioId: attempt.scenarioId,
      caseNotes: caseNotesText(parseStoredCaseNotes(attempt.caseNotes)),
    },
  });
  return result;
}
