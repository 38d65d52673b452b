/**
 * Pure updates of the attempt view held in the browser. The server stays the source of truth:
 * these only show what a response or a stream already told us until the next reload.
 */
import type { AttemptView, ChatMessage, SystemEventView } from './learner-api.ts';

/** Adds messages the view does not have yet (by id) and replaces the ones it has, in seq order. */
export function mergeMessages(view: AttemptView, incoming: ChatMessage[]): AttemptView {
  const byId = new Map(view.messages.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return { ...view, messages: [...byId.values()].sort((a, b) => a.seq - b.seq) };
}

/** Changes one message in place (e.g. a reply the stream says is done). */
export function patchMessage(
  view: AttemptView,
  id: string,
  patch: Partial<Pick<ChatMessage, 'text' | 'status' | 'error'>>,
): AttemptView {
  return { ...view, messages: view.messages.map((m) => (m.id === id ? { ...m, ...patch } : m)) };
}

/** Adds a logged event unless the view already has it. */
export function addEvent(view: AttemptView, event: SystemEventView): AttemptView {
  if (view.events.some((e) => e.id === event.id)) return view;
  return { ...view, events: [...view.events, event] };
}

/** The customer's reply being produced right now, if any. */
export function replyInFlight(view: AttemptView): ChatMessage | undefined {
  return view.messages.find(
    (m) => m.speaker === 'customer' && (m.status === 'pending' || m.status === 'generating'),
  );
}

/** The customer's reply that failed and awaits a retry, if any. */
export function failedReply(view: AttemptView): ChatMessage | undefined {
  return view.messages.find((m) => m.speaker === 'customer' && m.status === 'failed');
}

/** Whether the learner may send now: the chat is open and the customer has finished replying. */
export function canSend(view: AttemptView): boolean {
  const last = view.messages.at(-1);
  return (
    view.status === 'in_progress' && last?.speaker === 'customer' && last.status === 'complete'
  );
}

/** Whether any grading is still waiting or running (the page keeps polling while so). */
export function gradingInProgress(view: AttemptView): boolean {
  return view.gradings.some((g) => g.status === 'queued' || g.status === 'running');
}
