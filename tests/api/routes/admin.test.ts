import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '#api/services/audit.ts';
import { auditLog } from '#api/db/schema.ts';
import { createTestApp, signIn, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';

describe('admin people routes', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterEach(() => t.close());

  const call = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { cookie: w.cookies.admin ?? '', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('invites a person who can then sign in with the one-time password', async () => {
    const res = await call('POST', '/api/admin/users', {
      email: 'Nia@Demo.Rapport.Test',
      name: 'Nia New',
      roles: ['learner', 'coach'],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: unknown; oneTimePassword: string };
    expect(body).toEqual({
      user: {
        id: expect.any(String),
        name: 'Nia New',
        email: 'nia@demo.rapport.test',
        roles: ['learner', 'coach'],
      },
      oneTimePassword: expect.stringMatching(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/),
    });
    const cookie = await signIn(t.app, 'nia@demo.rapport.test', body.oneTimePassword);
    const me = (await (await t.app.request('/api/me', { headers: { cookie } })).json()) as {
      roles: string[];
    };
    expect(me.roles).toEqual(['learner', 'coach']);
  });

  it('refuses a second account with the same email', async () => {
    const res = await call('POST', '/api/admin/users', {
      email: 'learner@demo.rapport.test',
      name: 'Dup',
      roles: ['learner'],
    });
    expect(res.status).toBe(409);
  });

  it('changes roles, records before and after in the audit chain', async () => {
    const res = await call('PUT', `/api/admin/users/${w.ids.otherLearner}/roles`, {
      roles: ['learner', 'designer'],
    });
    expect(await res.json()).toEqual({ id: w.ids.otherLearner, roles: ['learner', 'designer'] });
    const rows = await t.db.select().from(auditLog);
    const last = rows.at(-1);
    expect(last).toMatchObject({
      action: 'user.roles_changed',
      entityId: w.ids.otherLearner,
      before: JSON.stringify({ roles: ['learner'] }),
      after: JSON.stringify({ roles: ['learner', 'designer'] }),
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('does not let an admin remove their own admin role', async () => {
    const res = await call('PUT', `/api/admin/users/${w.ids.admin}/roles`, { roles: ['learner'] });
    expect(res.status).toBe(409);
  });

  it('cannot touch a person of another organisation', async () => {
    const res = await call('PUT', `/api/admin/users/${w.ids.foreignLearner}/roles`, {
      roles: ['admin'],
    });
    expect(res.status).toBe(404);
  });
});
