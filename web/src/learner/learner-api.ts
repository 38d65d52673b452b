/**
 * The learner's roleplay endpoints through the typed client. Response types are inferred from
 * the API itself, so the learner views cannot drift from what the server sends.
 */
import type { InferResponseType } from 'hono/client';
import { api, readJson } from '../api/client.ts';

const attempts = api.attempts;
const one = attempts[':id'];

/** One scenario a learner may start. */
export type ScenarioEntry = InferResponseType<typeof api.scenarios.$get, 200>['scenarios'][number];
/** One of the learner's past attempts. */
export type AttemptEntry = InferResponseType<typeof attempts.$get, 200>['attempts'][number];
/** The whole attempt as the learner sees it. */
export type AttemptView = InferResponseType<typeof one.$get, 200>;
/** A chat message. */
export type ChatMessage = AttemptView['messages'][number];
/** A logged system event. */
export type SystemEventView = AttemptView['events'][number];
/** The structured case notes. */
export type CaseNotes = AttemptView['caseNotes'];
/** One grading of the attempt against a rubric pack. */
export type GradingView = AttemptView['gradings'][number];
/** What the systems panel may log. */
export type SystemEventKind = SystemEventView['kind'];

/** Lists the scenarios open for practice. */
export async function fetchScenarios(): Promise<ScenarioEntry[]> {
  return (await readJson<{ scenarios: ScenarioEntry[] }>(await api.scenarios.$get())).scenarios;
}

/** Lists the learner's own attempts, newest first. */
export async function fetchAttempts(): Promise<AttemptEntry[]> {
  return (await readJson<{ attempts: AttemptEntry[] }>(await attempts.$get())).attempts;
}

/** Starts (or, for a repeated request id, returns) an attempt. */
export async function startAttempt(scenarioId: string, clientRequestId: string) {
  return readJson<AttemptView>(await attempts.$post({ json: { scenarioId, clientRequestId } }));
}

/** Loads one attempt. */
export async function fetchAttempt(id: string): Promise<AttemptView> {
  return readJson<AttemptView>(await one.$get({ param: { id } }));
}

/** Sends a learner message; the same client message id never stores it twice. */
export async function postMessage(id: string, clientMessageId: string, text: string) {
  return readJson<{ message: ChatMessage; reply: ChatMessage; created: boolean }>(
    await one.messages.$post({ param: { id }, json: { clientMessageId, text } }),
  );
}

/** Asks the server to generate a failed reply again. */
export async function retryReply(id: string, replyId: string): Promise<void> {
  await readJson<unknown>(await one.replies[':replyId'].retry.$post({ param: { id, replyId } }));
}

/** The SSE address of a reply's stream (EventSource adds Last-Event-ID on reconnect). */
export function replyStreamUrl(id: string, replyId: string, lastEventId?: number): string {
  const base = `/api/attempts/${encodeURIComponent(id)}/replies/${encodeURIComponent(replyId)}/stream`;
  return lastEventId === undefined ? base : `${base}?lastEventId=${lastEventId}`;
}

/** Logs one use of the systems panel. */
export async function postEvent(
  id: string,
  event: { clientEventId: string; kind: SystemEventKind; target: string; detail?: string },
): Promise<SystemEventView> {
  return readJson<SystemEventView>(await one.events.$post({ param: { id }, json: event }));
}

/** Ends the chat as the learner. */
export async function endChat(id: string): Promise<AttemptView> {
  return readJson<AttemptView>(await one.end.$post({ param: { id } }));
}

/** Saves a case-notes draft. */
export async function saveCaseNotes(id: string, notes: CaseNotes) {
  return readJson<{ caseNotes: CaseNotes; caseNotesUpdatedAt: string }>(
    await one['case-notes'].$put({ param: { id }, json: notes }),
  );
}

/** Submits the ended attempt for grading. */
export async function submitAttempt(id: string): Promise<AttemptView> {
  return readJson<AttemptView>(await one.submit.$post({ param: { id } }));
}

const feedbackRoute = api.portfolio.attempts[':id'].feedback;
/** What the learner may see of the assessment of one attempt. */
export type AttemptFeedback = InferResponseType<typeof feedbackRoute.$get, 200>;
/** One rubric pack's criteria in the feedback. */
export type FeedbackGrading = AttemptFeedback['gradings'][number];
/** One criterion's feedback: confirmed, overridden, provisional or awaiting confirmation. */
export type FeedbackCriterion = FeedbackGrading['criteria'][number];
/** A coach's or assessor's comment on a turn or a criterion. */
export type FeedbackComment = AttemptFeedback['comments'][number];

/** Loads the assessment of one attempt as the learner may see it. */
export async function fetchFeedback(id: string): Promise<AttemptFeedback> {
  return readJson<AttemptFeedback>(await feedbackRoute.$get({ param: { id } }));
}
