/**
 * How much each signal moves a persona's mood. The base weights are the same for everyone; the
 * persona card tilts them (its `mood.raisedBy` / `mood.loweredBy` lines and its traits), so an
 * angry customer is hard to calm and a literal one is put off by jargon.
 */
import type { Persona } from '../content/schemas.ts';
import type { Signal } from './signals.ts';

const BASE_WEIGHT: Partial<Record<Signal, number>> = {
  specific_acknowledgement: 1,
  used_name: 1,
  clear_next_steps: 2,
  security_checked: 1,
  options_explained: 1,
  resolution_offered: 1,
  stock_apology: -1,
  jargon: -1,
  blame: -2,
  rushed: -1,
  repeated_question: -1,
  ignored_customer: -1,
};

/** Words in a persona's raisedBy/loweredBy lines that point at each signal. */
const CARD_WORDS: Partial<Record<Signal, readonly string[]>> = {
  specific_acknowledgement: ['empath', 'acknowledg', 'listen', 'specific', 'heard', 'understood'],
  used_name: ['name'],
  clear_next_steps: ['next step', 'plan', 'clear', 'timescale', 'what happens', 'follow'],
  security_checked: ['security', 'safe', 'protect'],
  options_explained: ['option', 'choice'],
  resolution_offered: ['fix', 'solution', 'resolv', 'refund', 'sort'],
  stock_apology: ['script', 'stock', 'generic', 'apolog', 'sorry'],
  jargon: ['jargon', 'technical', 'complicated', 'long words', 'idiom'],
  blame: ['blame', 'fault'],
  rushed: ['rush', 'hurr', 'pressure'],
  repeated_question: ['repeat', 'again'],
  ignored_customer: ['ignor', 'not listen', 'listening'],
};

/** Signals that show the learner is actually dealing with the problem. */
export const SUBSTANTIVE: readonly Signal[] = [
  'specific_acknowledgement',
  'clear_next_steps',
  'options_explained',
  'resolution_offered',
];

/** True when the persona cannot follow jargon or idioms. */
export function jargonSensitive(persona: Persona): boolean {
  return (
    persona.voice.literal ||
    persona.voice.languageLevel !== 'fluent' ||
    persona.traits.some((t) => ['confused', 'multilingual', 'elderly', 'neurodiverse'].includes(t))
  );
}

function cardMentions(lines: readonly string[], signal: Signal): boolean {
  const cues = CARD_WORDS[signal] ?? [];
  return lines.some((line) => cues.some((cue) => line.toLowerCase().includes(cue)));
}

/** The weight of one signal for this persona (0 when it does not matter to them). */
export function signalWeight(persona: Persona, signal: Signal): number {
  const base = BASE_WEIGHT[signal] ?? 0;
  if (base === 0) return 0;
  if (signal === 'jargon' && !jargonSensitive(persona)) return 0;
  if (base > 0 && cardMentions(persona.mood.raisedBy, signal)) return base + 1;
  if (base < 0 && cardMentions(persona.mood.loweredBy, signal)) return base - 1;
  if (signal === 'stock_apology' && persona.traits.includes('angry')) return base - 1;
  if (
    signal === 'rushed' &&
    persona.traits.some((t) => ['anxious', 'stressed', 'elderly'].includes(t))
  )
    return base - 1;
  return base;
}

/**
 * The mood change for one turn. Gains are capped (an angry customer warms by at most 2 a turn),
 * and without a substantive signal an angry customer does not warm at all: a stock apology and
 * their name alone never calm them.
 */
export function moodDelta(persona: Persona, signals: readonly Signal[]): number {
  let gain = 0;
  let loss = 0;
  for (const s of signals) {
    const w = signalWeight(persona, s);
    if (w > 0) gain += w;
    else loss += w;
  }
  const angry = persona.traits.includes('angry');
  const substantive = signals.some((s) => SUBSTANTIVE.includes(s));
  if (angry && !substantive) gain = 0;
  gain = Math.min(gain, angry ? 2 : 3);
  return gain + Math.max(loss, -3);
}
