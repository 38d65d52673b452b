/**
 * Rapport: at least two kinds of rapport-building behaviour (using the customer's name
 * naturally, picking up their own words, reassurance and expectation management, recapping),
 * and nothing that breaks it for good: a dismissive moment the agent never owns, or closing the
 * chat on a customer who is plainly unhappy or has just asked something. A name repeated in
 * nearly every line is a script, not rapport, so it does not count.
 */
import { agentTurns, quote, type Analysis, type Sentence } from '../analysis.ts';
import { confidence, sharedWithCustomer, short, type Judgement } from '../judgement.ts';
import { ANYTHING_ELSE, ASSURANCE, RECAP, THANKS_FAREWELL, UNHAPPY } from '../patterns.ts';
import { usesName } from './name.ts';

type Signal = 'name' | 'mirroring' | 'assurance' | 'recap';

const SIGNAL_ADVICE: Record<Signal, string> = {
  name: "use the customer's name",
  mirroring: "reflect the customer's own words back to them",
  assurance: 'tell them what happens next and that you own it',
  recap: 'recap the problem to check you have understood',
};

const SIGNAL_TEXT: Record<Signal, string> = {
  name: "used the customer's name",
  mirroring: "reflected the customer's own words",
  assurance: 'reassured them about what happens next',
  recap: 'recapped to check understanding',
};

/** Owning a wrong move: what an agent says when they notice rapport slipping. */
const OWNS_IT =
  /\b(?:you['’]?re (?:right|absolutely right|quite right)|fair (?:point|enough)|my (?:mistake|fault|bad)|i (?:should|shouldn['’]t) have|that came (?:out|across) wrong|let me (?:start again|try again|put that better)|i['’]?m sorry,? (?:i|that)|i apologi[sz]e,? (?:i|that)|that['’]?s on (?:me|us))\b/;

/** The name in at least three agent turns and nearly all of them, or twice in one turn. */
function nameIsMechanical(analysis: Analysis): boolean {
  const turns = agentTurns(analysis);
  const perTurn = turns.map((t) => t.filter((s) => usesName(analysis, s)).length);
  const withName = perTurn.filter((n) => n > 0).length;
  const doubled = perTurn.filter((n) => n > 1).length;
  return (withName >= 3 && withName / turns.length >= 0.75) || doubled >= 2;
}

/** A dismissive sentence the agent never owned afterwards. */
function unownedDismissal(analysis: Analysis): Sentence | undefined {
  return analysis.dismissive.find(
    (d) => !analysis.agent.some((s) => s.order > d.order && OWNS_IT.test(s.folded)),
  );
}

/**
 * The agent's closing line when it answers an unhappy customer or an open question with a
 * goodbye: the customer is left where they were.
 */
function closedOnUnhappyCustomer(analysis: Analysis): Sentence | undefined {
  const turns = agentTurns(analysis);
  const last = turns[turns.length - 1];
  if (!last) return undefined;
  const lastTurn = Number(last[0]!.turn);
  const before = analysis.customerTurns.filter((c) => c.turn < lastTurn).pop();
  if (!before) return undefined;
  const open = UNHAPPY.test(before.folded) || before.folded.includes('?');
  const closing = last.find((s) => ANYTHING_ELSE.test(s.folded) || THANKS_FAREWELL.test(s.folded));
  const engages = last.some((s) => sharedWithCustomer(analysis, s).length > 0 && s !== closing);
  return open && closing && !engages && !analysis.customerTurns.some((c) => c.turn > lastTurn)
    ? closing
    : undefined;
}

/** Judges the rapport criterion. */
export function judgeRapport(analysis: Analysis): Judgement {
  const mechanical = nameIsMechanical(analysis);
  const found = new Map<Signal, Sentence>();
  for (const s of analysis.agent) {
    if (
      !mechanical &&
      !found.has('name') &&
      usesName(analysis, s) &&
      !/\b(?:my name|i['’]m|this is|chatting with)\b/.test(s.folded)
    )
      found.set('name', s);
    if (!found.has('mirroring') && sharedWithCustomer(analysis, s).length >= 2)
      found.set('mirroring', s);
    if (!found.has('assurance') && ASSURANCE.test(s.folded)) found.set('assurance', s);
    if (!found.has('recap') && RECAP.test(s.folded)) found.set('recap', s);
  }
  const kinds = (['name', 'mirroring', 'assurance', 'recap'] as const).filter((k) => found.has(k));
  const evidence = [...new Set(kinds.map((k) => found.get(k)!))]
    .sort((a, b) => a.order - b.order)
    .map(quote);
  const dismissive = unownedDismissal(analysis);
  if (dismissive) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [quote(dismissive)],
      feedback: `${short(dismissive.text)} came across as dismissive, which breaks rapport whatever else went well. Keep ownership and stay on the customer's side.`,
    };
  }
  const brushOff = closedOnUnhappyCustomer(analysis);
  if (brushOff) {
    return {
      verdict: 'not_yet',
      confidence: 0.75,
      evidence: [quote(brushOff)],
      feedback: `You closed with ${short(brushOff.text)} while the customer was still unhappy or waiting for an answer. Respond to what they last said before you close.`,
    };
  }
  const done = kinds.map((k) => SIGNAL_TEXT[k]);
  const missing = (['name', 'mirroring', 'assurance', 'recap'] as const)
    .filter((k) => !found.has(k))
    .map((k) => SIGNAL_ADVICE[k]);
  if (kinds.length < 2) {
    const scripted = mechanical
      ? " You used the customer's name in almost every line, which reads as a script rather than rapport."
      : '';
    return {
      verdict: 'not_yet',
      confidence: kinds.length === 0 ? 0.8 : 0.65,
      evidence,
      feedback: `${done.length ? `You ${done[0]}, but that` : 'The chat'} was not enough to build rapport.${scripted} Try to: ${missing.slice(0, 2).join('; ')}.`,
    };
  }
  return {
    verdict: 'met',
    confidence: confidence(0.6 + 0.1 * (kinds.length - 2)),
    evidence,
    feedback: `You built rapport: you ${done.join(', ')}.`,
  };
}
