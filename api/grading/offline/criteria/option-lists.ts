/**
 * Options written as a list ("Your options are:\n1) … \n2) …"): each item is one option, and
 * it is explained when the item itself says what it costs, how long it takes or what it means.
 * A list only counts as options when the agent introduces it as a choice, so a recap or a list
 * of troubleshooting steps is not mistaken for one.
 */
import { foldForDetection } from '../../text.ts';
import type { Analysis, Sentence } from '../analysis.ts';
import { EXPLANATION, LIST_ITEM } from '../patterns.ts';

const PRICE = /[£$€]\s?\d/;

/** Comparing alternatives: which is cheaper, faster, in time. */
const COMPARISON =
  /\b(?:cheaper|dearer|more expensive|faster|slower|quicker|sooner|in time|instead|whereas|compared|versus|vs)\b/;

/** One option put to the customer, and the sentence that explains it (if any). */
export interface OptionUnit {
  sentence: Sentence;
  /** Folded text of the option, used to avoid counting one option twice. */
  text: string;
  explainedBy: Sentence | null;
  /** Agent sentences this option is made of (list items), so they are not counted again. */
  covers?: Sentence[];
}

const CHOICE_INTRO =
  /\b(?:options?|choices?|ways?|you can|you could|choose|pick|either|prefer|what (?:we|i|you) can do|here['’]?s what)\b/;

/** Splits a turn's text into list items (with continuation lines), after a choice intro. */
function listItems(text: string): { intro: string; items: string[] } {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => LIST_ITEM.test(l));
  if (first === -1) return { intro: text, items: [] };
  const items: string[] = [];
  for (const line of lines.slice(first)) {
    if (LIST_ITEM.test(line)) items.push(line.trim());
    else if (line.trim() && items.length > 0) items[items.length - 1] += `\n${line.trim()}`;
  }
  return { intro: lines.slice(0, first).join('\n'), items };
}

/** Option units from the agent's lists (two or more items introduced as a choice). */
export function listOptions(analysis: Analysis): OptionUnit[] {
  const units: OptionUnit[] = [];
  analysis.transcript.turns.forEach((turn, index) => {
    if (turn.speaker !== 'agent') return;
    const { intro, items } = listItems(turn.text);
    if (items.length < 2) return;
    const sentences = analysis.agent.filter((s) => s.turn === index);
    const introSentences = sentences.filter((s) => intro.includes(s.text));
    const introText = foldForDetection(introSentences.map((s) => s.text).join(' '));
    if (!CHOICE_INTRO.test(introText)) return;
    // The intro ("You can pick one or combine them:") introduces options; it is not one.
    for (const [i, item] of items.entries()) {
      // Sentences flagged as aimed at the grader are not in analysis.agent, so never quoted.
      const covers = sentences.filter((s) => item.includes(s.text) && /[a-z]{2}/i.test(s.text));
      const main = covers[0];
      if (!main) continue;
      units.push({
        sentence: main,
        text: foldForDetection(item),
        explainedBy: covers.find((s) => EXPLANATION.test(s.folded)) ?? null,
        covers: [
          ...(i === 0 ? introSentences : []),
          ...sentences.filter((s) => item.includes(s.text)),
        ],
      });
    }
  });
  return units;
}

/**
 * Options set side by side without the word "option": two or more sentences of one agent turn
 * that each price something, in a turn that compares them ("Standard … costs $191. Urgent …
 * costs $395 … standard should arrive in time"). Each priced sentence explains itself.
 */
export function pricedComparison(analysis: Analysis, skip: Set<Sentence>): OptionUnit[] {
  const units: OptionUnit[] = [];
  const turns = new Set(analysis.agent.map((s) => s.turn));
  for (const turn of turns) {
    const sentences = analysis.agent.filter((s) => s.turn === turn && !skip.has(s));
    const priced = sentences.filter((s) => PRICE.test(s.folded));
    if (priced.length < 2 || !sentences.some((s) => COMPARISON.test(s.folded))) continue;
    for (const s of priced)
      units.push({ sentence: s, text: s.folded, explainedBy: s, covers: [s] });
  }
  return units;
}
