import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoverage } from '#api/content/coverage.ts';
import { createTestApp, testContent, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { makeCleanBundle, makePersona } from '#tests/helpers/content-fixtures.ts';

const TRAITS = ['angry', 'sad', 'confused', 'stressed', 'multilingual', 'neurodiverse'] as const;
const TYPES = [
  'bau',
  'complex',
  'complaint',
  'escalation',
  'technical',
  'multifaceted',
  'supervisor',
] as const;

describe('content routes over a small bundle', () => {
  const bundle = makeCleanBundle();
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ content: bundle });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const get = (path: string) =>
    t.app.request(path, { headers: { cookie: w.cookies.designer ?? '' } });

  it('summarises counts, validation, coverage and the lists of packs, personas and scenarios', async () => {
    const res = await get('/api/content');
    expect(res.status).toBe(200);
    const { problems: _none, ...coverage } = buildCoverage(bundle);
    expect(await res.json()).toEqual({
      counts: { rubrics: 2, personas: 2, scenarios: 7, standards: 1 },
      issues: [],
      problems: [],
      coverage: {
        ...coverage,
        standards: [
          {
            standard: 'STD',
            code: '1.1',
            outcome: '1 Do things',
            text: 'Do the first thing',
            citedBy: [
              ...bundle.rubrics[0]!.criteria.map((c) => ({
                pack: 'core-webchat',
                criterion: c.id,
                evidencedBy: 'roleplay',
              })),
              { pack: 'std-pack', criterion: 'first', evidencedBy: 'roleplay' },
            ],
            scenarios: TYPES.map((type) => `s-${type}`),
          },
          {
            standard: 'STD',
            code: '1.2',
            outcome: '1 Do things',
            text: 'Do the second thing',
            citedBy: [{ pack: 'std-pack', criterion: 'second', evidencedBy: 'other' }],
            scenarios: [],
          },
        ],
      },
      rubrics: [
        {
          id: 'core-webchat',
          version: '1.0.0',
          title: 'Core',
          standardCode: null,
          criteriaCount: 7,
        },
        {
          id: 'std-pack',
          version: '1.0.0',
          title: 'STD pack',
          standardCode: 'STD',
          criteriaCount: 2,
        },
      ],
      personas: ['p-one', 'p-two'].map((id) => ({
        id,
        name: `Name ${id}`,
        traits: [...TRAITS],
        locale: 'en-NZ',
        version: '1.0.0',
      })),
      scenarios: TYPES.map((type) => ({
        id: `s-${type}`,
        title: `Scenario s-${type}`,
        industry: 'telco',
        interactionType: type,
        persona: 'p-one',
        rubrics: ['core-webchat', 'std-pack'],
      })),
    });
  });

  it('returns the full persona card', async () => {
    const res = await get('/api/content/personas/p-two');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ persona: makePersona('p-two', [...TRAITS]) });
  });

  it('returns the full scenario card, hidden facts and systems included', async () => {
    const res = await get('/api/content/scenarios/s-complaint');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ scenario: bundle.scenarios[2] });
  });

  it('returns the full rubric pack', async () => {
    const res = await get('/api/content/rubrics/std-pack');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rubric: bundle.rubrics[1] });
  });

  for (const [kind, label] of [
    ['personas', 'persona'],
    ['scenarios', 'scenario'],
    ['rubrics', 'rubric pack'],
  ] as const) {
    it(`answers 404 NOT_FOUND for an unknown ${label} id`, async () => {
      const res = await get(`/api/content/${kind}/no-such-thing`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: `No ${label} with id "no-such-thing".`,
          requestId: expect.any(String),
        },
      });
    });

    it(`answers 400 VALIDATION_FAILED for a ${label} id that is not a content id`, async () => {
      const res = await get(`/api/content/${kind}/Not%20An%20Id`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'id' }] } },
      });
    });
  }
});

describe('content routes over the repo content', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('reports the repo content as valid, with every pack, persona and scenario listed', async () => {
    const content = await testContent();
    const res = await t.app.request('/api/content', {
      headers: { cookie: w.cookies.admin ?? '' },
    });
    const body = (await res.json()) as {
      counts: unknown;
      issues: unknown[];
      problems: unknown[];
      scenarios: Array<{ id: string }>;
    };
    expect(body.counts).toEqual({
      rubrics: content.rubrics.length,
      personas: content.personas.length,
      scenarios: content.scenarios.length,
      standards: content.standards?.length ?? 0,
    });
    expect(body.issues).toEqual([]);
    expect(body.problems).toEqual([]);
    expect(body.scenarios.map((s) => s.id)).toEqual(content.scenarios.map((s) => s.id));
  });

  it('reports a file issue it was built with, naming the file and path', async () => {
    const bundle = makeCleanBundle();
    bundle.issues = [{ file: 'prompts/personas/x.yaml', path: 'voice.typos', message: 'Invalid' }];
    const broken = await createTestApp({ content: bundle });
    const world = await buildWorld(broken);
    const res = await broken.app.request('/api/content', {
      headers: { cookie: world.cookies.designer ?? '' },
    });
    expect(((await res.json()) as { issues: unknown }).issues).toEqual([
      { file: 'prompts/personas/x.yaml', path: 'voice.typos', message: 'Invalid' },
    ]);
    broken.close();
  });
});
