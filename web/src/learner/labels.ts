/** Words for the learner's screens: end reasons, attempt status, events and grading outcomes. */
import type { FeedbackCriterion, SystemEventView } from './learner-api.ts';

const END_REASONS: Record<string, string> = {
  resolved: 'The customer was happy with the outcome: the chat is resolved.',
  customer_left: 'The customer left the chat.',
  escalated: 'The customer asked for the chat to be escalated.',
  learner_closed: 'You ended the chat.',
  timed_out: 'The chat timed out.',
};

const SHORT_END_REASONS: Record<string, string> = {
  resolved: 'resolved',
  customer_left: 'customer left',
  escalated: 'escalated',
  learner_closed: 'you ended it',
  timed_out: 'timed out',
};

/** A sentence saying why the chat ended. */
export function endReasonLabel(reason: string | null): string {
  return (reason && END_REASONS[reason]) ?? 'The chat has ended.';
}

/** "Ended (customer left)", "Submitted for grading (resolved)", "In progress". */
export function attemptStatusLabel(status: string, endReason: string | null): string {
  const why = endReason ? ` (${SHORT_END_REASONS[endReason] ?? endReason})` : '';
  if (status === 'in_progress') return 'In progress';
  if (status === 'submitted') return `Submitted for grading${why}`;
  return `Ended${why}`;
}

/** What a system event was, in words, e.g. `Searched the knowledge base for "move"`. */
export function eventLabel(
  e: Pick<SystemEventView, 'kind' | 'target' | 'detail'>,
  names: { articles: Map<string, string>; actions: Map<string, string> },
): string {
  switch (e.kind) {
    case 'crm_open':
      return 'Opened the CRM record';
    case 'security_check':
      return "Verified the customer's identity";
    case 'kb_search':
      return `Searched the knowledge base for "${e.detail ?? ''}"`;
    case 'kb_open':
      return `Opened article "${names.articles.get(e.target) ?? e.target}"`;
    case 'action':
      return `Action taken: ${names.actions.get(e.target) ?? e.target}`;
  }
}

const CORE_CRITERIA: Record<string, string> = {
  rapport: 'Rapport',
  empathy: 'Empathy',
  options: 'Options',
  follow_up_recorded: 'Follow-up recorded',
  greeting: 'Greeting',
  security_check: 'Security check',
  close: 'Close',
};

/** A criterion's name from its id: the core names, or the id in words. */
export function criterionLabel(id: string): string {
  if (CORE_CRITERIA[id]) return CORE_CRITERIA[id];
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Met", "Not yet", or "Could not be judged" (a criterion whose judge failed). */
export function verdictLabel(verdict: 'met' | 'not_yet' | null): string {
  return verdict === 'met' ? 'Met' : verdict === 'not_yet' ? 'Not yet' : 'Could not be judged';
}

/** Where an evidence quote comes from. */
export function evidenceSource(turn: number | 'caseNotes'): string {
  return turn === 'caseNotes' ? 'Case notes' : `Turn ${turn}`;
}

/** Local time of day, e.g. "14:05:09". */
export function timeOfDay(iso: string): string {
  return new Date(iso).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Local date and time, e.g. "3 Jul 2026, 14:05". */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString([], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The label of a criterion's state, as the learner reads it. */
export function criterionStateLabel(state: FeedbackCriterion['state']): string {
  switch (state) {
    case 'confirmed':
      return 'Confirmed';
    case 'overridden':
      return 'Confirmed (the assessor changed the AI verdict)';
    case 'provisional':
      return 'Provisional (AI, not yet confirmed)';
    case 'awaiting_confirmation':
      return 'Awaiting confirmation';
  }
}
