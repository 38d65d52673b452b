/**
 * What the offline grader's rules look at: the agent's sentences (minus any aimed at the
 * grader), the customer's words before each agent turn, the case notes, the customer's name and
 * the dismissive moments. Built once per transcript, shared by every criterion rule.
 */
import type { Scenario } from '../../content/schemas.ts';
import type { Evidence, SystemEvent, Transcript } from '../../transcript/schema.ts';
import { detectManipulation, type ManipulationHit } from '../manipulation.ts';
import { contentWords, foldForDetection, sentences, stem } from '../text.ts';
import { isDismissive } from './patterns.ts';

/** One sentence of agent text (or case notes), with its folded form for pattern checks. */
export interface Sentence {
  turn: number | 'caseNotes';
  /** Exact characters of the original text: safe to quote as evidence. */
  text: string;
  folded: string;
  /** Content words (see contentWords), computed once. */
  words: string[];
  /** Stems of the content words (see stem), for matching the customer's wording. */
  stems: string[];
  /** Position among the agent's sentences (or the notes' sentences), for "before/after". */
  order: number;
}

export interface Analysis {
  transcript: Transcript;
  /** Agent sentences in order, excluding those aimed at the grader. */
  agent: Sentence[];
  /** Case-notes sentences, excluding those aimed at the grader. */
  notes: Sentence[];
  /** Stems of the content words the customer used before the given turn index. */
  customerWordsBefore: (turn: number) => Set<string>;
  /** The customer's turns, with their index and folded text. */
  customerTurns: { turn: number; text: string; folded: string }[];
  /** Lower-case names the customer can be addressed by (first name, surname). */
  customerNames: string[];
  /** Agent sentences that blame, stonewall, repeat "as I said" or rush the customer. */
  dismissive: Sentence[];
  systemEvents: SystemEvent[];
  hits: ManipulationHit[];
}

function isHit(
  hits: ManipulationHit[],
  turn: number | 'caseNotes',
  start: number,
  end: number,
): boolean {
  return hits.some((h) => h.turn === turn && start < h.end && h.start < end);
}

function sentencesOf(
  text: string,
  turn: number | 'caseNotes',
  hits: ManipulationHit[],
  first: number,
): Sentence[] {
  return sentences(text)
    .filter((s) => !isHit(hits, turn, s.start, s.end))
    .map((s, i) => ({
      turn,
      text: s.text,
      folded: foldForDetection(s.text),
      words: contentWords(s.text),
      stems: contentWords(s.text).map(stem),
      order: first + i,
    }));
}

