/**
 * Security check: the agent verifies the customer's identity before discussing or changing the
 * account. System events of kind `security_check` (from the systems panel) strengthen the
 * evidence; an account action before the check makes it not yet.
 */
import { quote, type Analysis } from '../analysis.ts';
import type { Judgement } from '../judgement.ts';
import { ACCOUNT_ACTION, SECURITY_ASK } from '../patterns.ts';

/** Judges the security_check criterion. */
export function judgeSecurityCheck(analysis: Analysis): Judgement {
  const ask = analysis.agent.find((s) => SECURITY_ASK.test(s.folded));
  const checkEvents = analysis.systemEvents.filter((e) => e.kind === 'security_check');
  const actionTurns = [
    ...analysis.systemEvents.filter((e) => e.kind === 'action').map((e) => e.afterTurn),
    ...analysis.agent.filter((s) => ACCOUNT_ACTION.test(s.folded)).map((s) => Number(s.turn)),
  ];
  const firstAction = actionTurns.length ? Math.min(...actionTurns) : Infinity;
  if (!ask) {
    return {
      verdict: 'not_yet',
      confidence: checkEvents.length ? 0.6 : 0.8,
      evidence: [],
      feedback: checkEvents.length
        ? 'The systems panel shows a security check, but the chat does not show you asking the customer to verify. Ask for the security details in the chat.'
        : "You did not check the customer's identity. Complete the security check before discussing or changing the account.",
    };
  }
  const askTurn = Number(ask.turn);
  const checkTurn = checkEvents.length ? Math.min(...checkEvents.map((e) => e.afterTurn)) : askTurn;
  if (firstAction < askTurn || firstAction < checkTurn) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [quote(ask)],
      feedback:
        'You changed the account before completing the security check. Verify the customer first, then act.',
    };
  }
  return {
    verdict: 'met',
    confidence: checkEvents.length ? 0.9 : 0.7,
    evidence: [quote(ask)],
    feedback: checkEvents.length
      ? 'You asked the customer to verify their identity and completed the security check before acting on the account.'
      : 'You asked the customer to verify their identity before acting on the account.',
  };
}
