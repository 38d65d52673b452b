/**
 * Options: at least two options put to the customer, each with what it means for them (cost,
 * time, consequence, what happens next), whether written as a list ("1) … 2) …"), as
 * "either … or …", or as separate offers. Options named without what they mean are not yet:
 * the customer cannot make an informed choice. One route is enough only where the agent tells
 * the customer it is the only one and explains it (timing, what to do meanwhile).
 */
import { contentWords } from '../../text.ts';
import { quote, type Analysis, type Sentence } from '../analysis.ts';
import { confidence, following, short, type Judgement } from '../judgement.ts';
import { EXPLANATION, GENERIC_WORDS, ONLY_ROUTE, OPTION } from '../patterns.ts';
import { listOptions, pricedComparison, type OptionUnit } from './option-lists.ts';

/** "There are two options." announces options without being one; the next sentences are. */
const ANNOUNCE =
  /^(?:so,? |ok,? |okay,? )?(?:there are|you have|i have|we have|here are|i can offer|i can give you) (?:\w+ )?(?:\w+ )?(?:options|choices|ways (?:forward|to (?:fix|sort) this))\b[^,;]{0,25}[.:!]?$/;

/** Talks about the options ("let me explain the two choices") without offering one. */
const MENTIONS_OPTIONS =
  /\b(?:two|three|four|2|3|4|a few|some|the|your|these|both|my|our) (?:options|choices|ways)\b/;

const ADDRESS_QUESTION = /\b(?:call|address) you\b.*\bor\b|\bprefer to be called\b/;

const OFFER_WITH_OR =
  /\b(?:i can|we can|i could|we could|would you like|do you want|shall i|you can|you could)\b.*\bor\b/;

function keyWords(text: string): string[] {
  return contentWords(text).filter((w) => !GENERIC_WORDS.has(w));
}

/** Splits an option sentence into the options it offers ("either X or Y" is two). */
function unitsOf(analysis: Analysis, sentence: Sentence, announced: Set<Sentence>): OptionUnit[] {
  if (ANNOUNCE.test(sentence.folded)) {
    for (const next of following(analysis, sentence, 3)) announced.add(next);
    return [];
  }
  if (MENTIONS_OPTIONS.test(sentence.folded) && !/\bor\b/.test(sentence.folded)) return [];
  // "Can I call you Arthur, or would you prefer Mr Fraser?" is courtesy, not a way to resolve.
  if (ADDRESS_QUESTION.test(sentence.folded)) return [];
  const isOption =
    OPTION.test(sentence.folded) || OFFER_WITH_OR.test(sentence.folded) || announced.has(sentence);
  if (!isOption) return [];
  const parts = sentence.folded
    .split(/,? \bor\b /)
    .map((p) => p.trim())
    .filter((p) => keyWords(p).length > 0);
  const next = following(analysis, sentence, 2).filter((n) => !OPTION.test(n.folded));
  return (parts.length > 1 ? parts : [sentence.folded]).map((text) => {
    if (EXPLANATION.test(text)) return { sentence, text, explainedBy: sentence };
    const words = new Set(keyWords(text));
    const explainer = next.find(
      (n) =>
        EXPLANATION.test(n.folded) &&
        (parts.length <= 1 || keyWords(n.text).some((w) => words.has(w))),
    );
    return { sentence, text, explainedBy: explainer ?? null };
  });
}

/**
 * True when at least two options are explained and they are most of what was offered (two in
 * three), over the chat or within one turn: a stray "would you prefer…?" does not sink a well
 * explained choice, but a bare list with one explained item is still a bare list.
 */
function enoughExplained(units: OptionUnit[]): boolean {
  const explained = units.filter((u) => u.explainedBy !== null);
  if (explained.length >= 2 && explained.length * 3 >= units.length * 2) return true;
  const turns = new Set(units.map((u) => u.sentence.turn));
  return [...turns].some((turn) => {
    const inTurn = units.filter((u) => u.sentence.turn === turn);
    const ok = inTurn.filter((u) => u.explainedBy !== null).length;
    return ok >= 2 && ok * 3 >= inTurn.length * 2;
  });
}

/** The agent's "this is the only route" and the sentence explaining it, if both are there. */
function onlyRoute(analysis: Analysis): [Sentence, Sentence] | null {
  for (const s of analysis.agent) {
    if (!ONLY_ROUTE.test(s.folded)) continue;
    const why = [s, ...following(analysis, s, 2)].find((n) => EXPLANATION.test(n.folded));
    if (why) return [s, why];
  }
  return null;
}

/** Judges the options criterion. */
export function judgeOptions(analysis: Analysis): Judgement {
  const seen = new Set<string>();
  const announced = new Set<Sentence>();
  const listed = listOptions(analysis);
  const inLists = new Set(listed.flatMap((u) => u.covers ?? []));
  const units = [
    ...listed,
    ...pricedComparison(analysis, new Set(listed.flatMap((u) => u.covers ?? []))),
    ...analysis.agent
      .filter((s) => !inLists.has(s))
      .flatMap((s) => unitsOf(analysis, s, announced)),
  ]
    .filter((u) => !seen.has(u.text) && seen.add(u.text))
    .sort((a, b) => a.sentence.order - b.sentence.order);
  const explained = units.filter((u) => u.explainedBy !== null);
  const evidenceSentences = [
    ...new Set(units.flatMap((u) => [u.sentence, ...(u.explainedBy ? [u.explainedBy] : [])])),
  ];
  const evidence = evidenceSentences.slice(0, 4).map(quote);
  const single = units.length <= 1 || !enoughExplained(units) ? onlyRoute(analysis) : null;
  if (single) {
    return {
      verdict: 'met',
      confidence: 0.6,
      evidence: [...new Set(single)].map(quote),
      feedback: `You told the customer this is the only route (${short(single[0].text, 70)}) and explained what it means for them, which is what they need to decide their next step.`,
    };
  }
  if (units.length === 0) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [],
      feedback:
        'You did not offer the customer a choice. Set out at least two options and what each means for them (cost, time, what happens next).',
    };
  }
  if (units.length === 1) {
    return {
      verdict: 'not_yet',
      confidence: 0.7,
      evidence,
      feedback: `You offered one route (${short(units[0]!.sentence.text)}). Give the customer at least two options, each with what it means for them, so they can choose.`,
    };
  }
  if (!enoughExplained(units)) {
    const bare = units.find((u) => u.explainedBy === null)!;
    return {
      verdict: 'not_yet',
      confidence: explained.length === 0 ? 0.8 : 0.65,
      evidence,
      feedback: `You offered ${units.length} options, but ${short(bare.sentence.text)} doesn't say what that option means for the customer. Explain each one (cost, how long it takes, what happens next).`,
    };
  }
  return {
    verdict: 'met',
    confidence: confidence(0.7 + 0.05 * Math.min(units.length - 2, 2)),
    evidence,
    feedback: `You gave the customer ${units.length} options and explained what they would mean for them (${short(units[0]!.sentence.text, 70)}).`,
  };
}
