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

/** Opens a libSQL client for `url`, creating the folder of a local file database. */
export async function openLibsqlClient(url: string, authToken?: string): Promise<Client> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') await mkdir(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  if (isFile && !url.includes(':memory:')) {
    await client.execute('PRAGMA journal_mode=WAL');
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
