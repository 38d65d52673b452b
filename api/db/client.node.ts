/**
 * Node factory for the libSQL client: a local file (the embedded default), an in-memory
 * database (tests) or a libSQL server. Local files get WAL, a busy timeout and foreign keys.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

const BUSY_TIMEOUT_MS = 5_000;

/** Connections of a local file database (the libSQL client's default limit). */
export const FILE_POOL_SIZE = 20;

/**
 * Runs a per-connection statement on every connection of the pool: that many statements started
 * in the same tick each borrow a different connection (opening it if needed), and the pool never
 * opens more than its limit.
 */
async function onEveryConnection(client: Client, sql: string): Promise<void> {
  await Promise.all(Array.from({ length: FILE_POOL_SIZE }, () => client.execute(sql)));
}

/**
 * Opens a libSQL client for `url`, creating the folder of a local file database. A local file
 * runs in WAL mode with `synchronous` = `normal` unless `full` is asked for: every statement runs
 * synchronously on the event loop, and with `full` each commit waited for an fsync (5–100 ms on
 * a busy disk) with the whole process blocked — the largest cost per chat turn found by
 * npm run bench. With WAL + `normal` a commit survives a crash of the process; only a power
 * loss or OS crash may roll back the last commits (the database stays consistent).
 */
export async function openLibsqlClient(
  url: string,
  authToken?: string,
  opts: { synchronous?: 'normal' | 'full' } = {},
): Promise<Client> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') await mkdir(dirname(resolve(path)), { recursive: true });
  }
  // A local file is served by a fixed pool of connections, all opened now: the client opens
  // another connection whenever a statement starts while one is borrowed (between awaits), and
  // per-connection settings (synchronous, foreign keys) set on one connection silently did not
  // apply to the others. One connection for everything was tried and queued every statement
  // behind all others: at 200 chats sends took 7× longer (docs/performance.md).
  const client = createClient({
    url,
    authToken,
    timeout: BUSY_TIMEOUT_MS,
    ...(isFile ? { concurrency: FILE_POOL_SIZE } : {}),
  });
  if (isFile && !url.includes(':memory:')) {
    await client.execute('PRAGMA journal_mode=WAL');
    const sync = `PRAGMA synchronous=${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`;
    await onEveryConnection(client, sync);
    await onEveryConnection(client, 'PRAGMA foreign_keys=ON');
  } else if (isFile || url === ':memory:') {
    await client.execute('PRAGMA foreign_keys=ON');
  }
  return client;
}

/** Folder of the committed drizzle-kit migrations. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies every pending migration (idempotent). */
export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
