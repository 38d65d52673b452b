/**
 * Turns the composed reply parts into the persona's voice: register, message length, typos,
 * catch-phrases and mood. Every choice is seeded (scenario, turn, learner text), so the same chat
 * always produces the same words, and a line is never repeated twice in a row.
 */
import type { Persona, Scenario } from '../../content/schemas.ts';
import type { DirectorState } from '../director.ts';
import { pick, stableHash } from '../text.ts';
import type { ReplyPart } from './compose.ts';
import { linesFor, type Register } from './lines.ts';

/** Inputs for voicing one reply. */
export interface VoiceInput {
  parts: ReplyPart[];
  persona: Persona;
  scenario: Scenario;
  state: DirectorState;
  learnerText: string;
  /** The customer's previous message, which this one must not repeat. */
  previousCustomerText: string;
}

const MAX_PARTS = { short: 2, medium: 3, long: 4 } as const;

/** Lines carrying CRM values, which must reach the learner exactly as on the record. */
const EXACT: ReadonlySet<string> = new Set(['securityAnswer', 'fieldAnswer']);

/** The register a persona speaks in, from its language level and traits. */
export function registerOf(persona: Persona): Register {
  if (persona.voice.languageLevel === 'simple') return 'simple';
  const fiery = persona.traits.some((t) => t === 'angry' || t === 'impatient');
  const worried = persona.traits.some((t) =>
    ['confused', 'elderly', 'sad', 'vulnerable', 'anxious'].includes(t),
  );
  return worried && !fiery ? 'gentle' : 'plain';
}

/** Keeps the first parts that fit, but never drops a supervisor demand. */
function fitParts(parts: ReplyPart[], max: number): ReplyPart[] {
  if (parts.length <= max) return parts;
  const demand = parts.find((p) => p.kind === 'supervisor');
  if (!demand) return parts.slice(0, max);
  return [...parts.filter((p) => p !== demand).slice(0, max - 1), demand];
}

function fill(line: string, values: Record<string, string> = {}): string {
  return line.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Swaps two letters inside plain lower-case words, as a hurried typist would. */
function addTypos(text: string, persona: Persona, seed: string): string {
  if (persona.voice.typos === 'none') return text;
  const every = persona.voice.typos === 'many' ? 4 : 9;
  let budget = persona.voice.typos === 'many' ? 3 : 1;
  return text
    .split(' ')
    .map((word, i) => {
      if (
        budget === 0 ||
        !/^[a-z]{5,}$/.test(word) ||
        stableHash(`${seed}|${i}|${word}`) % every !== 0
      )
        return word;
      budget -= 1;
      const at = 1 + (stableHash(word) % (word.length - 3));
      return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
    })
    .join(' ');
}

function withMood(text: string, persona: Persona, state: DirectorState): string {
  if (!persona.traits.includes('angry') || state.mood > 1 || state.ended) return text;
  return text.replace(/\.$/, '!');
}

function withPhrase(text: string, input: VoiceInput, seed: string): string {
  const { persona, state } = input;
  if (persona.voice.phrases.length === 0 || state.ended || stableHash(`${seed}|phrase`) % 3 !== 0)
    return text;
  const phrase = pick(persona.voice.phrases, `${seed}|which-phrase`);
  if (input.previousCustomerText.toLowerCase().includes(phrase.toLowerCase())) return text;
  // Catch-phrases are the persona's complaints and worries: they only surface while it is unhappy.
  return state.mood <= 5 ? `${text} ${phrase}${/[.!?]$/.test(phrase) ? '' : '.'}` : text;
}

function renderOnce(input: VoiceInput, attempt: number): string {
  const { persona, scenario, state } = input;
  const register = registerOf(persona);
  const seed = `${scenario.id}|${state.turn}|${stableHash(input.learnerText)}|${attempt}`;
  const parts = fitParts(input.parts, MAX_PARTS[persona.voice.messageLength]);
  const sentences = parts.map((part, i) => {
    const line =
      part.text ??
      fill(pick(linesFor(part.kind, register), `${seed}|${i}|${part.kind}`), part.values);
    const exact = EXACT.has(part.kind);
    const ended = register === 'simple' || /[.!?]["']?$/.test(line) ? line : `${line}.`;
    return exact ? ended : addTypos(ended, persona, `${seed}|${i}`);
  });
  let text = withMood(sentences.join(' '), persona, state);
  text = withPhrase(text, input, seed);
  const startsWithLine =
    parts[0] !== undefined && parts[0].text === undefined && !EXACT.has(parts[0].kind);
  if (startsWithLine && (persona.voice.typos === 'many' || register === 'simple')) {
    text = text.charAt(0).toLowerCase() + text.slice(1);
  }
  return text;
}

/** The reply in the persona's voice; never identical to the customer's previous message. */
export function voiceReply(input: VoiceInput): string {
  const previous = input.previousCustomerText.trim();
  for (let attempt = 0; attempt < 6; attempt++) {
    const text = renderOnce(input, attempt);
    if (text.trim() !== previous) return text;
  }
  const fallback = renderOnce(input, 0);
  return `${fallback} ${linesFor('fillerMid', registerOf(input.persona))[0] ?? ''}`.trim();
}
