/**
 * The signed-in person a request acts for, with the roles they hold in their organisation.
 * Every authorisation decision is made on an Actor, never on raw session data.
 */
import type { Role } from '../db/schema.ts';
import { AppError } from './errors.ts';

export interface Actor {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  roles: Role[];
}

/** True when the actor holds at least one of the roles. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** Throws FORBIDDEN unless the actor holds one of the roles. */
export function assertRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw new AppError('FORBIDDEN', `This needs one of these roles: ${roles.join(', ')}.`);
  }
}

/**
 * Throws NOT_FOUND when a resource belongs to another organisation: to a foreign actor it does
 * not exist, so ids cannot be probed.
 */
export function assertSameOrganisation(
  actor: Actor,
  organisationId: string,
  what = 'resource',
): void {
  if (actor.organisationId !== organisationId) throw new AppError('NOT_FOUND', `No such ${what}.`);
}
