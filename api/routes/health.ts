/** GET /api/health — liveness, database reachability and the engine mode (offline or llm). */
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../deps.ts';
import { APP_VERSION } from '../version.ts';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { db, llm } = c.var.deps;
  let database: 'ok' | 'unavailable' = 'ok';
  try {
    await db.run(sql`select 1`);
  } catch {
    database = 'unavailable';
  }
  return c.json(
    {
      status: database === 'ok' ? ('ok' as const) : ('degraded' as const),
      version: APP_VERSION,
      mode: llm ? ('llm' as const) : ('offline' as const),
      database,
    },
    database === 'ok' ? 200 : 503,
  );
});
