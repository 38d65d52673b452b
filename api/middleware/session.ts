/**
 * Resolves the session cookie to an Actor for every API request (null when signed out or when
 * the user has no organisation), so guards and handlers never read the session themselves.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../deps.ts';
import { loadActor } from '../services/accounts.ts';

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const { auth, db } = c.var.deps;
  const session = await auth.api.getSession({ headers: c.req.raw.headers });
  c.set('actor', session ? await loadActor(db, session.user) : null);
  await next();
});
