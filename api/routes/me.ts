/**
 * GET /api/me — who is signed in, their organisation and roles, and the engine mode (401 when
 * signed out). GET /api/session — the same, or `{ me: null }`, so the web app can ask without
 * producing an error when nobody is signed in.
 */
import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../deps.ts';
import { organisations } from '../db/schema.ts';
import type { Actor } from '../lib/actor.ts';
import { actorOf, signedIn } from '../middleware/guards.ts';

async function describeActor(c: Context<AppEnv>, actor: Actor) {
  const { db, llm } = c.var.deps;
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return {
    user: { id: actor.userId, name: actor.name, email: actor.email },
    organisation: org ?? { id: actor.organisationId, name: '' },
    roles: actor.roles,
    mode: llm ? ('llm' as const) : ('offline' as const),
  };
}

export const meRoutes = new Hono<AppEnv>().get('/', signedIn, async (c) =>
  c.json(await describeActor(c, actorOf(c))),
);

export const sessionRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const actor = c.var.actor;
  return c.json({ me: actor ? await describeActor(c, actor) : null });
});
