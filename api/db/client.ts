/**
 * The runtime-neutral database handle: a drizzle instance over any libSQL client. The client
 * itself is made by a runtime-specific factory (client.node.ts, or the Worker entry).
 */
import type { Client } from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
// The web build takes a ready client and bundles no native libSQL code, so it suits Node and Workers.
import { drizzle } from 'drizzle-orm/libsql/web';
import * as schema from './schema.ts';

/** The drizzle database with our schema. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** Wraps a libSQL client in drizzle with the app schema. */
export function createDb({ client }: { client: Client }): Db {
  return drizzle({ client, schema }) as Db;
}
