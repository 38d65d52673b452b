/**
 * Reads one learner message (plus the system actions taken since the last one) and names what
 * it does to the customer: the signals the director weighs. Pure: same input, same signals.
 */
import type { Scenario } from '../content/schemas.ts';
import type { SystemEvent } from '../transcript/schema.ts';
import {
  ACKNOWLEDGE_MARKERS,
  AGREE,
  ANYTHING_ELSE,
  BLAME_PHRASES,
  COMMITMENT,
  ESCALATE_PHRASES,
  FAREWELL,
  JARGON_TERMS,
  OPTION_PHRASES,
  REPEAT_REQUESTS,
  RUSH_PHRASES,
  STOCK_PHRASES,
  WHEN_OR_WHO,
} from './phrases.ts';
import {
  contentWords,
  hasCue,
  isQuestion,
  isStopword,
  normalise,
  questionSentences,
  words,
} from './text.ts';

/** Everything the director can notice in one learner turn. */
export const SIGNALS = [
  'specific_acknowledgement',
  'used_name',
  'clear_next_steps',
  'security_checked',
  'options_explained',
  'resolution_offered',
  'stock_apology',
  'jargon',
  'blame',
  'rushed',
  'repeated_question',
  'ignored_customer',
  'asked_question',
  'security_question',
  'fact_revealed',
  'escalated',
  'agreed_supervisor',
  'farewell',
] as const;

/** One thing the learner's turn did. */
export type Signal = (typeof SIGNALS)[number];

/** What the director read in one learner turn, with the details the persona reacts to. */
export interface SignalReport {
  signals: Signal[];
  /** Jargon terms the learner used (as written in the list). */
  jargon: string[];
  /** Hidden-fact ids the learner's question unlocked this turn (new ones only). */
  factsRevealedNow: string[];
  /** Indexes into the CRM security questions that the learner asked this turn. */
  securityAsked: number[];
  /** The resolving action taken since the last turn, if any. */
  resolvingAction: string | null;
}

/** The slice of director memory that signal detection needs. */
export interface SignalMemory {
  factsRevealed: string[];
  securityChecked: boolean;
  securityAnswered: number[];
  questionsAsked: string[];
  supervisorRequested: boolean;
  /** A resolution has been offered, so "anything else?" is no longer rushing. */
  resolved: boolean;
  turn: number;
}

/** Input for one reading. */
export interface SignalInput {
  learnerText: string;
  newEvents: SystemEvent[];
  /** Everything the customer has said so far. */
  customerSaid: string;
  /** The customer's last message (what the learner is answering). */
  customerLast: string;
  scenario: Scenario;
  memory: SignalMemory;
}

/** The customer's name parts worth greeting by (first name, surname), lower-case. */
function nameParts(scenario: Scenario): string[] {
  return (
    normalise(scenario.systems.crm.customerName)
      // Split on anything but letters, so a name like "Chloe Anders (Bella's customer)" never puts
      // regex syntax into the used-name pattern.
      .split(/[^a-z\u00c0-\u024f]+/)
      .filter(
        (p) =>
          p.length >= 2 && !['mr', 'mrs', 'ms', 'miss', 'dr', 'mx'].includes(p.replace('.', '')),
      )
  );
}

function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

/** Key used to notice the same question asked twice. */
export function questionKey(text: string): string {
  return contentWords(text).sort().join(' ');
}

/**
 * Words of a security question that say where the answer is, not what is asked ("the ABN of
 * the business", "the account number"): on their own they must not count as the question.
 */
const SECURITY_CONTEXT = new Set(
  'business account holder holders customer order number date last first line original reviewed passenger executor code sent'.split(
    ' ',
  ),
);

/** Cue words of a security question: short ones too (ABN, PIN, SMS), matched as whole words. */
function securityCues(question: string): string[] {
  return [...new Set(words(question).filter((w) => w.length >= 3 && !isStopword(w)))];
}

function hitsWord(text: string, cue: string): boolean {
  // Short cues are whole words (`abn` must not hit `abnormal`); longer ones may be prefixes.
  return cue.length <= 3 ? words(text).includes(cue) : hasCue(text, cue);
}

/**
 * The security questions a learner message asks: it must hit the question's distinctive words
 * (all of them, or two), or two cues of which one is distinctive. A context word alone
 * ("business", "account") never asks a question; a question with only context words needs two.
 */
function securityQuestionsAsked(text: string, scenario: Scenario): number[] {
  const asked: number[] = [];
  scenario.systems.crm.securityQuestions.forEach((q, i) => {
    const cues = securityCues(q.question);
    const distinctive = cues.filter((c) => !SECURITY_CONTEXT.has(c));
    const hits = cues.filter((c) => hitsWord(text, c)).length;
    const distinctiveHits = distinctive.filter((c) => hitsWord(text, c)).length;
    const isAsked =
      distinctive.length === 0
        ? cues.length > 0 && hits >= Math.min(2, cues.length)
        : distinctiveHits >= Math.min(2, distinctive.length) || (distinctiveHits >= 1 && hits >= 2);
    if (isAsked) asked.push(i);
  });
  return asked;
}

function factsHit(text: string, scenario: Scenario): string[] {
  return scenario.hiddenFacts
    .filter((f) => f.askedBy.some((cue) => hasCue(text, cue)))
    .map((f) => f.id);
}

/** A rough stem, so `unblock` meets `unblocked` and `work` meets `works`. */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '').slice(0, 6);
}

function offersResolution(text: string, scenario: Scenario): boolean {
  if (!COMMITMENT.test(text)) return false;
  const said = new Set(contentWords(text).map(stem));
  return scenario.acceptableResolutions.some(
    (r) => contentWords(r).filter((w) => said.has(stem(w))).length >= 2,
  );
}

