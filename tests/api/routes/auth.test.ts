import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemoIfEmpty } from '#api/services/demo-seed.ts';
import { createTestApp, signIn, TEST_PASSWORD, type TestApp } from '#tests/helpers/test-app.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function countSessions(t: TestApp) {
  const rows = await t.db.all<{ n: number }>(sql`select count(*) as n from sessions`);
  return rows[0]?.n;
}

describe('sign-in and sign-out', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ env: { RAPPORT_SIGNIN_PER_MINUTE: '3' } });
    await seedDemoIfEmpty(t.deps, TEST_PASSWORD);
  });
  afterEach(() => t.close());

  it('signs a demo learner in with an httpOnly SameSite cookie and reports who they are', async () => {
    const res = await t.app.request(
      '/api/auth/sign-in/email',
      json({ email: 'learner@demo.rapport.test', password: TEST_PASSWORD }),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.app.request('/api/me', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(await me.json()).toEqual({
      user: { id: expect.any(String), name: 'Lee Learner', email: 'learner@demo.rapport.test' },
      organisation: { id: 'org_demo', name: 'Demo Contact Centre' },
      roles: ['learner'],
      mode: 'offline',
    });
  });

  it('refuses a wrong password with the error envelope and creates no session', async () => {
    const res = await t.app.request(
      '/api/auth/sign-in/email',
      json({ email: 'learner@demo.rapport.test', password: 'not-the-password' }),
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Invalid email or password',
        requestId: res.headers.get('x-request-id'),
      },
    });
    expect(await countSessions(t)).toBe(0);
  });

  it('signs out: the old cookie no longer opens the API', async () => {
    const cookie = await signIn(t.app, 'coach@demo.rapport.test');
    const out = await t.app.request('/api/auth/sign-out', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    const me = await t.app.request('/api/me', { headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it('rate-limits repeated sign-in attempts from one address with Retry-After', async () => {
    const attempt = () =>
      t.app.request(
        '/api/auth/sign-in/email',
        json({ email: 'admin@demo.rapport.test', password: 'wrong-password' }),
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('has no public sign-up', async () => {
    const res = await t.app.request(
      '/api/auth/sign-up/email',
      json({ email: 'x@example.com', password: 'long-enough-pw', name: 'X' }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    const rows = await t.db.all<{ n: number }>(
      sql`select count(*) as n from users where email = 'x@example.com'`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
