/**
 * Empathy: an acknowledgement tied to this customer's situation (words they used), not undone
 * later by blame, stonewalling or rushing. Stock phrases alone ("sorry for the inconvenience")
 * do not count.
 */
import { quote, type Analysis, type Sentence } from '../analysis.ts';
import { confidence, following, sharedWithCustomer, short, type Judgement } from '../judgement.ts';
import { ACKNOWLEDGE } from '../patterns.ts';

/** Judges the empathy criterion. */
export function judgeEmpathy(analysis: Analysis): Judgement {
  const acknowledgements = analysis.agent.filter((s) => ACKNOWLEDGE.test(s.folded));
  if (acknowledgements.length === 0) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [],
      feedback:
        "You didn't acknowledge how the problem affects the customer. Name their situation in your own words (for example what it means for them) before moving to the fix.",
    };
  }
  const specific: { sentence: Sentence; support: Sentence[]; words: string[] }[] = [];
  for (const sentence of acknowledgements) {
    const own = sharedWithCustomer(analysis, sentence);
    const next = following(analysis, sentence).filter(
      (n) => sharedWithCustomer(analysis, n).length > 0,
    );
    const words = [...new Set([...own, ...next.flatMap((n) => sharedWithCustomer(analysis, n))])];
    if (words.length > 0) specific.push({ sentence, support: own.length > 0 ? [] : next, words });
  }
  const first = specific[0];
  if (!first) {
    const stock = acknowledgements[0]!;
    const later = analysis.dismissive.find((d) => d.order > stock.order);
    return {
      verdict: 'not_yet',
      confidence: later ? 0.85 : 0.75,
      evidence: later ? [quote(stock), quote(later)] : [quote(stock)],
      feedback: `You said ${short(stock.text)}, but it could be said to anyone: it doesn't mention what the customer told you.${
        later ? ` Later, ${short(later.text)} came across as dismissive.` : ''
      } Refer to their actual situation to show you have understood it.`,
    };
  }
  const undone = analysis.dismissive.find((d) => d.order > first.sentence.order);
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
  const evidence = [
    first.sentence,
    ...first.support,
    ...(specific[1] ? [specific[1].sentence] : []),
  ].map(quote);
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
