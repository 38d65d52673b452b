import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { appendAudit, GENESIS_HASH, verifyAuditChain } from '#api/services/audit.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';

describe('audit chain', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const entry = (n: number) => ({
    organisationId: 'org_x',
    actorId: 'user_x',
    action: 'test.action',
    entityType: 'thing',
    entityId: `thing_${n}`,
    before: { n: n - 1 },
    after: { n },
  });

  it('links each row to the previous one and verifies', async () => {
    const first = await appendAudit(t.db, t.clock, entry(1));
    const second = await appendAudit(t.db, t.clock, entry(2));
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 2 });
  });

  it('finds the first tampered row', async () => {
    for (let n = 1; n <= 4; n++) await appendAudit(t.db, t.clock, entry(n));
    await t.db.run(sql`update audit_log set after = '{"n":99}' where seq = 3`);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      rows: 4,
      brokenAt: 3,
      reason: 'row content does not match its hash',
    });
  });

  it('finds a deleted row by the broken link after it', async () => {
    for (let n = 1; n <= 3; n++) await appendAudit(t.db, t.clock, entry(n));
    await t.db.run(sql`delete from audit_log where seq = 2`);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: 3,
      reason: 'previous-hash link does not match',
    });
  });
});
