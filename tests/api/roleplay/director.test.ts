import { beforeAll, describe, expect, it } from 'vitest';
import {
  closeByLearner,
  directorStep,
  initialDirectorState,
  type DirectorState,
} from '../../../api/roleplay/director.ts';
import type { SystemEvent, Turn } from '../../../api/transcript/schema.ts';
import { loadFixtureCards, type FixtureCards } from '../../helpers/roleplay-fixtures.ts';

let dave: FixtureCards;
let edith: FixtureCards;
let tomasz: FixtureCards;

beforeAll(async () => {
  dave = await loadFixtureCards('broadband-outage');
  edith = await loadFixtureCards('energy-bill');
  tomasz = await loadFixtureCards('blocked-card');
});

/** Plays learner lines through the director, with a fixed customer reply between them. */
function play(cards: FixtureCards, lines: string[], events: SystemEvent[] = []) {
  let state: DirectorState = initialDirectorState(cards.persona);
  const history: Turn[] = [{ speaker: 'customer', text: cards.scenario.opening }];
  const steps = [];
  for (const line of lines) {
    const step = directorStep(state, line, events, { ...cards, history: [...history] });
    steps.push(step);
    state = step.state;
    history.push(
      { speaker: 'agent', text: line },
      { speaker: 'customer', text: cards.scenario.opening },
    );
  }
  return { state, steps };
}

