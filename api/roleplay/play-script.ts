/**
 * Plays a scripted chat through a persona engine without a server (CLI, evals, tests): each
 * line is a learner message, or a system action written `/action ID`, `/security`, `/kb ID` or
 * `/crm`, recorded as a system event that the director reads with the next learner message.
 */
import type { DirectorState } from './director.ts';
import type { PersonaEngine, RoleplayCards } from './engine.ts';
import type { SystemEvent, Turn } from '../transcript/schema.ts';

/** The played chat: turns, events, director state per customer turn, end reason. */
export interface PlayedChat {
  turns: Turn[];
  events: SystemEvent[];
  states: DirectorState[];
  endReason: string | null;
  deltas: number;
}

/** Turns a `/command arg` line into a system event, or null for a learner message. */
export function commandEvent(line: string, afterTurn: number): SystemEvent | null {
  const match = /^\/(action|security|kb|crm)\b\s*(.*)$/.exec(line.trim());
  if (!match) return null;
  const [, cmd = '', arg = ''] = match;
  if (cmd === 'security') return { kind: 'security_check', target: 'crm', afterTurn };
  if (cmd === 'crm') return { kind: 'crm_open', target: 'crm', afterTurn };
  if (cmd === 'kb') return { kind: 'kb_open', target: arg, afterTurn };
  return { kind: 'action', target: arg, afterTurn };
}

/** Plays `lines` until the chat ends or the lines run out. */
export async function playScript(
  engine: PersonaEngine,
  cards: RoleplayCards,
  lines: string[],
): Promise<PlayedChat> {
  const opening = await engine.open(cards);
  let state = opening.state;
  const turns: Turn[] = [{ speaker: 'customer', text: opening.text }];
  const events: SystemEvent[] = [];
  const states: DirectorState[] = [state];
  let deltas = 0;
  for (const line of lines) {
    if (state.ended) break;
    const event = commandEvent(line, turns.length - 1);
    if (event) {
      events.push(event);
      continue;
    }
    turns.push({ speaker: 'agent', text: line });
    for await (const chunk of engine.respond({
      ...cards,
      turns: [...turns],
      events: [...events],
      state,
    })) {
      if (chunk.type === 'delta') deltas += 1;
      else {
        state = chunk.state;
        turns.push({ speaker: 'customer', text: chunk.text });
        states.push(state);
      }
    }
  }
  return { turns, events, states, endReason: state.ended ?? null, deltas };
}
