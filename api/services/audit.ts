/**
 * The append-only, hash-chained audit log. Every assessment-relevant change appends a row whose
 * hash covers its content and the previous row's hash; `verifyAuditChain` recomputes the chain
 * and reports the first broken link.
 */
import { createHash } from 'node:crypto';
import { asc, desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';

/** The hash that precedes the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records; before/after are JSON-serialisable snapshots. */
export interface AuditEntry {
  organisationId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

type AuditRow = typeof auditLog.$inferSelect;

// Synchronous so the hash of a row never waits on the event loop (node:crypto also runs on
// Workers with nodejs_compat).
function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The canonical text a row's hash covers (column order is fixed). */
function hashInput(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  return JSON.stringify([
    row.prevHash,
    row.organisationId,
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.before,
    row.after,
    row.at,
  ]);
}

/** How often an append re-reads the tail after losing a race before it gives up. */
export const AUDIT_APPEND_TRIES = 50;

/** True when `err` (or its cause) is the unique index on `prev_hash` refusing a second child. */
function isForkConflict(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (/UNIQUE constraint failed: audit_log\.prev_hash/.test(String(e))) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}

// Appends from one process go one at a time, so they never race each other; the retry below is
// for other processes (instances) writing to the same database.
const appendQueues = new WeakMap<Db, Promise<unknown>>();

/**
 * Appends one entry without a transaction: reads the tail's hash, inserts the row chained onto
 * it, and when another writer chained onto the same tail first (the unique index on
 * `prev_hash` refuses the fork) re-reads the tail and tries again, a bounded number of times.
 * An interactive write transaction here used to hold the database's write lock across awaits,
 * so other writers stalled (see docs/decisions/008-performance.md).
 */
export function appendAudit(db: Db, clock: Clock, entry: AuditEntry): Promise<AuditRow> {
  const previous = appendQueues.get(db) ?? Promise.resolve();
  const result = previous.then(
    () => appendChained(db, clock, entry),
    () => appendChained(db, clock, entry),
  );
  const settled = result.catch(() => undefined);
  appendQueues.set(db, settled);
  // Forget the queue once it is idle, so a closed database is not kept alive by it.
  void settled.then(() => {
    if (appendQueues.get(db) === settled) appendQueues.delete(db);
  });
  return result;
}

async function appendChained(db: Db, clock: Clock, entry: AuditEntry): Promise<AuditRow> {
  for (let attempt = 1; ; attempt++) {
    const [last] = await db
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const row = {
      organisationId: entry.organisationId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      at: clock.now().toISOString(),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = sha256Hex(hashInput(row));
    try {
      const [inserted] = await db
        .insert(auditLog)
        .values({ ...row, hash })
        .returning();
      if (!inserted) throw new Error('audit insert returned no row');
      return inserted;
    } catch (err) {
      if (!isForkConflict(err) || attempt >= AUDIT_APPEND_TRIES) throw err;
    }
  }
}

/** Result of checking the whole chain. */
export type AuditVerification =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Recomputes every hash in order and reports the first row that does not fit. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prev) {
      return {
        ok: false,
        rows: rows.length,
        brokenAt: row.seq,
        reason: 'previous-hash link does not match',
      };
    }
    const expected = sha256Hex(hashInput(row));
    if (expected !== row.hash) {
      return {
        ok: false,
        rows: rows.length,
        brokenAt: row.seq,
        reason: 'row content does not match its hash',
      };
    }
    prev = row.hash;
  }
  return { ok: true, rows: rows.length };
}
