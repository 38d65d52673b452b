/**
 * Small, pure text helpers shared by the director and the offline persona: normalising,
 * word lists, question detection and a stable hash for deterministic choices.
 */

/** Words too common to show that the learner referenced what the customer said. */
const STOPWORDS = new Set(
  (
    'a an the and or but if so to of in on at by for with from into about as is are was were be been ' +
    'being am do does did have has had having i me my mine you your yours we us our it its this that ' +
    'these those there here what when where who why how which can could would should will shall may ' +
    'might must not no yes just very really also too then than now okay ok please thanks thank hi hello ' +
    'sorry help issue problem understand understanding frustration inconvenience apologise apologize ' +
    'any all some get got going want need know see look like make sure right well let lets im ive youre ' +
    'dont cant wont its thats theres one two more again still today'
  ).split(' '),
);

/** True for words too common to carry meaning on their own. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Lower-cases, straightens quotes and collapses whitespace. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text, lower-case, apostrophes removed. */
export function words(text: string): string[] {
  return normalise(text)
    .replace(/'/g, '')
    .split(/[^a-z0-9\u00c0-\u024f]+/)
    .filter((w) => w.length > 0);
}

/** Words that carry meaning (not stopwords, at least four letters). */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length >= 4 && !STOPWORDS.has(w));
}

/** True when `text` contains `phrase` as whole words (a cue may be a word prefix: `router` hits `routers`). */
export function hasCue(text: string, phrase: string): boolean {
  const cue = normalise(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (cue.length === 0) return false;
  return new RegExp(`(^|[^a-z0-9])${cue}`, 'i').test(normalise(text));
}

const QUESTION_START =
  /(^|[.!?]\s*)(what|when|where|who|whom|whose|why|how|which|can you|could you|would you|will you|do you|did you|does|have you|has|are you|is it|is there|is that|were you|was it|tell me|may i|can i|could i|please confirm|confirm)\b/;

/** A learner question: contains '?' or starts a sentence with a question word. */
export function isQuestion(text: string): boolean {
  const t = normalise(text);
  return t.includes('?') || QUESTION_START.test(t);
}

/** The sentences of a text that ask something (end in '?' or open with a question word). */
export function questionSentences(text: string): string[] {
  const sentences = normalise(text).match(/[^.!?]+[.!?]*/g) ?? [];
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0 && isQuestion(s));
}

/** 32-bit FNV-1a hash: stable across runs and platforms, for seeded choices. */
export function stableHash(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Picks one item deterministically from a non-empty list. */
export function pick<T>(items: readonly T[], seed: string): T {
  const item = items[stableHash(seed) % items.length];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}
