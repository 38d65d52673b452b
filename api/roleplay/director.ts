/**
 * The hidden director: after every learner turn it updates the customer's mood, patience and
 * revealed facts, and decides whether the chat has ended. Both persona engines (offline and LLM)
 * act on its state, which keeps a persona as hard as its card says. Pure and deterministic; the
 * state is plain JSON so it can be stored with the attempt between turns.
 */
import { z } from 'zod';
import type { Persona, Scenario } from '../content/schemas.ts';
import { endReasonSchema, type SystemEvent, type Turn } from '../transcript/schema.ts';
import { moodDelta, SUBSTANTIVE } from './mood.ts';
import { questionKey, readSignals, SIGNALS, type SignalReport } from './signals.ts';

/** Why a chat ended (recorded with the attempt); the enum lives with the transcript contract. */
export const endReason = endReasonSchema;
export type EndReason = z.infer<typeof endReason>;

/** Mood at or above which the customer accepts a resolution that has been offered. */
export const ACCEPT_MOOD = 6;

/** The director state, validated whenever it comes back from storage. */
export const directorStateSchema = z.strictObject({
  mood: z.number().int().min(0).max(10),
  patience: z.number().int().min(0),
  /** Learner turns processed so far. */
  turn: z.number().int().min(0),
  factsRevealed: z.array(z.string()),
  securityChecked: z.boolean(),
  lastLearnerSignals: z.array(z.enum(SIGNALS)),
  ended: endReason.optional(),
  /** CRM security questions the customer has already answered (indexes). */
  securityAnswered: z.array(z.number().int().min(0)),
  /** Keys of questions already asked, to notice repeats. */
  questionsAsked: z.array(z.string()),
  supervisorRequested: z.boolean(),
  resolutionOffered: z.boolean(),
  /** How many system events have been read, so each is counted once. */
  eventsSeen: z.number().int().min(0),
  /** Unhelpful turns spent at mood 0 (two in a row and the customer leaves). */
  turnsAtZero: z.number().int().min(0),
});
export type DirectorState = z.infer<typeof directorStateSchema>;

/** What a step read in the learner's turn, plus what it changed. */
export interface DirectorSignals extends SignalReport {
  moodDelta: number;
  /** True on the turn the customer first asks for a supervisor. */
  supervisorRequestedNow: boolean;
}

/** The cards and the conversation before this learner turn. */
export interface DirectorContext {
  persona: Persona;
  scenario: Scenario;
  /** Turns before the learner's new message (the opening is the first customer turn). */
  history: Turn[];
}

/** The state at the start of a chat. */
export function initialDirectorState(persona: Persona): DirectorState {
  return {
    mood: persona.mood.start,
    patience: persona.limits.patience,
    turn: 0,
    factsRevealed: [],
    securityChecked: false,
    lastLearnerSignals: [],
    securityAnswered: [],
    questionsAsked: [],
    supervisorRequested: false,
    resolutionOffered: false,
    eventsSeen: 0,
    turnsAtZero: 0,
  };
}

/** The learner pressed "end chat": the chat ends now unless it already had. */
export function closeByLearner(state: DirectorState): DirectorState {
  return state.ended ? state : { ...state, ended: 'learner_closed' };
}

function customerTexts(history: Turn[]): string[] {
  return history.filter((t) => t.speaker === 'customer').map((t) => t.text);
}

function chooseEnd(
  next: DirectorState,
  read: SignalReport,
  scenario: Scenario,
): EndReason | undefined {
  const has = (s: string) => read.signals.includes(s as never);
  if (has('escalated') || has('agreed_supervisor')) return 'escalated';
  if (next.resolutionOffered && next.mood >= ACCEPT_MOOD) return 'resolved';
  if (has('farewell')) return 'learner_closed';
  if (next.patience <= 0 || next.turnsAtZero >= 2) return 'customer_left';
  if (next.turn >= scenario.endConditions.maxTurns) return 'timed_out';
  return undefined;
}

/**
 * Advances the director by one learner turn. `events` is the attempt's whole system-event log;
 * only the events not yet seen are read. An ended state is returned unchanged.
 */
export function directorStep(
  state: DirectorState,
  learnerText: string,
  events: readonly SystemEvent[],
  ctx: DirectorContext,
): { state: DirectorState; signals: DirectorSignals } {
  const newEvents = events.slice(state.eventsSeen);
  const read = readSignals({
    learnerText,
    newEvents,
    customerSaid: customerTexts(ctx.history).join('\n'),
    customerLast: customerTexts(ctx.history).at(-1) ?? '',
    scenario: ctx.scenario,
    memory: { ...state, resolved: state.resolutionOffered },
  });
  if (state.ended) {
    return { state, signals: { ...read, moodDelta: 0, supervisorRequestedNow: false } };
  }
  const delta = moodDelta(ctx.persona, read.signals);
  const mood = Math.max(0, Math.min(10, state.mood + delta));
  const progressed =
    read.factsRevealedNow.length > 0 ||
    read.securityAsked.length > 0 ||
    read.signals.some((s) => SUBSTANTIVE.includes(s) || s === 'asked_question');
  const unhelpful = delta < 0 || (delta === 0 && !progressed);
  const key = questionKey(learnerText);
  const next: DirectorState = {
    ...state,
    mood,
    patience: Math.max(0, state.patience - (unhelpful ? 1 : 0)),
    turn: state.turn + 1,
    factsRevealed: [...state.factsRevealed, ...read.factsRevealedNow],
    securityChecked: state.securityChecked || read.signals.includes('security_checked'),
    lastLearnerSignals: read.signals,
    securityAnswered: [...new Set([...state.securityAnswered, ...read.securityAsked])].sort(
      (a, b) => a - b,
    ),
    questionsAsked:
      read.signals.includes('asked_question') && key && !state.questionsAsked.includes(key)
        ? [...state.questionsAsked, key]
        : state.questionsAsked,
    resolutionOffered: state.resolutionOffered || read.signals.includes('resolution_offered'),
    eventsSeen: events.length,
    turnsAtZero:
      mood === 0 && unhelpful ? state.turnsAtZero + 1 : mood === 0 ? state.turnsAtZero : 0,
  };
  const wantsSupervisor =
    !state.supervisorRequested &&
    ((mood <= 2 && next.turn >= 3) || next.patience <= 2 || next.turnsAtZero >= 1);
  next.supervisorRequested = state.supervisorRequested || wantsSupervisor;
  const ended = chooseEnd(next, read, ctx.scenario);
  if (ended) next.ended = ended;
  return {
    state: next,
    signals: { ...read, moodDelta: delta, supervisorRequestedNow: wantsSupervisor && !ended },
  };
}
