/**
 * Builds the LLM persona's system prompt from the persona and scenario cards and the director
 * state, through the trusted template renderer. Only card fields and fixed wording go in: the
 * learner's messages travel separately as chat messages (data), never inside this prompt.
 */
import type { Persona, Scenario } from '../content/schemas.ts';
import type { SystemEvent } from '../transcript/schema.ts';
import { ACCEPT_MOOD, type DirectorSignals, type DirectorState } from './director.ts';
import { jargonSensitive } from './mood.ts';
import { JARGON_TERMS } from './phrases.ts';
import type { Signal } from './signals.ts';
import { renderTrustedTemplate } from './template.ts';

/** What the prompt is built from. */
export interface PersonaPromptInput {
  persona: Persona;
  scenario: Scenario;
  state: DirectorState;
  signals: DirectorSignals | null;
  events: readonly SystemEvent[];
}

/** Fixed descriptions of what the director noticed (never the learner's own words). */
const SIGNAL_NOTES: Partial<Record<Signal, string>> = {
  specific_acknowledgement: 'they acknowledged what you actually said',
  used_name: 'they used your name',
  clear_next_steps: 'they gave a clear next step with a time',
  options_explained: 'they explained your options',
  resolution_offered: 'they offered a way to fix it',
  stock_apology: 'they gave a stock, scripted apology',
  blame: 'they seemed to blame you',
  rushed: 'they seemed to rush you',
  repeated_question: 'they asked something you already answered',
  ignored_customer: 'they ignored what you said',
};

function moodWord(mood: number): string {
  if (mood <= 1) return 'furious or desperate';
  if (mood <= 3) return 'upset';
  if (mood <= 5) return 'uneasy';
  if (mood <= 7) return 'calmer';
  return 'satisfied';
}

function directive(
  state: DirectorState,
  signals: DirectorSignals | null,
  persona: Persona,
): string {
  switch (state.ended) {
    case 'resolved':
      return 'Accept what the agent has offered, thank them briefly in your own way and say goodbye.';
    case 'customer_left':
      return 'You have had enough: say you are leaving, in one short message. Do not ask anything else.';
    case 'escalated':
      return 'You are being passed to a supervisor: agree briefly, still in your own voice.';
    case 'learner_closed':
      return 'The agent is ending the chat: reply with a short goodbye that shows whether you feel it is sorted.';
    case 'timed_out':
      return 'You have run out of time: say you have to go and that it is not sorted yet.';
    default:
      break;
  }
  const steps: string[] = [];
  const jargon = (signals?.jargon ?? []).filter((t) => JARGON_TERMS.includes(t));
  if (signals?.signals.includes('jargon') && jargonSensitive(persona)) {
    steps.push(
      jargon.length > 0
        ? `Ask what ${jargon.map((t) => `"${t}"`).join(', ')} means; you do not follow it.`
        : 'Ask what the abbreviation or technical word means; you do not follow it.',
    );
  }
  if (signals?.supervisorRequestedNow) steps.push('Ask to speak to a supervisor or manager.');
  if (state.resolutionOffered && state.mood < ACCEPT_MOOD) {
    steps.push(
      'Something has been offered but you are not convinced yet: say what still worries you.',
    );
  }
  steps.push(
    'Answer any security or account question from your details. Reply in one message, in your voice.',
  );
  return steps.join(' ');
}

function eventNotes(scenario: Scenario, events: readonly SystemEvent[]): string {
  const notes: string[] = [];
  if (events.some((e) => e.kind === 'security_check'))
    notes.push('The agent has completed a security check.');
  for (const e of events) {
    const action =
      e.kind === 'action' ? scenario.systems.actions.find((a) => a.id === e.target) : undefined;
    if (action) notes.push(`The agent has done this on your account: ${action.label}.`);
  }
  return notes.join(' ');
}

/** The slot values for prompts/templates/persona.md. */
export function personaPromptValues(input: PersonaPromptInput): Record<string, string> {
  const { persona, scenario, state, signals } = input;
  const { crm } = scenario.systems;
  const facts = scenario.hiddenFacts.filter((f) => state.factsRevealed.includes(f.id));
  const details = [
    `name ${crm.customerName}`,
    ...Object.entries(crm.fields).map(([k, v]) => `${k} ${v}`),
    ...crm.securityQuestions.map((q) => `${q.question} ${q.answer}`),
  ];
  const notes = (signals?.signals ?? []).map((s) => SIGNAL_NOTES[s]).filter((n) => n !== undefined);
  return {
    personaName: persona.name,
    personaTraits: persona.traits.join(', '),
    personaSummary: persona.summary,
    voiceLength: persona.voice.messageLength,
    voiceTypos: persona.voice.typos,
    voiceLiteral: persona.voice.literal ? 'yes' : 'no',
    firstLanguage: persona.voice.firstLanguage,
    languageLevel: persona.voice.languageLevel,
    phrases: persona.voice.phrases.map((p) => `"${p}"`).join(', '),
    raisedBy: persona.mood.raisedBy.join('; '),
    loweredBy: persona.mood.loweredBy.join('; '),
    supervisorWhen: persona.limits.asksForSupervisorWhen,
    leavesWhen: persona.limits.leavesWhen,
    industry: scenario.industry,
    scenarioTitle: scenario.title,
    opening: scenario.opening,
    resolutions: scenario.acceptableResolutions.join('; '),
    details: details.join('; '),
    revealableFacts:
      facts.length > 0
        ? facts.map((f) => `- ${f.fact}`).join('\n')
        : '- Nothing beyond your opening message yet.',
    mood: String(state.mood),
    moodWord: moodWord(state.mood),
    patience: String(state.patience),
    recentEvents: eventNotes(scenario, input.events),
    learnerReading: notes.length > 0 ? `In their last message ${notes.join('; ')}.` : '',
    directive: directive(state, signals, persona),
  };
}

/** Renders the persona system prompt from the template text. */
export function renderPersonaPrompt(template: string, input: PersonaPromptInput): string {
  return renderTrustedTemplate(template, personaPromptValues(input));
}
