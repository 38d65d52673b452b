/**
 * The persona playground: plays a designer's learner turns against a scenario and returns the
 * transcript with the director state after each customer reply. Stateless: the web sends every
 * turn so far and gets the whole chat back, so with the deterministic offline engine a replay
 * always gives the same chat.
 */
import type { RoleplayCards, PersonaEngine } from '../../roleplay/engine.ts';
import type { DirectorState } from '../../roleplay/director.ts';
import { LearnerScriptError, parseLearnerScript } from '../../roleplay/learner-script.ts';
import { playScript } from '../../roleplay/play-script.ts';
import type { SystemEvent } from '../../transcript/schema.ts';
import { AppError } from '../../lib/errors.ts';

/** What a designer sees of the director after a customer reply. */
export interface PlaygroundState {
  mood: number;
  patience: number;
  /** Learner turns the director has read. */
  turn: number;
  factsRevealed: string[];
  securityChecked: boolean;
  supervisorRequested: boolean;
  resolutionOffered: boolean;
  /** What the director read in the last learner message (e.g. `used_name`, `scripted`). */
  signals: string[];
  ended: string | null;
}

/** One turn of the played chat; customer turns carry the director state after them. */
export type PlaygroundTurn =
  | { speaker: 'agent'; text: string }
  | { speaker: 'customer'; text: string; state: PlaygroundState };

/** The played chat. */
export interface PlaygroundResult {
  scenarioId: string;
  /** The versions played (a shipped file's or a stored one's). */
  scenarioVersion: string;
  personaVersion: string;
  engine: 'offline' | 'llm';
  turns: PlaygroundTurn[];
  events: SystemEvent[];
  endReason: string | null;
  /** Learner turns after the chat had ended, which were not played. */
  unplayed: number;
}

function publicState(s: DirectorState): PlaygroundState {
  return {
    mood: s.mood,
    patience: s.patience,
    turn: s.turn,
    factsRevealed: s.factsRevealed,
    securityChecked: s.securityChecked,
    supervisorRequested: s.supervisorRequested,
    resolutionOffered: s.resolutionOffered,
    signals: s.lastLearnerSignals,
    ended: s.ended ?? null,
  };
}

/** Checks the turns like a learner script (commands name real actions and articles). */
function checkedLines(turns: string[], cards: RoleplayCards): string[] {
  if (turns.length === 0) return [];
  try {
    return parseLearnerScript(JSON.stringify(turns), cards.scenario);
  } catch (err) {
    if (err instanceof LearnerScriptError)
      throw new AppError('VALIDATION_FAILED', `Invalid turns: ${err.message}`);
    throw err;
  }
}

/** Plays `turns` (learner messages, or `/action ID`, `/security`, `/kb ID`, `/crm`). */
export async function playPlayground(
  engine: PersonaEngine,
  cards: RoleplayCards,
  turns: string[],
): Promise<PlaygroundResult> {
  const lines = checkedLines(turns, cards);
  const chat = await playScript(engine, cards, lines);
  let customer = 0;
  const played: PlaygroundTurn[] = chat.turns.map((t) => {
    if (t.speaker === 'agent') return { speaker: 'agent', text: t.text };
    const state = chat.states[customer++];
    if (!state) throw new Error('a customer turn without a director state');
    return { speaker: 'customer', text: t.text, state: publicState(state) };
  });
  const learnerTurns = chat.turns.filter((t) => t.speaker === 'agent').length;
  return {
    scenarioId: cards.scenario.id,
    scenarioVersion: cards.scenario.version,
    personaVersion: cards.persona.version,
    engine: engine.mode,
    turns: played,
    events: chat.events,
    endReason: chat.endReason,
    unplayed: lines.length - learnerTurns - chat.events.length,
  };
}
