/**
 * Text helpers shared by quote verification, manipulation detection and the offline grader.
 */

/** Collapses runs of whitespace to one space and trims: the only change a quote may differ by. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Invisible characters (zero-width, joiners, bidi controls, variation selectors) as code-point ranges. */
const INVISIBLE_RANGES: [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

function stripInvisible(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (!INVISIBLE_RANGES.some(([lo, hi]) => code >= lo && code <= hi)) out += ch;
  }
  return out;
}

/** Cyrillic and Greek letters that look like Latin ones (NFKC leaves them alone). */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ӏ: 'l',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ς: 's',
  ѵ: 'v',
  ԛ: 'q',
  ԝ: 'w',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

/**
 * Folds text for pattern checks: NFKC (full-width and styled letters become plain), zero-width
 * and bidi characters removed, look-alike letters mapped to Latin, lower-case, single spaces.
 * Used only for detection; evidence quotes are always checked against the original text.
 */
export function foldForDetection(text: string): string {
  const nfkc = stripInvisible(text).normalize('NFKC').toLowerCase();
  return normaliseWhitespace(nfkc.replace(HOMOGLYPH_RE, (ch) => HOMOGLYPHS[ch] ?? ch));
}

/** Splits text into sentences with their character ranges in the original string. */
export function sentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[^.!?\n]+(?:[.!?]+["')\]]*|$|(?=\n))/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    if (match[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    const lead = match[0].length - match[0].trimStart().length;
    const trimmed = match[0].trim();
    if (trimmed)
      out.push({
        text: trimmed,
        start: match.index + lead,
        end: match.index + lead + trimmed.length,
      });
  }
  return out;
}

const STOP_WORDS = new Set(
  `a an the and or but if so to of in on at for with from by as is are was were be been being am i me my we our
  you your yours he she it its they them their this that these those there here what which who whom when where why how
  do does did doing done have has had having can could will would shall should may might must not no nor just very
  really too also than then now up down out about into over again still get got go going gone let lets okay ok yes yeah
  please thanks thank hi hello sorry im ive id ill dont cant wont isnt its thats youre youve youll theres weve were
  any some all more most other such only own same few each both much many one two again us`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case content words (stop words and short words removed), with simple plural folding. */
export function contentWords(text: string): string[] {
  return (
    foldForDetection(text)
      .replace(/['’]/g, '')
      .match(/[a-z0-9]+/g) ?? []
  )
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

const SUFFIXES = [
  'ations',
  'ation',
  'ings',
  'ing',
  'edly',
  'ied',
  'ed',
  'ly',
  'ment',
  'ers',
  'er',
  's',
];

/**
 * A rough stem for matching a learner's words with the customer's ("accusation" meets
 * "accusing", "submitted" meets "submit"): one common suffix and a final "e" removed, then cut
 * to seven letters. Crude on purpose: it only has to make two spellings of one word agree.
 */
export function stem(word: string): string {
  // Short plurals first ("days" → "day"), which the length rule below would leave alone.
  let w = word.length >= 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // "submitted" → "submitt" → "submit", "stopped" → "stop".
  if (w.length > 4 && w.at(-1) === w.at(-2) && !/[aeiou]/.test(w.at(-1)!)) w = w.slice(0, -1);
  return w.slice(0, 7);
}
