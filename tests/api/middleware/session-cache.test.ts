import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SessionCache } from '#api/middleware/session-cache.ts';
import type { Actor } from '#api/lib/actor.ts';
import { createTestApp, signIn, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';

const actor = (userId: string): Actor => ({
  userId,
  name: 'Lee Learner',
  email: `${userId}@example.test`,
  organisationId: 'org_a',
  roles: ['learner'],
});

describe('SessionCache', () => {
  let now = 0;
  const far = new Date(10_000_000);

  it('reuses a session for its TTL, then looks it up again', () => {
    now = 0;
    const cache = new SessionCache(() => now, 5_000);
    cache.set('c1', 'u1', actor('u1'), far);
    now = 4_999;
    expect(cache.get('c1')).toEqual(actor('u1'));
    now = 5_000;
    expect(cache.get('c1')).toBeUndefined();
  });

  it('spreads expiry over the last half of the TTL so entries cached together do not expire together', () => {
    now = 0;
    const randoms = [0, 0.5, 0.875];
    const cache = new SessionCache(
      () => now,
      4_000,
      10,
      () => randoms.shift() ?? 0,
    );
    cache.set('c1', 'u1', actor('u1'), far);
    cache.set('c2', 'u2', actor('u2'), far);
    cache.set('c3', 'u3', actor('u3'), far);
    const cachedAt = (t: number) => {
      now = t;
      return ['c1', 'c2', 'c3'].map((c) => cache.get(c) !== undefined);
    };
    expect([2_249, 2_250, 2_999, 3_000, 3_999, 4_000].map(cachedAt)).toEqual([
      [true, true, true],
      [true, true, false],
      [true, true, false],
      [true, false, false],
      [true, false, false],
      [false, false, false],
    ]);
  });

  it('never outlives the session itself', () => {
    now = 0;
    const cache = new SessionCache(() => now, 5_000);
    cache.set('c1', 'u1', actor('u1'), new Date(1_000));
    now = 1_000;
    expect(cache.get('c1')).toBeUndefined();
  });

  it('forgets one cookie, every cookie of a person, and the oldest beyond its size', () => {
    now = 0;
    const cache = new SessionCache(() => now, 5_000, 2);
    cache.set('c1', 'u1', actor('u1'), far);
    cache.set('c2', 'u2', null, far);
    cache.set('c3', 'u2', actor('u2'), far);
    expect([cache.get('c1'), cache.get('c2'), cache.get('c3')]).toEqual([
      undefined,
      null,
      actor('u2'),
    ]);
    cache.forgetUser('u2');
    expect([cache.get('c2'), cache.get('c3')]).toEqual([undefined, undefined]);
    cache.set('c1', 'u1', actor('u1'), far);
    cache.forgetCookie('c1');
    expect(cache.get('c1')).toBeUndefined();
  });

  it('keeps nothing when the TTL is 0', () => {
    const cache = new SessionCache(() => 0, 0);
    cache.set('c1', 'u1', actor('u1'), far);
    expect(cache.get('c1')).toBeUndefined();
  });
});

describe('session cache in the app', () => {
  let t: TestApp;
  let world: World;
  beforeEach(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });
  afterEach(() => t.close());

  const me = (cookie: string | undefined) =>
    t.app.request('/api/me', { headers: { cookie: cookie ?? '' } });

  it('applies a role change at once, even to a session read a moment ago', async () => {
    expect((await me(world.cookies.coach)).status).toBe(200);
    const before = await t.app.request('/api/review/queue', {
      headers: { cookie: world.cookies.coach ?? '' },
    });
    expect(before.status).toBe(403);
    const change = await t.app.request(`/api/admin/users/${world.ids.coach}/roles`, {
      method: 'PUT',
      headers: {
        cookie: world.cookies.admin ?? '',
        'content-type': 'application/json',
        origin: 'http://localhost:8787',
      },
      body: JSON.stringify({ roles: ['coach', 'assessor'] }),
    });
    expect(change.status).toBe(200);
    const body: unknown = await (await me(world.cookies.coach)).json();
    expect(body).toMatchObject({ roles: ['coach', 'assessor'] });
  });

  it('stops a signed-out cookie at once even though it was just cached', async () => {
    const cookie = await signIn(t.app, 'learner@demo.rapport.test');
    expect((await me(cookie)).status).toBe(200);
    const out = await t.app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost:8787' },
    });
    expect(out.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
  });

  it('lets a session lapse after the TTL: a deleted session stops working once it passed', async () => {
    const cookie = await signIn(t.app, 'learner@demo.rapport.test');
    expect((await me(cookie)).status).toBe(200);
    await t.db.run(sql`delete from sessions`);
    expect((await me(cookie)).status).toBe(200);
    t.clock.advance(5_000);
    expect((await me(cookie)).status).toBe(401);
  });
});
