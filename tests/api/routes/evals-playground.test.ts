import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import type { ErrorEnvelope } from '#api/lib/errors.ts';
import type { PlaygroundResult } from '#api/services/evals/playground.ts';

/** The playground's answer (the tests check its shape with toEqual). */
const read = async (res: Response) => (await res.json()) as PlaygroundResult;

const SCENARIO = 'energy-bill-shock';
const ASK =
  "Hi Gary, I can see the bill is $912 when you normally pay $320 - that's a huge jump. Is the due date a worry for your pension?";
const BLAME = 'Calm down, it is your fault for using too much.';

const state = (over: Record<string, unknown>) => ({
  mood: 2,
  patience: 7,
  turn: 0,
  factsRevealed: [],
  securityChecked: false,
  supervisorRequested: false,
  resolutionOffered: false,
  signals: [],
  ended: null,
  ...over,
});

describe('the persona playground', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const play = async (body: unknown) =>
    t.app.request('/api/evals/playground', {
      method: 'POST',
      headers: { cookie: w.cookies.designer ?? '', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('plays the learner turns and returns the director state after each customer reply', async () => {
    const res = await play({ scenarioId: SCENARIO, turns: [ASK, BLAME] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      scenarioId: SCENARIO,
      scenarioVersion: '1.0.1',
      personaVersion: '1.0.0',
      engine: 'offline',
      turns: [
        {
          speaker: 'customer',
          text: "$912 for a quarter?? we're two people in a unit, it's normally $320. what the hell is going on",
          state: state({}),
        },
        { speaker: 'agent', text: ASK },
        {
          speaker: 'customer',
          text: "I'm on the age pension, paid fortnightly. and this bill's due in 9 days. mate, this is a joke.",
          state: state({
            mood: 4,
            turn: 1,
            factsRevealed: ['pension_day'],
            signals: ['specific_acknowledgement', 'used_name', 'asked_question', 'fact_revealed'],
          }),
        },
        { speaker: 'agent', text: BLAME },
        {
          speaker: 'customer',
          text: "Don't put this on me. I've done nothing wrong!",
          state: state({
            mood: 1,
            patience: 6,
            turn: 2,
            factsRevealed: ['pension_day'],
            signals: ['blame'],
          }),
        },
      ],
      events: [],
      endReason: null,
      unplayed: 0,
    });
  });

  it('gives the same chat every time the same turns are replayed', async () => {
    const first = await read(await play({ scenarioId: SCENARIO, turns: [ASK, BLAME] }));
    const again = await read(await play({ scenarioId: SCENARIO, turns: [ASK, BLAME] }));
    const prefix = await read(await play({ scenarioId: SCENARIO, turns: [ASK] }));
    expect(again).toEqual(first);
    expect(prefix.turns).toEqual(first.turns.slice(0, 3));
  });

  it('shows only the opening for no turns, and records system actions as events', async () => {
    const opening = await read(await play({ scenarioId: SCENARIO, turns: [] }));
    expect(opening.turns).toHaveLength(1);
    const withCheck = await read(await play({ scenarioId: SCENARIO, turns: ['/security', ASK] }));
    expect(withCheck.events).toEqual([{ kind: 'security_check', target: 'crm', afterTurn: 0 }]);
    const last = withCheck.turns.at(-1);
    expect(last?.speaker === 'customer' && last.state.securityChecked).toBe(true);
  });

  it('counts turns after the chat has ended as unplayed', async () => {
    const turns = [BLAME, BLAME, BLAME, BLAME, BLAME, BLAME, BLAME, BLAME, BLAME, BLAME];
    const body = await read(await play({ scenarioId: SCENARIO, turns }));
    expect(body.endReason).toBe('customer_left');
    const learnerTurns = body.turns.filter((x) => x.speaker === 'agent');
    expect(body.unplayed).toBe(turns.length - learnerTurns.length);
    expect(body.unplayed).toBeGreaterThan(0);
  });

  it('rejects unknown scenarios, unknown actions, too many or too long turns, and live without an LLM', async () => {
    expect((await play({ scenarioId: 'nope', turns: [] })).status).toBe(404);
    const action = await play({ scenarioId: SCENARIO, turns: ['/action launch_rocket'] });
    expect(action.status).toBe(400);
    expect(((await action.json()) as ErrorEnvelope).error.message).toMatch(
      /^Invalid turns: item 1: unknown action "launch_rocket"/,
    );
    expect((await play({ scenarioId: SCENARIO, turns: Array(31).fill('hi') })).status).toBe(400);
    expect((await play({ scenarioId: SCENARIO, turns: ['x'.repeat(2001)] })).status).toBe(400);
    expect((await play({ scenarioId: SCENARIO, turns: [''] })).status).toBe(400);
    const live = await play({ scenarioId: SCENARIO, turns: [], live: true });
    expect(live.status).toBe(409);
  });
});
