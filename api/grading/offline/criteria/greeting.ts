/**
 * Greeting: the agent's first turn greets the customer and introduces themselves or offers help.
 */
import { agentTurns, quote, type Analysis } from '../analysis.ts';
import type { Judgement } from '../judgement.ts';
import { GREETING, INTRODUCTION, OFFER_HELP } from '../patterns.ts';

/** Judges the greeting criterion. */
export function judgeGreeting(analysis: Analysis): Judgement {
  const first = agentTurns(analysis)[0] ?? [];
  const greet = first.find((s) => GREETING.test(s.folded));
  const intro = first.find((s) => INTRODUCTION.test(s.folded) || OFFER_HELP.test(s.folded));
  if (greet && intro) {
    return {
      verdict: 'met',
      confidence: 0.85,
      evidence: [...new Set([greet, intro])].map(quote),
      feedback:
        'You opened with a greeting and told the customer who they were talking to or how you could help.',
    };
  }
  return {
    verdict: 'not_yet',
    confidence: 0.75,
    evidence: [...(greet ? [greet] : []), ...(intro ? [intro] : [])].map(quote),
    feedback: greet
      ? 'You greeted the customer, but did not introduce yourself or offer to help. Add your name and a clear offer of help.'
      : 'Your first message did not greet the customer. Open with a greeting, your name and an offer of help.',
  };
}