function isEscalationAction(target: string): boolean {
  return /escalat|supervisor|manager|transfer/.test(target);
}

/** Reads one learner turn. */
export function readSignals(input: SignalInput): SignalReport {
  const { scenario, memory } = input;
  const text = normalise(input.learnerText);
  const signals = new Set<Signal>();
  const question = isQuestion(text);
  if (question) signals.add('asked_question');

  const saidWords = new Set(contentWords(input.customerSaid));
  const lastWords = new Set(contentWords(input.customerLast));
  const referenced = contentWords(text).filter((w) => saidWords.has(w));
  const answersLast = contentWords(text).some((w) => lastWords.has(w));
  const acknowledges = matchesAny(text, ACKNOWLEDGE_MARKERS);
  if (acknowledges && referenced.length > 0) signals.add('specific_acknowledgement');
  else if (matchesAny(text, STOCK_PHRASES)) signals.add('stock_apology');

  if (nameParts(scenario).some((n) => new RegExp(`\\b${n}\\b`).test(text)))
    signals.add('used_name');
  if (COMMITMENT.test(text) && WHEN_OR_WHO.test(text)) signals.add('clear_next_steps');
  if (matchesAny(text, OPTION_PHRASES)) signals.add('options_explained');
  if (matchesAny(text, BLAME_PHRASES)) signals.add('blame');
  if (matchesAny(text, RUSH_PHRASES) || (ANYTHING_ELSE.test(text) && !memory.resolved)) {
    signals.add('rushed');
  }
  // A term the customer used first is their own word, not jargon ("I must send BAS").
  const customerWords = normalise(input.customerSaid);
  const jargon = [
    ...JARGON_TERMS.filter((term) => hasWord(text, term)),
    ...acronyms(input.learnerText),
  ].filter((term) => !hasWord(customerWords, term));
  if (jargon.length > 0) signals.add('jargon');

  // Only the asking sentences count, so explaining "the meter" while asking something else
  // neither unlocks nor re-asks the meter fact.
  const asking = questionSentences(text).join(' ');
  const securityAsked = question ? securityQuestionsAsked(asking, scenario) : [];
  if (securityAsked.length > 0) signals.add('security_question');
  const hit = question ? factsHit(asking, scenario) : [];
  const factsRevealedNow = hit.filter((id) => !memory.factsRevealed.includes(id));
  if (factsRevealedNow.length > 0) signals.add('fact_revealed');

  const repeatsSecurity =
    securityAsked.length > 0 && securityAsked.every((i) => memory.securityAnswered.includes(i));
  const repeatsFact = hit.length > 0 && factsRevealedNow.length === 0;
  const sameQuestion =
    question && memory.questionsAsked.includes(questionKey(text)) && questionKey(text) !== '';
  if (repeatsSecurity || repeatsFact || sameQuestion || matchesAny(text, REPEAT_REQUESTS)) {
    signals.add('repeated_question');
  }

  let resolvingAction: string | null = null;
  for (const event of input.newEvents) {
    if (event.kind === 'security_check') signals.add('security_checked');
    if (event.kind !== 'action') continue;
    if (isEscalationAction(event.target)) signals.add('escalated');
    const action = scenario.systems.actions.find((a) => a.id === event.target);
    if (action?.resolves) resolvingAction = action.id;
  }
  if (securityAsked.length > 0 && !memory.securityChecked) signals.add('security_checked');
  if (memory.securityChecked) signals.delete('security_checked');
  if (resolvingAction !== null || offersResolution(text, scenario))
    signals.add('resolution_offered');

  if (matchesAny(text, ESCALATE_PHRASES)) signals.add('escalated');
  if (
    memory.supervisorRequested &&
    AGREE.test(text) &&
    /supervisor|manager|team leader|senior/.test(text)
  ) {
    signals.add('agreed_supervisor');
  }
  if (FAREWELL.test(text) && !question) signals.add('farewell');

  const helpful: Signal[] = [
    'specific_acknowledgement',
    'clear_next_steps',
    'options_explained',
    'resolution_offered',
  ];
  const engaged = question || helpful.some((s) => signals.has(s)) || answersLast;
  const alreadyBad = (
    ['stock_apology', 'blame', 'rushed', 'jargon', 'repeated_question'] as const
  ).some((x) => signals.has(x));
  if (
    !engaged &&
    !alreadyBad &&
    memory.turn > 0 &&
    !signals.has('farewell') &&
    lastWords.size > 0
  ) {
    signals.add('ignored_customer');
  }
  return {
    signals: SIGNALS.filter((s) => signals.has(s)),
    jargon,
    factsRevealedNow,
    securityAsked,
    resolvingAction,
  };
}

/** Whole-word (or whole-phrase) match, so `eta` does not hit `details`. */
function hasWord(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text);
}

/** Capitals the customer may not know (`ONT`, `SLA`); everyday ones and shouted words are fine. */
const PLAIN_CAPITALS = new Set([
  'OK',
  'UK',
  'TV',
  'ID',
  'PIN',
  'AM',
  'PM',
  'NHS',
  'GP',
  'EU',
  'USA',
  'SMS',
  'PDF',
]);
function acronyms(original: string): string[] {
  const found = original.match(/\b[A-Z]{2,5}\b/g) ?? [];
  return [...new Set(found)]
    .filter(
      (a) =>
        !PLAIN_CAPITALS.has(a) &&
        !isStopword(a.toLowerCase()) &&
        !JARGON_TERMS.includes(a.toLowerCase()),
    )
    .map((a) => a.toLowerCase());
}
