/**
 * CSRF protection for cookie-authenticated writes: a browser always sends `Origin` on a
 * cross-site POST/PUT/PATCH/DELETE, so a write whose Origin is not ours is refused. Requests
 * without Origin (server-to-server, CLI, tests) carry no ambient browser cookies to abuse.
 */
import { createMiddleware } from 'hono/factory';
import { trustedOrigins } from '../auth.ts';
import type { AppEnv } from '../deps.ts';
import { AppError } from '../lib/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin !== undefined && !trustedOrigins(c.var.deps.config).includes(origin)) {
      throw new AppError('FORBIDDEN', 'Cross-site request refused.');
    }
  }
  await next();
});
