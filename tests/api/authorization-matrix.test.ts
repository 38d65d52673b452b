/**
 * The authorisation matrix: every API route of the app has a row saying what each actor gets.
 * A route added without a row fails the first test, so no route ships unreviewed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '#api/content/repo-root.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import {
  clientId,
  endAs,
  readReply,
  sendAs,
  startAttemptAs,
  TEST_SCENARIO,
} from '#tests/helpers/roleplay-api.ts';
import { confirmAll, gradedAttempt, reviewOf } from '#tests/helpers/review-api.ts';
import { ACTORS, buildWorld, type ActorName, type World } from '#tests/helpers/world.ts';
import { fixtureEvals, storeTwoGoldenRuns } from '#tests/helpers/eval-fixtures.ts';
import { iqaFixture } from '#tests/helpers/iqa-api.ts';

type Expect = Record<ActorName, number>;

/** Ids a row's setup made (a fresh attempt, a reply) for its requests. */
type Fixture = Record<string, string>;

interface Row {
  /** Makes the resources this row's requests need, once before the actors run. */
  setup?: (t: TestApp, w: World) => Promise<Fixture>;
  /** Builds the request for a given world (ids of the actors' resources). */
  request: (w: World, f: Fixture) => { path: string; init?: RequestInit };
  expect: Expect;
  /** For list routes: what a successful caller must not see. */
  noForeignRows?: (w: World, actor: ActorName, body: unknown) => void;
}

const all = (status: number): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, status])) as Expect;
const only = (allowed: ActorName[], ok: number, denied = 403): Expect => ({
  ...all(denied),
  anonymous: 401,
  ...Object.fromEntries(allowed.map((a) => [a, ok])),
});
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

let inviteCounter = 0;

/** The shipped persona file, which validates and saves as a new version. */
const PERSONA_YAML = readFileSync(join(repoRoot, 'prompts/personas/aroha-ngata.yaml'), 'utf8');
/** Saves a version of the persona as the demo organisation's designer. */
const saveStoredPersona = async (t: TestApp, w: World) => {
  const res = await t.app.request('/api/content/personas/aroha-ngata/versions', {
    ...post('/api/content/personas/aroha-ngata/versions', {
      yaml: PERSONA_YAML,
      basedOnVersion: '1.0.0',
    }).init,
    headers: { 'content-type': 'application/json', cookie: w.cookies.designer ?? '' },
  });
  const body = (await res.json()) as { version: { version: string } };
  return { version: body.version.version };
};

const learnerCookie = (w: World) => w.cookies.learner ?? '';
const freshAttempt = async (t: TestApp, w: World) => ({
  attempt: await startAttemptAs(t, learnerCookie(w)),
});
const endedAttempt = async (t: TestApp, w: World) => {
  const f = await freshAttempt(t, w);
  await endAs(t, learnerCookie(w), f.attempt);
  return f;
};
/** Readers of the learner's attempt: the learner, their group's coach, assessors and admins. */
const readers = (ok: number): Expect => ({
  ...all(404),
  anonymous: 401,
  learner: ok,
  coach: ok,
  assessor: ok,
  admin: ok,
});
/** Writers: only the learner; readers who may not write get 403, everyone else 404. */
const writer = (ok: number): Expect => ({ ...readers(403), learner: ok });
const post = (path: string, body?: unknown) => ({ path, init: json('POST', body ?? {}) });
const gradedFixture = async (t: TestApp, w: World) => ({
  attempt: await gradedAttempt(t, learnerCookie(w)),
});
/** Reviewers of the learner's attempt: assessors, admins and the learner's coach. */
const reviewers = (ok: number): Expect => ({
  ...only(['assessor', 'admin', 'coach'], ok),
  coachOfOtherGroup: 404,
  foreignAdmin: 404,
});

