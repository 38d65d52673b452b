/**
 * Meaning-preserving changes to a transcript for the consistency suite: whitespace changes, and
 * the customer's and agent's names swapped for other names. A grader should not change its
 * verdicts for either.
 */
import type { Transcript } from '../transcript/schema.ts';
import type { Perturbation } from './suite-schema.ts';

/** Extra spaces after sentences, doubled spaces after commas, stray spaces and blank lines at the ends. */
export function perturbWhitespace(t: Transcript): Transcript {
  const spread = (text: string) =>
    text === '' ? text : `  ${text.replace(/([.!?]) (?=\S)/g, '$1   ').replace(/, /g, ',  ')}\n `;
  return {
    ...t,
    turns: t.turns.map((turn) => ({ ...turn, text: spread(turn.text) })),
    caseNotes: spread(t.caseNotes),
  };
}

const NOT_NAMES = new Set(
  (
    'The This That There Team Sorry Thanks Thank Just Happy Glad Here Not Calling Looking Sure Really ' +
    'Afraid Going Still Okay Also Your Our Customer Support Agent Everyone Again Guys Mate Love Dear ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Good Great Yes All Very Sir Madam ' +
    'Mrs Miss Mx'
  ).split(' '),
);

const NAME_CONTEXTS: readonly RegExp[] = [
  /\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank you|[Cc]heers|[Ss]orry|[Mm]orning|[Aa]fternoon|[Ee]vening)[,!]?\s+([A-Z][a-z]{2,})\b/g,
  /\b(?:I'm|I am|[Mm]y name is|[Mm]y name's|[Tt]his is|[Ii]t's|[Nn]ame:)\s+([A-Z][a-z]{2,})\b/g,
  /\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+([A-Z][a-z]{2,})\b/g,
];

/** Other names to swap in, chosen so none is likely to be in the set already. */
const REPLACEMENTS = [
  'Priyanka',
  'Tomasz',
  'Ngaire',
  'Callum',
  'Aisling',
  'Dmitri',
  'Rosalind',
  'Kwame',
];

/** Names a transcript uses for its people (found after greetings, introductions and titles). */
export function findNames(t: Transcript): string[] {
  const found = new Set<string>();
  for (const text of [...t.turns.map((x) => x.text), t.caseNotes]) {
    for (const pattern of NAME_CONTEXTS) {
      for (const m of text.matchAll(pattern)) if (m[1] && !NOT_NAMES.has(m[1])) found.add(m[1]);
    }
  }
  return [...found].sort();
}

/** Swaps every name `findNames` finds for another name, everywhere it appears. */
export function swapNames(t: Transcript): {
  transcript: Transcript;
  swapped: Record<string, string>;
} {
  const all = [...t.turns.map((x) => x.text), t.caseNotes].join('\n');
  const free = REPLACEMENTS.filter((r) => !all.includes(r));
  const swapped: Record<string, string> = {};
  findNames(t).forEach((name, i) => {
    const other = free[i % Math.max(1, free.length)];
    if (other) swapped[name] = other;
  });
  const names = Object.keys(swapped);
  if (names.length === 0) return { transcript: t, swapped };
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'g');
  const swap = (text: string) => text.replace(pattern, (n) => swapped[n] ?? n);
  return {
    transcript: {
      ...t,
      turns: t.turns.map((turn) => ({ ...turn, text: swap(turn.text) })),
      caseNotes: swap(t.caseNotes),
    },
    swapped,
  };
}

/** Applies one perturbation. */
export function perturb(t: Transcript, kind: Perturbation): Transcript {
  return kind === 'whitespace' ? perturbWhitespace(t) : swapNames(t).transcript;
}
