/**
 * Text checks on one customer reply, used by the persona-fidelity assertions: is it in the
 * persona's length band, does it speak for the agent, does it leak the card or the template.
 */
import type { Persona, Scenario } from '../../content/schemas.ts';
import { normalise, words } from '../../roleplay/text.ts';
import type { VoiceBands } from './types.ts';

/** A line labelled as someone other than the customer. */
const OTHER_SPEAKER_LABEL =
  /^\s*[*_]*(agent|assistant|advisor|adviser|representative|operator|system|learner|trainee)[*_]*\s*:/im;

/** Lines only the agent writes (greeting the caller, offering help, closing the contact). */
const AGENT_STYLE: readonly RegExp[] = [
  /\bhow (can|may) i (help|assist) you\b/i,
  /\bis there anything else i can (help|do|assist)\b/i,
  /\bthank you for (contacting|reaching out to|choosing|calling)\b/i,
  /\bi('| a)m (happy|glad) to (help|assist) you\b/i,
  /\b(can|could) you (please )?confirm your (date of birth|full name|address|account number|pin)\b/i,
  /\bi('ve| have) (processed|escalated) your\b/i,
  /\bwelcome to [a-z ]+(support|chat|help)\b/i,
];

/** Words in a reply. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

/** Why the reply is out of the persona's length band, or null. */
export function lengthProblem(text: string, persona: Persona, bands: VoiceBands): string | null {
  const n = wordCount(text);
  const max = bands[persona.voice.messageLength];
  if (n === 0) return 'empty reply';
  return n > max ? `${n} words, over the ${persona.voice.messageLength} band of ${max}` : null;
}

/** Why the reply speaks as the agent (a labelled line, or an agent's stock line), or null. */
export function agentLineProblem(text: string): string | null {
  if (/^\s*agent\s*:/i.test(text)) return 'starts with "Agent:"';
  const label = OTHER_SPEAKER_LABEL.exec(text);
  if (label) return `has a line labelled "${label[1]}:"`;
  const style = AGENT_STYLE.find((p) => p.test(text));
  return style ? `reads like the agent (${style.exec(text)?.[0] ?? ''})` : null;
}

/** Runs of `size` words, for finding copied text. */
export function shingles(text: string, size: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= w.length; i++) out.add(w.slice(i, i + size).join(' '));
  return out;
}

function copies(reply: string, source: string, size: number): boolean {
  if (normalise(reply).includes(normalise(source))) return true;
  const said = shingles(reply, size);
  return [...shingles(source, size)].some((s) => said.has(s));
}

/** Where the reply copies the learner's own messages (speaking the agent's lines), or null. */
export function echoesLearner(reply: string, learnerLines: readonly string[]): string | null {
  const copied = learnerLines.find((line) => wordCount(line) >= 6 && copies(reply, line, 6));
  return copied === undefined ? null : `repeats the agent's message "${copied.slice(0, 60)}"`;
}

/** What the card leak check compares a reply with. */
export interface LeakSources {
  persona: Persona;
  scenario: Scenario;
  /** The persona template's fixed wording (prompts/templates/persona.md without its slots). */
  templateText: string;
  /** Facts revealed up to and including this reply. */
  factsRevealed: readonly string[];
}

/** Why the reply leaks an unrevealed fact, the card's private lines or the template, or null. */
export function leakProblem(reply: string, src: LeakSources): string | null {
  const hidden = src.scenario.hiddenFacts.filter((f) => !src.factsRevealed.includes(f.id));
  const fact = hidden.find((f) => copies(reply, f.fact, 6));
  if (fact) return `reveals hidden fact "${fact.id}" before it was asked for`;
  const card = [
    src.persona.summary,
    ...src.persona.mood.raisedBy,
    ...src.persona.mood.loweredBy,
    src.persona.limits.asksForSupervisorWhen,
    src.persona.limits.leavesWhen,
    src.scenario.goal,
    ...Object.values(src.scenario.endConditions).filter((v) => typeof v === 'string'),
  ];
  if (card.some((line) => wordCount(line) >= 7 && copies(reply, line, 7)))
    return 'quotes the persona or scenario card';
  const template = shingles(src.templateText, 7);
  if ([...shingles(reply, 7)].some((s) => template.has(s))) return 'quotes the persona template';
  return null;
}
