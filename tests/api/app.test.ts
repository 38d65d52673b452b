import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  createTestApp,
  signIn,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestApp,
} from '#tests/helpers/test-app.ts';
import { seedDemoIfEmpty } from '#api/services/demo-seed.ts';

describe('createApp', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await seedDemoIfEmpty(t.deps, TEST_PASSWORD);
  });
  afterEach(() => t.close());

  it('reports offline mode and a healthy database', async () => {
    const res = await t.app.request('/api/health');
    expect(await res.json()).toEqual({
      status: 'ok',
      version: '0.1.0',
      mode: 'offline',
      database: 'ok',
    });
  });

  it('gives every response a request id, echoed in the error envelope', async () => {
    const res = await t.app.request('/api/nothing-here');
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No such API route.', requestId: id },
    });
  });

  it('answers a forbidden route with 403 FORBIDDEN and writes nothing', async () => {
    const cookie = await signIn(t.app, 'learner@demo.rapport.test');
    const before = await t.db.all<{ n: number }>(sql`select count(*) as n from users`);
    const res = await t.app.request('/api/admin/users', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'new@demo.rapport.test', name: 'New', roles: ['admin'] }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(await t.db.all(sql`select count(*) as n from users`)).toEqual(before);
  });

  it('rejects unknown fields and bad values with VALIDATION_FAILED', async () => {
    const cookie = await signIn(t.app, 'admin@demo.rapport.test');
    const res = await t.app.request('/api/admin/users', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'not-an-email',
        name: 'N',
        roles: ['learner'],
        isSuperuser: true,
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { issues: Array<{ path: string }> } };
    };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i) => i.path).sort()).toEqual(['', 'email']);
  });

  it('refuses a cookie-authenticated write from a foreign origin', async () => {
    const cookie = await signIn(t.app, 'admin@demo.rapport.test');
    const send = (origin: string) =>
      t.app.request('/api/admin/users', {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'n@demo.rapport.test', name: 'N', roles: ['learner'] }),
      });
    expect((await send('https://evil.example')).status).toBe(403);
    expect((await send(TEST_ORIGIN)).status).toBe(201);
  });

  it('sets strict security headers', async () => {
    const res = await t.app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('hides internals when a handler fails unexpectedly', async () => {
    const cookie = await signIn(t.app, 'admin@demo.rapport.test');
    t.deps.db.$client.close();
    const res = await t.app.request('/api/admin/users', { headers: { cookie } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong on our side.',
      requestId: expect.any(String),
    });
    expect(t.logger.lines.some((l) => l.level === 'error' && l.msg === 'unhandled error')).toBe(
      true,
    );
  });
});
