/**
 * Resolves the session cookie to an Actor for every API request (null when signed out or when
 * the user has no organisation), so guards and handlers never read the session themselves.
 * Resolved sessions are reused for a few seconds (session-cache.ts).
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../deps.ts';
import { traceStage } from '../lib/perf-trace.ts';
import { loadActor } from '../services/accounts.ts';
import { sessionCacheFor } from './session-cache.ts';

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const deps = c.var.deps;
  const cookie = c.req.header('cookie');
  const cache = cookie ? sessionCacheFor(deps) : null;
  const cached = cookie ? cache?.get(cookie) : undefined;
  const s0 = performance.now();
  if (cached !== undefined) {
    c.set('actor', cached);
    traceStage('session.hit', performance.now() - s0);
  } else {
    const session = await deps.auth.api.getSession({ headers: c.req.raw.headers });
    const actor = session ? await loadActor(deps.db, session.user) : null;
    if (session && cookie)
      cache?.set(cookie, session.user.id, actor, new Date(session.session.expiresAt));
    c.set('actor', actor);
    traceStage('session.miss', performance.now() - s0);
  }
  await next();
});
