/**
 * The authorisation matrix: every API route of the app has a row saying what each actor gets.
 * A route added without a row fails the first test, so no route ships unreviewed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { ACTORS, buildWorld, type ActorName, type World } from '#tests/helpers/world.ts';

type Expect = Record<ActorName, number>;

interface Row {
  /** Builds the request for a given world (ids of the actors' resources). */
  request: (w: World) => { path: string; init?: RequestInit };
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
};

describe('authorisation matrix', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp();
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
      for (const actor of ACTORS) {
        const { path, init } = row.request(world);
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