describe('directorStep', () => {
  it('starts from the persona card', () => {
    expect(initialDirectorState(dave.persona)).toEqual({
      mood: 2,
      patience: 6,
      turn: 0,
      factsRevealed: [],
      securityChecked: false,
      lastLearnerSignals: [],
      securityAnswered: [],
      questionsAsked: [],
      supervisorRequested: false,
      resolutionOffered: false,
      eventsSeen: 0,
      turnsAtZero: 0,
    });
  });

  it('does not calm an angry customer with a stock apology, even with their name', () => {
    const { state, steps } = play(dave, ['Dave, I am sorry for any inconvenience caused.']);
    expect(steps[0]?.signals.signals).toEqual(['used_name', 'stock_apology']);
    expect(state.mood).toBeLessThan(2);
    expect(state.patience).toBe(5);
  });

  it('calms an angry customer with a specific acknowledgement and a clear plan', () => {
    const { state } = play(dave, [
      "I'm sorry Dave, losing your internet a third time this week is awful. I'll book an engineer for tomorrow morning and text you the time slot today.",
    ]);
    expect(state.lastLearnerSignals).toEqual([
      'specific_acknowledgement',
      'used_name',
      'clear_next_steps',
      'resolution_offered',
    ]);
    expect(state.mood).toBe(4);
    expect(state.patience).toBe(6);
    expect(state.resolutionOffered).toBe(true);
    expect(state.ended).toBeUndefined();
  });

  it('reveals a hidden fact only when a question hits one of its cues', () => {
    const statement = play(dave, ['The router is fine on our side.']);
    expect(statement.state.factsRevealed).toEqual([]);
    const asked = play(dave, ['Have you changed your router recently?']);
    expect(asked.state.factsRevealed).toEqual(['router-replaced']);
    expect(asked.steps[0]?.signals.factsRevealedNow).toEqual(['router-replaced']);
  });

  it('reads facts only from the asking sentence, not from explanations around it', () => {
    const { steps } = play(edith, [
      'When did you last send a meter reading?',
      'Without a meter reading we estimate. Which would you prefer?',
    ]);
    expect(steps[1]?.signals.signals).not.toContain('repeated_question');
    expect(
      play(edith, ['Your meter is fine. Which option do you prefer?']).state.factsRevealed,
    ).toEqual([]);
  });

  it('lowers mood when the learner asks something already answered', () => {
    const { steps } = play(edith, [
      'Could you tell me when you last sent a meter reading?',
      'When did you last send a meter reading?',
    ]);
    expect(steps[1]?.signals.signals).toContain('repeated_question');
    expect(steps[1]?.signals.factsRevealedNow).toEqual([]);
    expect(steps[1]?.state.mood).toBeLessThanOrEqual(steps[0]?.state.mood ?? 0);
  });

  it('lowers mood when jargon is used with a literal persona, but not with a fluent one', () => {
    const line = 'The bill is prorated as per the tariff migration, bear with me.';
    const literal = play(edith, [line]);
    expect(literal.steps[0]?.signals.jargon).toEqual([
      'prorated',
      'tariff migration',
      'as per',
      'bear with me',
    ]);
    expect(literal.state.mood).toBe(3);
    const fluent = play(dave, ['Your ONT has an SLA of two days. Can you check the lights?']);
    expect(fluent.steps[0]?.signals.jargon).toEqual(['sla', 'ont']);
    expect(fluent.state.mood).toBe(2);
  });

  it('counts the security check from the systems panel once', () => {
    const events: SystemEvent[] = [{ kind: 'security_check', target: 'crm', afterTurn: 0 }];
    const { steps } = play(tomasz, ['Thank you Tomasz.', 'OK Tomasz.'], events);
    expect(steps[0]?.state.securityChecked).toBe(true);
    expect(steps[0]?.signals.signals).toContain('security_checked');
    expect(steps[1]?.signals.signals).not.toContain('security_checked');
    expect(steps[1]?.state.eventsSeen).toBe(1);
  });

  it('does not count a term the customer used first as jargon', () => {
    const cards: FixtureCards = {
      ...tomasz,
      scenario: { ...tomasz.scenario, opening: 'i must send my BAS this week and the SLA is late' },
    };
    const { steps } = play(cards, [
      'I can help you lodge the BAS. Our SLA and the RAM link matter.',
    ]);
    expect(steps[0]?.signals.jargon).toEqual(['ram']);
    const own = play(cards, ['I can help you lodge the BAS this week.']);
    expect(own.steps[0]?.signals.jargon).toEqual([]);
    expect(own.steps[0]?.signals.signals).not.toContain('jargon');
  });

  it('takes a security question as asked only when its distinctive words are asked', () => {
    const cards: FixtureCards = {
      ...tomasz,
      scenario: {
        ...tomasz.scenario,
        systems: {
          ...tomasz.scenario.systems,
          crm: {
            ...tomasz.scenario.systems.crm,
            securityQuestions: [
              { question: 'What is the ABN of the business?', answer: '51 824 753 556' },
              { question: 'What is the account number?', answer: 'TP-662019' },
              { question: 'What was the amount and date of the last payment?', answer: '$142' },
            ],
          },
        },
      },
    };
    const asked = (line: string) => play(cards, [line]).steps[0]?.signals.securityAsked;
    expect(asked('Is the business portal working for you today?')).toEqual([]);
    expect(asked('Is that an abnormal business account?')).toEqual([]);
    expect(asked("What's the ABN?")).toEqual([0]);
    expect(asked('Could you tell me the ABN for the business please?')).toEqual([0]);
    expect(asked('What is your phone number?')).toEqual([]);
    expect(asked('What is your account number?')).toEqual([1]);
    expect(asked('How much was your last payment?')).toEqual([2]);
  });

  it('drains patience on unhelpful turns until the customer leaves', () => {
    const { state, steps } = play(
      dave,
      Array.from({ length: 8 }, (_, i) => `ok ${i}`),
    );
    expect(steps.length).toBe(8);
    expect(state.ended).toBe('customer_left');
    expect(state.turn).toBeLessThan(8);
  });

  it('ends as resolved when a resolving action lands with mood high enough', () => {
    const events: SystemEvent[] = [{ kind: 'action', target: 'unblock-card', afterTurn: 2 }];
    const { state } = play(
      tomasz,
      [
        'Hello Tomasz. I will help you. Where are you now?',
        'Thank you Tomasz. I will unblock your card now. It will work in 5 minutes.',
      ],
      events,
    );
    expect(state.ended).toBe('resolved');
  });

  it('ends as escalated when the learner agrees to the supervisor the customer demanded', () => {
    const { steps } = play(dave, [
      'ok',
      'right',
      'fine',
      'Yes, of course, I will get my supervisor for you now.',
    ]);
    expect(steps[2]?.state.supervisorRequested).toBe(true);
    expect(steps[2]?.signals.supervisorRequestedNow).toBe(true);
    expect(steps[3]?.state.ended).toBe('escalated');
  });

  it('ends as timed out after the scenario maxTurns', () => {
    const lines = Array.from(
      { length: 10 },
      (_, i) => `Tomasz, where did you try card ${i}? I will check it today.`,
    );
    const { state } = play(tomasz, lines);
    expect(state.turn).toBe(10);
    expect(state.ended).toBe('timed_out');
  });

  it('ends as learner_closed on a farewell or the end-chat button', () => {
    expect(play(edith, ['Goodbye Edith, take care.']).state.ended).toBe('learner_closed');
    expect(closeByLearner(initialDirectorState(edith.persona)).ended).toBe('learner_closed');
  });

  it('leaves an ended state unchanged', () => {
    const ended = closeByLearner(initialDirectorState(edith.persona));
    expect(directorStep(ended, 'hello?', [], { ...edith, history: [] }).state).toBe(ended);
  });
});
