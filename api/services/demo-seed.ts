/**
 * The demo organisation created on an empty database outside production: one account per role
 * (and a second assessor for IQA second marking), a coach and a learner in one group. Passwords
 * are random unless a fixed one is given, and are returned once so the entry can print them.
 */
import { sql } from 'drizzle-orm';
import type { Auth } from '../auth.ts';
import type { Db } from '../db/client.ts';
import { groupMembers, groups, organisations, type Role } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { createAccount, createOrganisation } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { generatePassword } from './passwords.ts';

/** One demo account as printed at start. */
export interface DemoAccount {
  role: Role;
  name: string;
  email: string;
  password: string;
}

export const DEMO_ORG_ID = 'org_demo';
export const DEMO_GROUP_ID = 'grp_demo';

// A second assessor, so internal quality assurance (blind second marking) works on the demo.
const PEOPLE: Array<{ role: Role; name: string; email?: string }> = [
  { role: 'learner', name: 'Lee Learner' },
  { role: 'coach', name: 'Casey Coach' },
  { role: 'assessor', name: 'Ari Assessor' },
  { role: 'assessor', name: 'Sol Second', email: 'assessor2@demo.rapport.test' },
  { role: 'designer', name: 'Dana Designer' },
  { role: 'admin', name: 'Alex Admin' },
];

/** Demo email for a role, e.g. `learner@demo.rapport.test`. */
export const demoEmail = (role: Role) => `${role}@demo.rapport.test`;

/**
 * Seeds the demo organisation if the database has no organisation yet. Returns the accounts
 * created, or an empty list when the database already had data.
 */
export async function seedDemoIfEmpty(
  deps: { auth: Auth; db: Db; clock: Clock },
  fixedPassword?: string,
): Promise<DemoAccount[]> {
  const { auth, db, clock } = deps;
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(organisations);
  if ((row?.n ?? 0) > 0) return [];
  await createOrganisation(db, { id: DEMO_ORG_ID, name: 'Demo Contact Centre', slug: 'demo' });
  await db
    .insert(groups)
    .values({ id: DEMO_GROUP_ID, organisationId: DEMO_ORG_ID, name: 'Demo team' });
  const created: DemoAccount[] = [];
  for (const person of PEOPLE) {
    const password = fixedPassword ?? generatePassword();
    const email = person.email ?? demoEmail(person.role);
    const { id } = await createAccount(auth, db, {
      email,
      name: person.name,
      password,
      organisationId: DEMO_ORG_ID,
      roles: [person.role],
    });
    if (person.role === 'learner' || person.role === 'coach') {
      await db
        .insert(groupMembers)
        .values({ groupId: DEMO_GROUP_ID, userId: id, kind: person.role });
    }
    created.push({ role: person.role, name: person.name, email, password });
  }
  await appendAudit(db, clock, {
    organisationId: DEMO_ORG_ID,
    actorId: null,
    action: 'organisation.demo_seeded',
    entityType: 'organisation',
    entityId: DEMO_ORG_ID,
    after: { accounts: created.map((a) => a.email) },
  });
  return created;
}

/** The credentials block printed once at first start. */
export function formatDemoAccounts(accounts: DemoAccount[], url: string): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    '',
    'Demo organisation created. Sign in at ' + url + ' with one of these accounts',
    '(shown once; delete data/rapport.db to start again):',
    '',
    ...accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(width)}  ${a.password}`),
    '',
  ].join('\n');
}
