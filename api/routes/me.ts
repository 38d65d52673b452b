/** GET /api/me — who is signed in, their organisation and roles, and the engine mode. */
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../deps.ts';
import { organisations } from '../db/schema.ts';
import { actorOf, signedIn } from '../middleware/guards.ts';

export const meRoutes = new Hono<AppEnv>().get('/', signedIn, async (c) => {
  const actor = actorOf(c);
  const { db, llm } = c.var.deps;
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return c.json({
    user: { id: actor.userId, name: actor.name, email: actor.email },
    organisation: org ?? { id: actor.organisationId, name: '' },
    roles: actor.roles,
    mode: llm ? ('llm' as const) : ('offline' as const),
  });
});
