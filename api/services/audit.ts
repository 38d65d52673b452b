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

// Synchronous on purpose: appendAudit hashes inside a write transaction, and an await that
// yields to the event loop there (crypto.subtle) let other requests write on the main libSQL
// connection, which busy-waits synchronously on the lock the transaction holds: a 5 s stall of
// the whole process and SQLITE_BUSY (found by npm run bench). node:crypto also runs on Workers
// (nodejs_compat).
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

/**
 * Appends one entry. Runs in a write transaction so two writers cannot both chain onto the same
 * previous row.
 */
export async function appendAudit(db: Db, clock: Clock, entry: AuditEntry): Promise<AuditRow> {
  return db.transaction(async (tx) => {
    const [last] = await tx
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
    const [inserted] = await tx
      .insert(auditLog)
      .values({ ...row, hash })
      .returning();
    if (!inserted) throw new Error('audit insert returned no row');
    return inserted;
  });
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