const NAME_INTRO =
  /\b(?:my name is|my name's|this is|i am|i'm|it's|name is)\s+((?:mrs?|ms|miss|mx|dr)\.?\s+)?([A-Z][a-z'-]+)(?:\s+([A-Z][a-z'-]+))?/;
const NOT_NAMES = new Set([
  'sorry',
  'not',
  'just',
  'really',
  'so',
  'very',
  'still',
  'fine',
  'okay',
  'here',
  'calling',
  'trying',
  'the',
  'a',
]);

/** Names from the scenario's CRM record, or from the customer introducing themselves. */
function findCustomerNames(transcript: Transcript, scenario?: Scenario): string[] {
  const names = new Set<string>();
  const add = (full: string) => {
    for (const part of full.split(/\s+/)) {
      const lower = part.toLowerCase().replace(/[^a-z'-]/g, '');
      if (lower.length > 1 && !NOT_NAMES.has(lower) && !/^(?:mrs?|ms|miss|mx|dr)$/.test(lower))
        names.add(lower);
    }
  };
  if (scenario) add(scenario.systems.crm.customerName);
  for (const turn of transcript.turns) {
    if (turn.speaker !== 'customer') continue;
    const match = NAME_INTRO.exec(turn.text);
    if (match?.[2]) add(`${match[2]} ${match[3] ?? ''}`);
  }
  for (const name of addressedNames(transcript)) add(name);
  return [...names].sort();
}

/**
 * A capitalised word the agent addresses someone by ("Thanks Mere.", "Done, Mere.", "…, Tui!")
 * that the customer's messages or the case notes also spell with a capital (customers often
 * give their name as a bare reply, "Mere Walker, 14 Hinau St", not "my name is"), or that the
 * agent addresses them by more than once.
 */
const LEAD_IN = [
  'cheers',
  'no worries',
  'great',
  'of course',
  'thanks',
  'thank you',
  'hi',
  'hello',
  'hey',
  'kia ora',
  'dear',
  'okay',
  'ok',
  'done',
  'sorry',
  'welcome',
  'bye',
  'morning',
  'afternoon',
  'evening',
]
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|');
const VOCATIVE = new RegExp(
  String.raw`(?:\b(?:${LEAD_IN})\s*,?\s+|\w,\s+|\s[—–]\s*)([A-Z][a-z'-]+)(?=\s*(?:[,.!?:;—–]|$))`,
  'g',
);
const NOT_VOCATIVE = new Set(
  'done great sure perfect right yes no thanks okay ok fine good cool sorry please hello hi again today now here there too then also'.split(
    ' ',
  ),
);

function addressedNames(transcript: Transcript): string[] {
  const known = [
    ...transcript.turns.filter((t) => t.speaker === 'customer').map((t) => t.text),
    transcript.caseNotes,
  ].join('\n');
  const uses = new Map<string, number>();
  for (const turn of transcript.turns) {
    if (turn.speaker !== 'agent') continue;
    for (const match of turn.text.matchAll(VOCATIVE)) {
      const name = match[1]!;
      if (NOT_NAMES.has(name.toLowerCase()) || NOT_VOCATIVE.has(name.toLowerCase())) continue;
      uses.set(name, (uses.get(name) ?? 0) + 1);
    }
  }
  // A name the customer never typed (seen on the login or CRM) counts when used twice.
  return [...uses]
    .filter(([name, n]) => n >= 2 || new RegExp(String.raw`\b${name}\b`).test(known))
    .map(([name]) => name.toLowerCase());
}

/** Builds the analysis for one transcript. Pure and deterministic. */
export function analyse(
  transcript: Transcript,
  scenario?: Scenario,
  hits = detectManipulation(transcript),
): Analysis {
  const agent: Sentence[] = [];
  transcript.turns.forEach((turn, index) => {
    if (turn.speaker === 'agent') agent.push(...sentencesOf(turn.text, index, hits, agent.length));
  });
  const notes = sentencesOf(transcript.caseNotes, 'caseNotes', hits, 0);
  const prefix: Set<string>[] = [];
  let words = new Set<string>();
  transcript.turns.forEach((turn, index) => {
    prefix[index] = words;
    if (turn.speaker === 'customer')
      words = new Set([...words, ...contentWords(turn.text).map(stem)]);
  });
  const customerTurns = transcript.turns.flatMap((turn, index) =>
    turn.speaker === 'customer'
      ? [{ turn: index, text: turn.text, folded: foldForDetection(turn.text) }]
      : [],
  );
  return {
    transcript,
    agent,
    notes,
    customerWordsBefore: (turn) => prefix[turn] ?? words,
    customerTurns,
    customerNames: findCustomerNames(transcript, scenario),
    dismissive: agent.filter((s) => isDismissive(s.folded)),
    systemEvents: transcript.systemEvents ?? [],
    hits,
  };
}

/** A sentence as evidence. */
export function quote(sentence: Sentence): Evidence {
  return { turn: sentence.turn, quote: sentence.text };
}

/** Agent sentences grouped by turn, in order. */
export function agentTurns(analysis: Analysis): Sentence[][] {
  const byTurn = new Map<number | 'caseNotes', Sentence[]>();
  for (const s of analysis.agent) byTurn.set(s.turn, [...(byTurn.get(s.turn) ?? []), s]);
  return [...byTurn.values()];
}
