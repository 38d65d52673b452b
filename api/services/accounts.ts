/**
 * People, roles and organisations. Accounts are created here (admin invites, demo seed,
 * admin:create) rather than by public sign-up.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Auth } from '../auth.ts';
import type { Db } from '../db/client.ts';
import { memberships, organisations, users, type Role, ROLES } from '../db/schema.ts';
import type { Actor } from '../lib/actor.ts';
import { AppError } from '../lib/errors.ts';

/** What is needed to create one account. */
export interface NewAccount {
  email: string;
  name: string;
  password: string;
  organisationId: string;
  roles: Role[];
}

/** Creates a user with a password credential and the given roles. CONFLICT if the email exists. */
export async function createAccount(
  auth: Auth,
  db: Db,
  input: NewAccount,
): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new AppError('CONFLICT', 'An account with this email already exists.');
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: true },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: hash,
  });
  if (input.roles.length > 0) {
    await db.insert(memberships).values(
      input.roles.map((role) => ({
        organisationId: input.organisationId,
        userId: user.id,
        role,
      })),
    );
  }
  return { id: user.id };
}

/** Builds the Actor for a signed-in user, or null if they belong to no organisation. */
export async function loadActor(
  db: Db,
  user: { id: string; name: string; email: string },
): Promise<Actor | null> {
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt));
  const first = rows[0];
  if (!first) return null;
  // A person works in one organisation at a time; their first membership's organisation is it.
  const roles = rows.filter((r) => r.organisationId === first.organisationId).map((r) => r.role);
  const ordered = ROLES.filter((r) => roles.includes(r));
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    organisationId: first.organisationId,
    roles: ordered,
  };
}

/** A person as listed to admins. */
export interface OrgUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

/** Lists the people of one organisation with their roles, by name. */
export async function listOrganisationUsers(db: Db, organisationId: string): Promise<OrgUser[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.email));
  const byId = new Map<string, OrgUser>();
  for (const r of rows) {
    const u = byId.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [] };
    u.roles.push(r.role);
    byId.set(r.id, u);
  }
  return [...byId.values()].map((u) => ({ ...u, roles: ROLES.filter((r) => u.roles.includes(r)) }));
}

/** Replaces a member's roles within one organisation; returns the roles before and after. */
export async function setRoles(
  db: Db,
  organisationId: string,
  userId: string,
  roles: Role[],
): Promise<{ before: Role[]; after: Role[] }> {
  const current = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  if (current.length === 0) throw new AppError('NOT_FOUND', 'No such user in this organisation.');
  const before = ROLES.filter((r) => current.some((c) => c.role === r));
  const after = ROLES.filter((r) => roles.includes(r));
  await db.batch([
    db
      .delete(memberships)
      .where(
        and(
          eq(memberships.organisationId, organisationId),
          eq(memberships.userId, userId),
          inArray(memberships.role, [...ROLES]),
        ),
      ),
    db.insert(memberships).values(after.map((role) => ({ organisationId, userId, role }))),
  ]);
  return { before, after };
}

/** Creates an organisation. */
export async function createOrganisation(
  db: Db,
  input: { id: string; name: string; slug: string; llmMonthlyTokenBudget?: number | null },
) {
  await db.insert(organisations).values(input);
  return input;
}