const MATRIX: Record<string, Row> = {
  'GET /api/auth/*': { request: () => ({ path: '/api/auth/get-session' }), expect: all(200) },
  'POST /api/auth/*': {
    request: () => ({
      path: '/api/auth/sign-in/email',
      init: json('POST', { email: 'nobody@x.test', password: 'wrong-password' }),
    }),
    expect: all(401),
  },
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: all(200) },
  'GET /api/session': { request: () => ({ path: '/api/session' }), expect: all(200) },
  'GET /api/me': { request: () => ({ path: '/api/me' }), expect: { ...all(200), anonymous: 401 } },
  'GET /api/admin/users': {
    request: () => ({ path: '/api/admin/users' }),
    expect: only(['admin', 'foreignAdmin'], 200),
    noForeignRows: (w, actor, body) => {
      const ids = (body as { users: Array<{ id: string }> }).users.map((u) => u.id);
      if (actor === 'foreignAdmin') expect(ids).not.toContain(w.ids.learner);
      if (actor === 'admin') expect(ids).not.toContain(w.ids.foreignAdmin);
    },
  },
  'POST /api/admin/users': {
    request: () => ({
      path: '/api/admin/users',
      init: json('POST', {
        email: `invitee${++inviteCounter}@demo.rapport.test`,
        name: 'Invitee',
        roles: ['learner'],
      }),
    }),
    expect: only(['admin', 'foreignAdmin'], 201),
  },
  'PUT /api/admin/users/:id/roles': {
    request: (w) => ({
      path: `/api/admin/users/${w.ids.otherLearner}/roles`,
      init: json('PUT', { roles: ['learner'] }),
    }),
    // An admin of another organisation cannot see this person at all.
    expect: { ...only(['admin'], 200), foreignAdmin: 404 },
  },
  // Each admin reads and sets their own organisation's budget only (no id in the path to forge).
  'GET /api/admin/llm-budget': {
    request: () => ({ path: '/api/admin/llm-budget' }),
    expect: only(['admin', 'foreignAdmin'], 200),
  },
  'PUT /api/admin/llm-budget': {
    request: () => ({ path: '/api/admin/llm-budget', init: json('PUT', { budget: null }) }),
    expect: only(['admin', 'foreignAdmin'], 200),
  },
  'GET /api/scenarios': {
    request: () => ({ path: '/api/scenarios' }),
    expect: { ...all(200), anonymous: 401, assessor: 403 },
  },
  'GET /api/attempts': {
    setup: freshAttempt,
    request: () => ({ path: '/api/attempts' }),
    expect: only(['learner', 'otherLearner'], 200),
    noForeignRows: (_w, actor, body) => {
      const rows = (body as { attempts: unknown[] }).attempts;
      if (actor === 'otherLearner') expect(rows).toEqual([]);
    },
  },
  'POST /api/attempts': {
    request: () =>
      post('/api/attempts', { scenarioId: TEST_SCENARIO, clientRequestId: clientId('start') }),
    expect: only(['learner', 'otherLearner'], 201),
  },
  'GET /api/attempts/:id': {
    setup: freshAttempt,
    request: (_w, f) => ({ path: `/api/attempts/${f.attempt}` }),
    expect: readers(200),
  },
  'POST /api/attempts/:id/messages': {
    setup: freshAttempt,
    request: (_w, f) =>
      post(`/api/attempts/${f.attempt}/messages`, {
        clientMessageId: clientId('m'),
        text: 'Hello, how can I help?',
      }),
    expect: writer(201),
  },
  'GET /api/attempts/:id/replies/:replyId/stream': {
    setup: async (t, w) => {
      const f = await freshAttempt(t, w);
      return {
        ...f,
        reply: await sendAs(t, learnerCookie(w), f.attempt, 'Hello, how can I help today?'),
      };
    },
    request: (_w, f) => ({ path: `/api/attempts/${f.attempt}/replies/${f.reply}/stream` }),
    expect: readers(200),
  },
  'POST /api/attempts/:id/replies/:replyId/retry': {
    setup: async (t, w) => {
      const f = await freshAttempt(t, w);
      const reply = await sendAs(t, learnerCookie(w), f.attempt, 'Hello there');
      await readReply(t, learnerCookie(w), f.attempt, reply);
      return { ...f, reply };
    },
    request: (_w, f) => post(`/api/attempts/${f.attempt}/replies/${f.reply}/retry`),
    // The learner may retry, but only a failed reply: this one finished, so 409.
    expect: writer(409),
  },
  'POST /api/attempts/:id/events': {
    setup: freshAttempt,
    request: (_w, f) =>
      post(`/api/attempts/${f.attempt}/events`, {
        clientEventId: clientId('e'),
        kind: 'crm_open',
        target: 'crm',
      }),
    expect: writer(201),
  },
  'POST /api/attempts/:id/end': {
    setup: freshAttempt,
    request: (_w, f) => post(`/api/attempts/${f.attempt}/end`),
    expect: writer(200),
  },
  'PUT /api/attempts/:id/case-notes': {
    setup: endedAttempt,
    request: (_w, f) => ({
      path: `/api/attempts/${f.attempt}/case-notes`,
      init: json('PUT', { needed: 'Move-in reading' }),
    }),
    expect: writer(200),
  },
  'POST /api/attempts/:id/submit': {
    setup: endedAttempt,
    request: (_w, f) => post(`/api/attempts/${f.attempt}/submit`),
    expect: writer(200),
  },
  // Content is shared product content: every organisation's designers and admins may read it.
  'GET /api/content': {
    request: () => ({ path: '/api/content' }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/content/personas/:id': {
    request: () => ({ path: '/api/content/personas/aroha-ngata' }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/content/scenarios/:id': {
    request: () => ({ path: '/api/content/scenarios/telco-broadband-dropouts' }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/content/rubrics/:id': {
    request: () => ({ path: '/api/content/rubrics/core-webchat' }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  // Stored versions belong to the designer's organisation: another organisation's admin sees
  // only the shipped file's version and its own saves.
  'GET /api/content/:kind/:id/versions': {
    request: () => ({ path: '/api/content/personas/aroha-ngata/versions' }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
    noForeignRows: (_w, actor, body) => {
      const versions = (body as { versions: Array<{ source: string }> }).versions;
      if (actor === 'foreignAdmin') expect(versions.map((v) => v.source)).toEqual(['file']);
    },
  },
  'GET /api/content/:kind/:id/versions/:version': {
    setup: saveStoredPersona,
    request: (_w, f) => ({ path: `/api/content/personas/aroha-ngata/versions/${f.version}` }),
    expect: { ...only(['designer', 'admin'], 200), foreignAdmin: 404 },
  },
  'GET /api/content/:kind/:id/versions/:version/yaml': {
    setup: saveStoredPersona,
    request: (_w, f) => ({
      path: `/api/content/personas/aroha-ngata/versions/${f.version}/yaml`,
    }),
    expect: { ...only(['designer', 'admin'], 200), foreignAdmin: 404 },
  },
  'POST /api/content/:kind/:id/validate': {
    request: () => post('/api/content/personas/aroha-ngata/validate', { yaml: PERSONA_YAML }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'POST /api/content/:kind/:id/versions': {
    request: () =>
      post('/api/content/personas/aroha-ngata/versions', {
        yaml: PERSONA_YAML,
        basedOnVersion: '1.0.0',
      }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 201),
  },
  // Eval runs are product data like content, shared by every organisation's designers and admins.
  'GET /api/evals/suites': {
    request: () => ({ path: '/api/evals/suites' }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/evals/runs': {
    request: () => ({ path: '/api/evals/runs' }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/evals/runs/:id': {
    setup: (t) => storeTwoGoldenRuns(t.db, 0, 'detail-'),
    request: (_w, f) => ({ path: `/api/evals/runs/${f.b}` }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/evals/runs/:id/report.json': {
    setup: (t) => storeTwoGoldenRuns(t.db, 0, 'json-'),
    request: (_w, f) => ({ path: `/api/evals/runs/${f.b}/report.json` }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/evals/runs/:id/report.xml': {
    setup: (t) => storeTwoGoldenRuns(t.db, 0, 'xml-'),
    request: (_w, f) => ({ path: `/api/evals/runs/${f.b}/report.xml` }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/evals/runs/:id/report.html': {
    setup: (t) => storeTwoGoldenRuns(t.db, 0, 'html-'),
    request: (_w, f) => ({ path: `/api/evals/runs/${f.b}/report.html` }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'POST /api/evals/runs': {
    // A live run without an LLM: allowed callers get the 409, and no run starts.
    request: () => post('/api/evals/runs', { suites: ['fixture-persona'], live: true }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 409),
  },
  'GET /api/evals/compare': {
    setup: (t) => storeTwoGoldenRuns(t.db, 0, 'compare-'),
    request: (_w, f) => ({ path: `/api/evals/compare?a=${f.a}&b=${f.b}` }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'POST /api/evals/playground': {
    request: () =>
      post('/api/evals/playground', { scenarioId: TEST_SCENARIO, turns: ['Hello, I can help.'] }),
    expect: only(['designer', 'admin', 'foreignAdmin'], 200),
  },
  'GET /api/review/queue': {
    setup: gradedFixture,
    request: () => ({ path: '/api/review/queue' }),
    expect: only(['assessor'], 200),
  },
  'GET /api/review/attempts/:id': {
    setup: gradedFixture,
    request: (_w, f) => ({ path: `/api/review/attempts/${f.attempt}` }),
    expect: reviewers(200),
  },
  'POST /api/review/attempts/:id/decisions': {
    setup: async (t, w) => {
      const f = await gradedFixture(t, w);
      const view = await reviewOf(t, w.cookies.assessor ?? '', f.attempt);
      return { ...f, grading: view.gradings.find((g) => g.rubric.id === 'core-webchat')?.id ?? '' };
    },
    request: (_w, f) =>
      post(`/api/review/attempts/${f.attempt}/decisions`, {
        gradingId: f.grading,
        criterionId: 'empathy',
        action: 'confirm',
        expectedVersion: 0,
      }),
    expect: only(['assessor'], 201),
  },
  'POST /api/review/attempts/:id/void': {
    setup: gradedFixture,
    request: (_w, f) =>
      post(`/api/review/attempts/${f.attempt}/void`, { reason: 'Persona broke character' }),
    expect: only(['assessor'], 201),
  },
  'POST /api/review/attempts/:id/sign-offs': {
    setup: gradedFixture,
    // The offline grader judges no nz-cc-gpo1 criterion of this chat, so it can be signed off at once.
    request: (_w, f) =>
      post(`/api/review/attempts/${f.attempt}/sign-offs`, { rubricId: 'nz-cc-gpo1' }),
    expect: only(['assessor'], 201),
  },
  'POST /api/review/attempts/:id/comments': {
    setup: gradedFixture,
    request: (_w, f) =>
      post(`/api/review/attempts/${f.attempt}/comments`, { turn: 1, body: 'Nice.' }),
    expect: { ...only(['assessor', 'coach'], 201), coachOfOtherGroup: 404 },
  },
  'GET /api/review/agreement': {
    setup: async (t, w) => {
      const f = await gradedFixture(t, w);
      await confirmAll(t, w.cookies.assessor ?? '', f.attempt, 'core-webchat');
      return f;
    },
    request: () => ({ path: '/api/review/agreement' }),
    // Each organisation's admins see their own organisation's figures only.
    expect: only(['assessor', 'designer', 'admin', 'foreignAdmin'], 200),
    noForeignRows: (_w, actor, body) => {
      const rows = (body as { criteria: unknown[] }).criteria;
      if (actor === 'foreignAdmin') expect(rows).toEqual([]);
      if (actor === 'admin') expect(rows.length).toBeGreaterThan(0);
    },
  },
  'GET /api/review/exports': {
    request: (w) => ({ path: `/api/review/exports?scope=learner&id=${w.ids.learner}&format=csv` }),
    // Another organisation's admin cannot see this learner at all.
    expect: { ...only(['assessor', 'admin'], 200), foreignAdmin: 404 },
  },
  'GET /api/review/export-scopes': {
    request: () => ({ path: '/api/review/export-scopes' }),
    expect: only(['assessor', 'admin', 'foreignAdmin'], 200),
    noForeignRows: (w, actor, body) => {
      const ids = (body as { learners: Array<{ id: string }> }).learners.map((l) => l.id);
      if (actor === 'foreignAdmin') expect(ids).not.toContain(w.ids.learner);
      if (actor === 'admin') expect(ids).not.toContain(w.ids.foreignLearner);
    },
  },
  'GET /api/review/iqa/queue': {
    request: () => ({ path: '/api/review/iqa/queue' }),
    expect: only(['assessor'], 200),
  },
  'GET /api/review/iqa/disagreements': {
    request: () => ({ path: '/api/review/iqa/disagreements' }),
    // Each organisation's admins see their own organisation's samples only.
    expect: only(['assessor', 'admin', 'foreignAdmin'], 200),
    noForeignRows: (_w, actor, body) => {
      if (actor === 'foreignAdmin')
        expect((body as { disagreements: unknown[] }).disagreements).toEqual([]);
    },
  },
  // The sample routes are the second assessor's only: the world's assessor second-marks a sample
  // the demo's other assessor signed off.
  'GET /api/review/iqa/samples/:id': {
    setup: (t, w) => iqaFixture(t, w),
    request: (_w, f) => ({ path: `/api/review/iqa/samples/${f.sample}` }),
    expect: only(['assessor'], 200),
  },
  'POST /api/review/iqa/samples/:id/claim': {
    setup: (t, w) => iqaFixture(t, w, 'unassigned'),
    request: (_w, f) => post(`/api/review/iqa/samples/${f.sample}/claim`),
    expect: only(['assessor'], 201),
  },
  'POST /api/review/iqa/samples/:id/decisions': {
    setup: (t, w) => iqaFixture(t, w),
    request: (_w, f) =>
      post(`/api/review/iqa/samples/${f.sample}/decisions`, {
        criterionId: f.criterion,
        verdict: 'met',
      }),
    expect: only(['assessor'], 201),
  },
  'POST /api/review/iqa/samples/:id/complete': {
    setup: (t, w) => iqaFixture(t, w, 'decided'),
    request: (_w, f) => post(`/api/review/iqa/samples/${f.sample}/complete`),
    expect: only(['assessor'], 200),
  },
  'GET /api/admin/settings/iqa': {
    request: () => ({ path: '/api/admin/settings/iqa' }),
    expect: only(['admin', 'foreignAdmin'], 200),
  },
  'PUT /api/admin/settings/iqa': {
    request: () => ({
      path: '/api/admin/settings/iqa',
      init: json('PUT', { iqaSamplePercent: 10 }),
    }),
    expect: only(['admin', 'foreignAdmin'], 200),
  },
  'GET /api/admin/settings/feedback': {
    request: () => ({ path: '/api/admin/settings/feedback' }),
    expect: only(['admin', 'foreignAdmin'], 200),
  },
  'PUT /api/admin/settings/feedback': {
    request: () => ({
      path: '/api/admin/settings/feedback',
      init: json('PUT', { feedbackVisibility: 'provisional' }),
    }),
    expect: only(['admin', 'foreignAdmin'], 200),
  },
  'GET /api/records/learners/:learnerId/standards/:rubricId': {
    request: (w) => ({ path: `/api/records/learners/${w.ids.learner}/standards/nz-cc-gpo1` }),
    // The learner, their coach, and the organisation's assessors and admins; to anyone else the
    // learner does not exist.
    expect: readers(200),
  },
  'GET /api/coach/queue': {
    setup: gradedFixture,
    request: () => ({ path: '/api/coach/queue' }),
    expect: only(['coach', 'coachOfOtherGroup'], 200),
    noForeignRows: (_w, actor, body) => {
      const rows = (body as { attempts: Array<{ learner: { id: string } }> }).attempts;
      if (actor === 'coachOfOtherGroup')
        expect(rows.map((r) => r.learner.id)).not.toContain(_w.ids.learner);
    },
  },
  'GET /api/coach/groups': {
    request: () => ({ path: '/api/coach/groups' }),
    expect: only(['coach', 'coachOfOtherGroup'], 200),
  },
  'POST /api/coach/assignments': {
    request: (w) =>
      post('/api/coach/assignments', {
        scenarioId: TEST_SCENARIO,
        learnerId: w.ids.learner,
        dueDate: '2026-12-01',
      }),
    // A coach of another group does not coach this learner: to them the learner does not exist.
    expect: { ...only(['coach'], 201), coachOfOtherGroup: 404 },
  },
  'GET /api/coach/assignments': {
    request: () => ({ path: '/api/coach/assignments' }),
    expect: only(['coach', 'coachOfOtherGroup'], 200),
    noForeignRows: (w, actor, body) => {
      const rows = (body as { assignments: Array<{ learner: { id: string } | null }> }).assignments;
      if (actor === 'coachOfOtherGroup')
        expect(rows.map((r) => r.learner?.id)).not.toContain(w.ids.learner);
    },
  },
  'DELETE /api/coach/assignments/:id': {
    setup: async (t, w) => {
      const res = await t.app.request('/api/coach/assignments', {
        ...json('POST', {
          scenarioId: TEST_SCENARIO,
          learnerId: w.ids.learner,
          dueDate: '2026-12-01',
        }),
        headers: { 'content-type': 'application/json', cookie: w.cookies.coach ?? '' },
      });
      return { assignment: ((await res.json()) as { id: string }).id };
    },
    request: (_w, f) => ({
      path: `/api/coach/assignments/${f.assignment ?? ''}`,
      init: { method: 'DELETE' },
    }),
    // A coach of another group cannot see this learner's assignment at all.
    expect: { ...only(['coach'], 200), coachOfOtherGroup: 404 },
  },
  'GET /api/coach/learners/:id/progress': {
    // No attempt of its own: the learner's messages are rate limited and the clock is fixed.
    request: (w) => ({ path: `/api/coach/learners/${w.ids.learner}/progress` }),
    expect: reviewers(200),
  },
  'GET /api/portfolio': {
    request: () => ({ path: '/api/portfolio' }),
    expect: only(['learner', 'otherLearner'], 200),
  },
  'GET /api/portfolio/learners/:id': {
    request: (w) => ({ path: `/api/portfolio/learners/${w.ids.learner}` }),
    expect: reviewers(200),
  },
  'GET /api/portfolio/attempts/:id/feedback': {
    setup: gradedFixture,
    request: (_w, f) => ({ path: `/api/portfolio/attempts/${f.attempt}/feedback` }),
    expect: readers(200),
  },
};

describe('authorisation matrix', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp({ evals: fixtureEvals().evals });
    world = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('has a row for every API route of the app', () => {
    const routes = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path}`),
    );
    expect([...routes].filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.has(r))).toEqual([]);
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    it(`${route} answers each actor as the matrix says`, async () => {
      const got: Record<string, number> = {};
      const fixture = row.setup ? await row.setup(t, world) : {};
      for (const actor of ACTORS) {
        const { path, init } = row.request(world, fixture);
        const headers = new Headers(init?.headers);
        const cookie = world.cookies[actor];
        if (cookie) headers.set('cookie', cookie);
        const res = await t.app.request(path, { ...init, headers });
        got[actor] = res.status;
        if (res.status < 300 && row.noForeignRows)
          row.noForeignRows(world, actor, await res.json());
      }
      expect(got).toEqual(row.expect);
    });
  }
});
