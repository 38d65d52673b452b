/**
 * Close: the agent's last turns check whether anything else is needed (or confirm next steps)
 * and end politely, without a dismissive last word.
 */
import { agentTurns, quote, type Analysis } from '../analysis.ts';
import type { Judgement } from '../judgement.ts';
import { ANYTHING_ELSE, ASSURANCE, RECAP, THANKS_FAREWELL } from '../patterns.ts';

/** Judges the close criterion. */
export function judgeClose(analysis: Analysis): Judgement {
  const last = agentTurns(analysis).slice(-2).flat();
  const check = last.find(
    (s) => ANYTHING_ELSE.test(s.folded) || RECAP.test(s.folded) || ASSURANCE.test(s.folded),
  );
  const farewell = [...last].reverse().find((s) => THANKS_FAREWELL.test(s.folded));
  const sour = analysis.dismissive.find((d) => last.includes(d));
  if (sour) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [quote(sour)],
      feedback: `The chat ended on ${JSON.stringify(sour.text)}, which leaves the customer feeling brushed off. Close by confirming next steps and thanking them.`,
    };
  }
  if (check && farewell) {
    return {
      verdict: 'met',
      confidence: 0.8,
      evidence: [...new Set([check, farewell])].map(quote),
      feedback:
        'You checked whether the customer needed anything else (or confirmed next steps) and closed politely.',
    };
  }
  return {
    verdict: 'not_yet',
    confidence: 0.7,
    evidence: [...(check ? [check] : []), ...(farewell ? [farewell] : [])].map(quote),
    feedback: check
      ? 'You confirmed next steps, but did not close the chat politely. Thank the customer and say goodbye.'
      : farewell
        ? 'You said goodbye, but did not check whether the customer needed anything else or confirm next steps.'
        : 'The chat has no close. Check whether the customer needs anything else, confirm next steps, and thank them.',
  };
}
