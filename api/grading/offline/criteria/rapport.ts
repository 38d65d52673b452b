/**
 * Rapport: at least two kinds of rapport-building behaviour (using the customer's name,
 * mirroring their words, reassurance and expectation management, recapping) and no dismissive
 * moments.
 */
import { quote, type Analysis, type Sentence } from '../analysis.ts';
import { confidence, sharedWithCustomer, short, type Judgement } from '../judgement.ts';
import { ASSURANCE, RECAP } from '../patterns.ts';

const TITLE_NAME = /\b(?:mr|mrs|ms|miss|mx|dr)\.? [a-z'-]{2,}/;

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

function usesName(analysis: Analysis, sentence: Sentence): boolean {
  if (TITLE_NAME.test(sentence.folded)) return true;
  return analysis.customerNames.some((name) =>
    new RegExp(`\\b${name.replace(/[^a-z'-]/g, '')}\\b`).test(sentence.folded),
  );
}

/** Judges the rapport criterion. */
export function judgeRapport(analysis: Analysis): Judgement {
  const found = new Map<Signal, Sentence>();
  for (const s of analysis.agent) {
    if (
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
  const dismissive = analysis.dismissive[0];
  if (dismissive) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [quote(dismissive)],
      feedback: `${short(dismissive.text)} came across as dismissive, which breaks rapport whatever else went well. Keep ownership and stay on the customer's side.`,
    };
  }
  const done = kinds.map((k) => SIGNAL_TEXT[k]);
  const missing = (['name', 'mirroring', 'assurance', 'recap'] as const)
    .filter((k) => !found.has(k))
    .map((k) => SIGNAL_ADVICE[k]);
  if (kinds.length < 2) {
    return {
      verdict: 'not_yet',
      confidence: kinds.length === 0 ? 0.8 : 0.65,
      evidence,
      feedback: `${done.length ? `You ${done[0]}, but that` : 'The chat'} was not enough to build rapport. Try to: ${missing.slice(0, 2).join('; ')}.`,
    };
  }
  return {
    verdict: 'met',
    confidence: confidence(0.6 + 0.1 * (kinds.length - 2)),
    evidence,
    feedback: `You built rapport: you ${done.join(', ')}.`,
  };
}
