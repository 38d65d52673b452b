import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '#api/db/client.ts';
import { applyMigrations, openLibsqlClient } from '#api/db/client.node.ts';
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

  it('keeps one valid chain when 50 appends run at once', async () => {
    const rows = await Promise.all(
      Array.from({ length: 50 }, (_, i) => appendAudit(t.db, t.clock, entry(i + 1))),
    );
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(50);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 50 });
  });

  it('keeps one valid chain when two instances append to one database file at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-audit-'));
    const url = `file:${join(dir, 'audit.db')}`;
    const clients = [await openLibsqlClient(url), await openLibsqlClient(url)];
    try {
      const [a, b] = clients.map((client) => createDb({ client }));
      await applyMigrations(a!);
      const appends = Array.from({ length: 50 }, (_, i) =>
        appendAudit(i % 2 === 0 ? a! : b!, t.clock, entry(i + 1)),
      );
      const rows = await Promise.all(appends);
      expect(new Set(rows.map((r) => r.prevHash)).size).toBe(50);
      expect(await verifyAuditChain(a!)).toEqual({ ok: true, rows: 50 });
    } finally {
      for (const client of clients) client.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
