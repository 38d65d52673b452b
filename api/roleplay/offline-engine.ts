/**
 * The offline persona engine: plays the persona and scenario cards by rules over the learner's
 * text, the system events and the director state, with no model. Deterministic, so a scenario is
 * playable, testable and gradeable offline, and the same chat always gives the same transcript.
 */
import {
  directTurn,
  openingReply,
  ZERO_USAGE,
  type EngineChunk,
  type PersonaEngine,
  type RespondInput,
} from './engine.ts';
import { composeReply } from './offline/compose.ts';
import { voiceReply } from './offline/voice.ts';

/** Splits a reply into a few word-aligned pieces, so the UI streams it like a typed message. */
export function splitIntoDeltas(text: string, pieces = 3): string[] {
  const words = text.split(/(?<=\s)/);
  const size = Math.max(1, Math.ceil(words.length / pieces));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(''));
  return out;
}

/** The offline reply for one learner turn, with the director's new state. */
export function offlineReply(input: RespondInput): { text: string; state: RespondInput['state'] } {
  const turn = directTurn(input);
  const parts = composeReply({
    scenario: input.scenario,
    persona: input.persona,
    state: turn.state,
    signals: turn.signals,
    learnerText: turn.learnerText,
  });
  const previous = turn.history.filter((t) => t.speaker === 'customer').at(-1)?.text ?? '';
  const text = voiceReply({
    parts,
    persona: input.persona,
    scenario: input.scenario,
    state: turn.state,
    learnerText: turn.learnerText,
    previousCustomerText: previous,
  });
  return { text, state: turn.state };
}

/** Creates the offline persona engine. */
export function createOfflinePersonaEngine(): PersonaEngine {
  return {
    mode: 'offline',
    open: async (cards) => openingReply(cards),
    respond: (input) => streamOffline(input),
  };
}

async function* streamOffline(input: RespondInput): AsyncIterable<EngineChunk> {
  const { text, state } = offlineReply(input);
  for (const piece of splitIntoDeltas(text)) {
    if (input.signal?.aborted) return;
    yield { type: 'delta', text: piece };
  }
  yield { type: 'done', text, state, endReason: state.ended ?? null, usage: { ...ZERO_USAGE } };
}
