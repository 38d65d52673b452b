/**
 * Route guards. Every API route declares who may call it with one of these, and the
 * authorisation-matrix test checks that declaration against every actor.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../deps.ts';
import type { Role } from '../db/schema.ts';
import { assertRole, type Actor } from '../lib/actor.ts';
import { AppError } from '../lib/errors.ts';

/** The signed-in actor, or UNAUTHENTICATED. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return actor;
}

/** Any signed-in member of an organisation. */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  actorOf(c);
  await next();
});

/** A signed-in member holding at least one of `roles`. */
export function requireRoles(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    assertRole(actorOf(c), ...roles);
    await next();
  });
}
