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
  // One connection for a local file: the client otherwise opens another whenever a statement
  // starts while one is borrowed (between `await`s), and per-connection settings (foreign keys,
  // synchronous) silently did not apply to those. Every statement runs synchronously on this
  // thread anyway, so more connections never ran anything in parallel; a caller that finds the
  // connection busy now waits asynchronously instead of busy-waiting on a lock.
  const client = createClient({
    url,
    authToken,
    timeout: BUSY_TIMEOUT_MS,
    ...(isFile ? { concurrency: 1 } : {}),
  });
  if (isFile && !url.includes(':memory:')) {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute(`PRAGMA synchronous=${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  }
  if (isFile || url === ':memory:') {
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
