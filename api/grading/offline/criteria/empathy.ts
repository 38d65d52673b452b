/**
 * Empathy: an acknowledgement tied to this customer's situation, not undone later by blame,
 * stonewalling or rushing. "Tied" means the acknowledgement itself (not the policy line after
 * it, nor the part after "but") names at least two details the customer gave, or apologises
 * for something the customer named ("sorry about Graham"). Stock phrases that fit any chat
 * ("sorry for the inconvenience", "I understand how frustrating a high bill can be") and lines
 * pasted more than once do not count.
 */
import { quote, type Analysis, type Sentence } from '../analysis.ts';
import { confidence, sharedWithCustomer, short, type Judgement } from '../judgement.ts';
import { contentWords, stem } from '../../text.ts';
import {
  ACK_OBJECT,
  ACKNOWLEDGE,
  CUSTOMER_FEELING,
  FEELING_IDIOM,
  GENERIC_ACK,
  GENERIC_STEMS,
  IMPACT,
} from '../patterns.ts';

/** The acknowledging part of a sentence: "I understand, but…" acknowledges nothing after "but". */
function acknowledgingPart(folded: string): string {
  return folded.split(/\b(?:but|however|unfortunately|although)\b/)[0] ?? folded;
}

/** Non-generic content words of a piece of agent text (its own words, not only the customer's). */
function ownDetails(text: string): string[] {
  return [...new Set(contentWords(text).map(stem))].filter(
    (w) => !GENERIC_STEMS.has(w) && !ACK_WORDS.has(w),
  );
}

/** Words of the acknowledgement phrases themselves, which say nothing about the situation. */
const ACK_WORDS = new Set(
  'sorry understand understandable imagine hear sound sounds must hard tough really awful horrible stressful worrying upsetting frightening heartbreaking completely totally absolutely'
    .split(' ')
    .map(stem),
);

/**
 * The details an acknowledgement names, or [] when it could be said to anyone. It is specific
 * when it (a) repeats two or more of the customer's details, (b) apologises for something the
 * customer named ("sorry about Graham"), (c) names how the situation lands in the agent's own
 * words ("very frightening, far from home"), or (d) is worded for this chat and sits next to a
 * sentence that repeats the customer's details.
 */
function specificDetails(analysis: Analysis, sentence: Sentence): string[] {
  const part = acknowledgingPart(sentence.folded);
  if (GENERIC_ACK.test(part)) return [];
  const shared = sharedWithCustomer(analysis, sentence, part);
  if (shared.length >= 2) return shared;
  const object = ACK_OBJECT.exec(part)?.[1];
  if (object && sharedWithCustomer(analysis, sentence, object).length > 0) return shared;
  const own = ownDetails(part);
  if (IMPACT.test(part) && own.length >= 2) return own;
  const neighbours = analysis.agent.filter(
    (s) => s.turn === sentence.turn && Math.abs(s.order - sentence.order) === 1,
  );
  if (own.length >= 1 && neighbours.some((n) => sharedWithCustomer(analysis, n).length >= 2))
    return own;
  return [];
}

/**
 * Agent sentences that answer a feeling the customer named, in the agent's next turn
 * ("i feel so silly" → "You haven't done anything silly").
 */
function answeredFeelings(analysis: Analysis): { sentence: Sentence; words: string[] }[] {
  const found: { sentence: Sentence; words: string[] }[] = [];
  for (const c of analysis.customerTurns) {
    const feelings = [...c.folded.matchAll(CUSTOMER_FEELING)].map((m) => stem(m[1]!));
    if (feelings.length === 0) continue;
    const nextTurn = analysis.agent.find((s) => Number(s.turn) > c.turn)?.turn;
    for (const s of analysis.agent.filter((a) => a.turn === nextTurn)) {
      const words = feelings.filter((f) => s.stems.includes(f));
      if (words.length > 0 && !FEELING_IDIOM.test(s.folded)) found.push({ sentence: s, words });
    }
  }
  return found;
}

/** Judges the empathy criterion. */
export function judgeEmpathy(analysis: Analysis): Judgement {
  const uses = new Map<string, number>();
  for (const s of analysis.agent) uses.set(s.folded, (uses.get(s.folded) ?? 0) + 1);
  const acknowledgements = analysis.agent.filter((s) => {
    const part = acknowledgingPart(s.folded);
    return ACKNOWLEDGE.test(part) || IMPACT.test(part);
  });
  const feelings = answeredFeelings(analysis);
  if (acknowledgements.length === 0 && feelings.length === 0) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [],
      feedback:
        "You didn't acknowledge how the problem affects the customer. Name their situation in your own words (for example what it means for them) before moving to the fix.",
    };
  }
  const specific: { sentence: Sentence; words: string[] }[] = [...feelings];
  for (const sentence of acknowledgements) {
    if (specific.some((s) => s.sentence === sentence)) continue;
    // A line pasted more than once is a script, however specific it sounds.
    if ((uses.get(sentence.folded) ?? 0) > 1) continue;
    const words = specificDetails(analysis, sentence);
    if (words.length > 0) specific.push({ sentence, words });
  }
  specific.sort((a, b) => a.sentence.order - b.sentence.order);
  const first = specific[0];
  if (!first) {
    // No answered feeling, so there is at least one (stock) acknowledgement.
    const stock = acknowledgements[0]!;
    const later = analysis.dismissive.find((d) => d.order >= stock.order);
    return {
      verdict: 'not_yet',
      confidence: later ? 0.85 : 0.75,
      evidence: later ? [quote(stock), quote(later)] : [quote(stock)],
      feedback: `You said ${short(stock.text)}, but it could be said to anyone: it doesn't mention what the customer told you.${
        later ? ` Later, ${short(later.text)} came across as dismissive.` : ''
      } Refer to their actual situation to show you have understood it.`,
    };
  }
  // Blame at or after the acknowledgement undoes it, unless the agent acknowledges again after.
  const undone = analysis.dismissive.find(
    (d) => d.order >= first.sentence.order && !specific.some((s) => s.sentence.order > d.order),
  );
  if (undone) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [quote(first.sentence), quote(undone)],
      feedback: `You acknowledged the customer's situation (${short(first.sentence.text)}), but later ${short(
        undone.text,
      )} undid it: blaming, repeating yourself or rushing tells the customer the acknowledgement was a script.`,
    };
  }
  const earlierDismissive = analysis.dismissive.length > 0;
  const evidence = [first.sentence, ...(specific[1] ? [specific[1].sentence] : [])].map(quote);
  return {
    verdict: 'met',
    confidence: confidence(
      0.65 +
        0.1 * Math.min(specific.length - 1, 2) +
        0.05 * Math.min(first.words.length - 1, 2) -
        (earlierDismissive ? 0.15 : 0),
    ),
    evidence,
    feedback: `You named the customer's own situation (${short(first.sentence.text)}) rather than a stock apology${
      earlierDismissive
        ? ', and recovered from an earlier dismissive moment'
        : ', and kept that tone to the end'
    }.`,
  };
}
