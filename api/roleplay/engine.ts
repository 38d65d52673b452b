/**
 * The one interface both persona engines (offline rules and LLM) implement, and the shared step
 * that runs the director before either engine speaks. Routes and the CLI talk only to this.
 */
import type { Persona, Scenario } from '../content/schemas.ts';
import { MAX_TURN_CHARS, type SystemEvent, type Turn } from '../transcript/schema.ts';
import {
  directorStep,
  initialDirectorState,
  type DirectorSignals,
  type DirectorState,
} from './director.ts';

/** The two cards a roleplay is played from. */
export interface RoleplayCards {
  scenario: Scenario;
  persona: Persona;
}

/** The customer's first message and the director state the chat starts from. */
export interface OpeningReply {
  text: string;
  state: DirectorState;
}

/** One persona reply request: the transcript so far ends with the learner's new message. */
export interface RespondInput extends RoleplayCards {
  turns: Turn[];
  /** The attempt's whole system-event log (the director reads the ones it has not seen). */
  events: SystemEvent[];
  /** The director state before the learner's new message. */
  state: DirectorState;
  /** Aborts the reply (the learner left, the request was cancelled). */
  signal?: AbortSignal;
}

/** Tokens used by one reply (all zero offline). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

/** A streamed piece of the reply, then one `done` with the full text and the new state. */
export type EngineChunk =
  | { type: 'delta'; text: string }
  | {
      type: 'done';
      text: string;
      state: DirectorState;
      endReason: string | null;
      usage: TokenUsage;
    };

/** A customer persona that can open a chat and answer the learner. */
export interface PersonaEngine {
  mode: 'offline' | 'llm';
  /** The scenario's opening line and the initial director state (no model call). */
  open(cards: RoleplayCards): Promise<OpeningReply>;
  /** Runs the director on the learner's last message and streams the customer's reply. */
  respond(input: RespondInput): AsyncIterable<EngineChunk>;
}

/** Zero token usage, for the offline engine. */
export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };

/** A request the engine cannot answer (bad transcript shape, ended chat, over-long message). */
export class RoleplayInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleplayInputError';
  }
}

/** The opening reply: the scenario's authored first line, shared by both engines. */
export function openingReply(cards: RoleplayCards): OpeningReply {
  return { text: cards.scenario.opening, state: initialDirectorState(cards.persona) };
}

/** Result of the shared director step: what the engine must now voice. */
export interface DirectedTurn {
  learnerText: string;
  /** Turns before the learner's new message. */
  history: Turn[];
  state: DirectorState;
  signals: DirectorSignals;
}

/**
 * Checks the request and advances the director by the learner's last message. Both engines call
 * this first, so the director runs the same way whatever model plays the customer.
 */
export function directTurn(input: RespondInput): DirectedTurn {
  const last = input.turns.at(-1);
  if (!last || last.speaker !== 'agent')
    throw new RoleplayInputError('the last turn must be the learner (agent) message');
  if (last.text.trim().length === 0) throw new RoleplayInputError('the learner message is empty');
  if (last.text.length > MAX_TURN_CHARS) {
    throw new RoleplayInputError(`the learner message is over ${MAX_TURN_CHARS} characters`);
  }
  if (input.state.ended)
    throw new RoleplayInputError(`the chat has already ended (${input.state.ended})`);
  const history = input.turns.slice(0, -1);
  const { state, signals } = directorStep(input.state, last.text, input.events, {
    persona: input.persona,
    scenario: input.scenario,
    history,
  });
  return { learnerText: last.text, history, state, signals };
}
