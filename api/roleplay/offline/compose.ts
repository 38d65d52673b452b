/**
 * Decides what the offline customer says this turn: an ordered list of situations (a reaction to
 * what the learner did, answers to what they asked, facts they unlocked, a demand or a decision)
 * drawn from the director's reading. Only card fields fill the lines; the learner's text only
 * decides which lines are chosen (and a jargon term is quoted back, trimmed to a few words).
 */
import type { Persona, Scenario } from '../../content/schemas.ts';
import type { DirectorSignals, DirectorState } from '../director.ts';
import { ACCEPT_MOOD } from '../director.ts';
import { jargonSensitive } from '../mood.ts';
import { contentWords, hasCue, isQuestion, normalise } from '../text.ts';
import type { LineKind } from './lines.ts';

/** One thing the customer will say, with the card values its line needs. */
export interface ReplyPart {
  kind: LineKind;
  values?: Record<string, string>;
  /** Exact text to say instead of a line from the bank (a hidden fact). */
  text?: string;
}

/** What the composer needs to know about this turn. */
export interface ComposeInput {
  scenario: Scenario;
  persona: Persona;
  state: DirectorState;
  signals: DirectorSignals;
  learnerText: string;
}

const OPEN_QUESTION =
  /how (can|may|could) i help|what('s| is| seems to be) the (issue|problem|matter)|what (happened|can i do)|tell me (more|what)/;

/** The customer's problem in their own words: the opening without its greeting. */
function issueText(scenario: Scenario): string {
  const stripped = scenario.opening
    .trim()
    .replace(/^(hello|hi|hiya|hey|good (morning|afternoon|evening))\b[.!,]*\s*/i, '');
  return stripped.length > 0 ? stripped : scenario.opening.trim();
}

function endingPart(state: DirectorState): ReplyPart[] {
  switch (state.ended) {
    case 'resolved':
      return [{ kind: 'accept' }];
    case 'customer_left':
      return [{ kind: 'left' }];
    case 'escalated':
      return [{ kind: 'escalated' }];
    case 'learner_closed':
      return [{ kind: state.mood >= ACCEPT_MOOD ? 'closedResolved' : 'closedUnresolved' }];
    case 'timed_out':
      return [{ kind: 'timedOut' }];
    default:
      return [];
  }
}

/** Splits a CRM field key (`accountNumber`, `first_line`) into words. */
function fieldWords(key: string): string[] {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter((w) => w.length > 0);
}

function fieldAnswers(text: string, scenario: Scenario, alreadySaid: Set<string>): ReplyPart[] {
  const parts: ReplyPart[] = [];
  if (/\byour (full )?name\b/.test(text)) {
    parts.push({
      kind: 'fieldAnswer',
      values: { label: 'name', value: scenario.systems.crm.customerName },
    });
  }
  for (const [key, value] of Object.entries(scenario.systems.crm.fields)) {
    const label = fieldWords(key).join(' ');
    const cues = contentWords(label).length > 0 ? contentWords(label) : fieldWords(key);
    const hits = cues.filter((c) => hasCue(text, c)).length;
    if (hits >= Math.min(2, cues.length) && !alreadySaid.has(normalise(value))) {
      parts.push({ kind: 'fieldAnswer', values: { label, value } });
      alreadySaid.add(normalise(value));
    }
  }
  return parts;
}

function reactionPart(input: ComposeInput): ReplyPart | null {
  const { signals, persona } = input;
  const has = (s: string) => signals.signals.includes(s as never);
  const term = signals.jargon[0];
  if (has('blame')) return { kind: 'blame' };
  if (term !== undefined && jargonSensitive(persona))
    return { kind: 'clarifyJargon', values: { term } };
  if (has('repeated_question')) return { kind: 'repeated' };
  if (has('stock_apology') && (persona.traits.includes('angry') || input.state.mood <= 4))
    return { kind: 'stockApology' };
  if (has('rushed')) return { kind: 'rushed' };
  if (has('ignored_customer'))
    return { kind: 'ignored', values: { issue: issueText(input.scenario) } };
  return null;
}

function answerParts(input: ComposeInput): ReplyPart[] {
  const { scenario, signals, state } = input;
  const text = normalise(input.learnerText);
  const parts: ReplyPart[] = [];
  const said = new Set<string>();
  for (const i of signals.securityAsked) {
    const q = scenario.systems.crm.securityQuestions[i];
    if (q) {
      parts.push({ kind: 'securityAnswer', values: { answer: q.answer } });
      said.add(normalise(q.answer));
    }
  }
  // A fact the question unlocked is the answer; a CRM field the same words happen to name would
  // crowd it out of a short message, so field answers only come when no fact does.
  const facts = signals.factsRevealedNow.flatMap((id) =>
    scenario.hiddenFacts.filter((f) => f.id === id),
  );
  for (const fact of facts) parts.push({ kind: 'restate', text: fact.fact });
  if (facts.length === 0 && isQuestion(text)) parts.push(...fieldAnswers(text, scenario, said));
  const asked =
    signals.signals.includes('asked_question') && !signals.signals.includes('repeated_question');
  if (asked && signals.signals.includes('options_explained')) parts.push({ kind: 'chooseOption' });
  if (asked && parts.length === 0) {
    if (OPEN_QUESTION.test(text) && state.turn <= 2) {
      // The first time they are asked, customers simply say it again; later they point out they already did.
      parts.push(
        state.turn === 1
          ? { kind: 'restate', text: issueText(scenario) }
          : { kind: 'restate', values: { issue: issueText(scenario) } },
      );
    } else if (
      !signals.signals.some(
        (s) => s === 'clear_next_steps' || s === 'resolution_offered' || s === 'options_explained',
      )
    ) {
      parts.push({ kind: 'dontKnow' });
    }
  }
  return parts;
}

function moodPart(input: ComposeInput, saidSomething: boolean): ReplyPart | null {
  const { state, signals } = input;
  if (signals.supervisorRequestedNow) return { kind: 'supervisor' };
  if (state.resolutionOffered && state.mood < ACCEPT_MOOD) return { kind: 'doubtfulOffer' };
  // A warmer word only when the customer has nothing else to say; answers come first.
  if (signals.moodDelta > 0 && !saidSomething)
    return { kind: state.mood >= ACCEPT_MOOD ? 'fillerHigh' : 'warmer' };
  return null;
}

/** The parts of this turn's reply, most important first. */
export function composeReply(input: ComposeInput): ReplyPart[] {
  const ending = endingPart(input.state);
  if (ending.length > 0) return ending;
  const parts: ReplyPart[] = [];
  const reaction = reactionPart(input);
  if (reaction) parts.push(reaction);
  parts.push(...answerParts(input));
  const mood = moodPart(input, parts.length > 0);
  if (mood) parts.push(mood);
  if (parts.length === 0) {
    const { mood: m } = input.state;
    parts.push({ kind: m <= 3 ? 'pushLow' : m >= ACCEPT_MOOD ? 'fillerHigh' : 'fillerMid' });
  }
  return parts;
}
