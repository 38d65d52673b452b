/**
 * The named persona-fidelity assertions: each reads the played chat (turns, director states, end
 * reason) and says whether the persona behaved as its cards say, with a score and a reason.
 */
import type { Persona, Scenario } from '../../content/schemas.ts';
import type { DirectorState } from '../../roleplay/director.ts';
import type { PlayedChat } from '../../roleplay/play-script.ts';
import type { PersonaAssertion } from '../suite-schema.ts';
import { agentLineProblem, echoesLearner, leakProblem, lengthProblem } from './checks.ts';
import type { AssertionResult, VoiceBands } from './types.ts';

/** Everything the assertions read. */
export interface ChatUnderTest {
  chat: PlayedChat;
  persona: Persona;
  scenario: Scenario;
  bands: VoiceBands;
  templateText: string;
}

/** One customer reply (the opening excluded) with the director state after it. */
interface Reply {
  text: string;
  state: DirectorState;
  /** The learner messages sent before this reply. */
  learnerSoFar: string[];
}

function replies(chat: PlayedChat): Reply[] {
  const out: Reply[] = [];
  const learner: string[] = [];
  let k = 0;
  for (const turn of chat.turns) {
    if (turn.speaker === 'agent') learner.push(turn.text);
    else {
      const state = chat.states[k];
      if (k > 0 && state) out.push({ text: turn.text, state, learnerSoFar: [...learner] });
      k += 1;
    }
  }
  return out;
}

/** Scores a per-reply check: the share of replies without a problem, against the threshold. */
function perReply(
  name: string,
  list: Reply[],
  threshold: number,
  problem: (r: Reply) => string | null,
): AssertionResult {
  const found = list
    .map((r, i) => ({ i, why: problem(r) }))
    .filter((p): p is { i: number; why: string } => p.why !== null);
  const score = list.length === 0 ? 1 : (list.length - found.length) / list.length;
  const detail =
    found.length === 0
      ? `${list.length} replies checked`
      : found.map((f) => `reply ${f.i + 1}: ${f.why}`).join('; ');
  return { name, passed: score >= threshold, score, threshold, detail };
}

function moodResult(a: Extract<PersonaAssertion, { name: 'mood' }>, t: ChatUnderTest) {
  const learnerTurns = t.chat.states.length - 1;
  const turn = a.turn ?? learnerTurns;
  const before = t.chat.states[turn - 1];
  const after = t.chat.states[turn];
  if (turn < 1 || !before || !after) {
    const detail = `no reply to learner message ${turn} (chat has ${learnerTurns})`;
    return { name: 'mood', passed: false, score: 0, detail };
  }
  const delta = after.mood - before.mood;
  const passed = a.expect === 'rises' ? delta > 0 : a.expect === 'falls' ? delta < 0 : delta <= 0;
  const detail = `message ${turn}: mood ${before.mood} → ${after.mood} (expected ${a.expect.replace(/_/g, ' ')})`;
  return { name: 'mood', passed, score: passed ? 1 : 0, detail };
}

/** Evaluates one assertion on a played chat. */
export function evaluateAssertion(a: PersonaAssertion, t: ChatUnderTest): AssertionResult {
  const list = replies(t.chat);
  switch (a.name) {
    case 'stays_in_voice':
      return perReply(a.name, list, a.threshold, (r) => {
        return lengthProblem(r.text, t.persona, t.bands) ?? agentLineProblem(r.text);
      });
    case 'no_agent_lines':
      return perReply(a.name, list, a.threshold, (r) => {
        return agentLineProblem(r.text) ?? echoesLearner(r.text, r.learnerSoFar);
      });
    case 'no_card_leak':
      return perReply(a.name, list, a.threshold, (r) =>
        leakProblem(r.text, { ...t, factsRevealed: r.state.factsRevealed }),
      );
    case 'facts_revealed': {
      const got = t.chat.states.at(-1)?.factsRevealed ?? [];
      const passed = [...got].sort().join(',') === [...a.expect].sort().join(',');
      const detail = `revealed [${got.join(', ')}], expected [${a.expect.join(', ')}]`;
      return { name: a.name, passed, score: passed ? 1 : 0, detail };
    }
    case 'security_answered': {
      const got = t.chat.states.at(-1)?.securityAnswered ?? [];
      const passed = [...got].sort().join(',') === [...a.expect].sort().join(',');
      const detail = `answered questions [${got.join(', ')}], expected [${a.expect.join(', ')}]`;
      return { name: a.name, passed, score: passed ? 1 : 0, detail };
    }
    case 'mood':
      return moodResult(a, t);
    case 'end_reason': {
      const got = t.chat.endReason ?? 'open';
      const passed = got === a.expect;
      return {
        name: a.name,
        passed,
        score: passed ? 1 : 0,
        detail: `ended ${got}, expected ${a.expect}`,
      };
    }
  }
}
