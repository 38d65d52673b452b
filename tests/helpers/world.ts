/**
 * A small world of two organisations and every kind of actor the authorisation matrix needs:
 * org A (the demo organisation: one account per role and a second assessor,
 * `assessor2@demo.rapport.test`, for IQA; a coach and learner in "Demo team", plus
 * another learner coached in "Other team") and org B (its own admin and learner).
 */
import { groupMembers, groups } from '#api/db/schema.ts';
import { createAccount, createOrganisation } from '#api/services/accounts.ts';
import { DEMO_ORG_ID, demoEmail, seedDemoIfEmpty } from '#api/services/demo-seed.ts';
import { signIn, TEST_PASSWORD, type TestApp } from './test-app.ts';

/** Every actor of the matrix. */
export const ACTORS = [
  'anonymous',
  'learner',
  'otherLearner',
  'coach',
  'coachOfOtherGroup',
  'assessor',
  'designer',
  'admin',
  'foreignAdmin',
] as const;
export type ActorName = (typeof ACTORS)[number];

export interface World {
  ids: Record<Exclude<ActorName, 'anonymous'>, string> & { foreignLearner: string };
  cookies: Record<ActorName, string | undefined>;
  orgA: string;
  orgB: string;
}

/** Seeds the world into a test app and signs every actor in. */
export async function buildWorld(t: TestApp): Promise<World> {
  const { auth, db, clock } = t.deps;
  await seedDemoIfEmpty({ auth, db, clock }, TEST_PASSWORD);
  const orgB = 'org_other';
  await createOrganisation(db, { id: orgB, name: 'Other Centre', slug: 'other' });
  const mk = (
    email: string,
    name: string,
    organisationId: string,
    role: 'learner' | 'coach' | 'admin',
  ) =>
    createAccount(auth, db, {
      email,
      name,
      password: TEST_PASSWORD,
      organisationId,
      roles: [role],
    });
  const otherLearner = await mk(
    'learner2@demo.rapport.test',
    'Olive Other',
    DEMO_ORG_ID,
    'learner',
  );
  const coachOfOtherGroup = await mk(
    'coach2@demo.rapport.test',
    'Cole Other',
    DEMO_ORG_ID,
    'coach',
  );
  await db
    .insert(groups)
    .values({ id: 'grp_other', organisationId: DEMO_ORG_ID, name: 'Other team' });
  await db.insert(groupMembers).values([
    { groupId: 'grp_other', userId: otherLearner.id, kind: 'learner' },
    { groupId: 'grp_other', userId: coachOfOtherGroup.id, kind: 'coach' },
  ]);
  await mk('admin@other.test', 'Fran Foreign', orgB, 'admin');
  const foreignLearner = await mk('learner@other.test', 'Finn Foreign', orgB, 'learner');

  const emails: Record<Exclude<ActorName, 'anonymous'>, string> = {
    learner: demoEmail('learner'),
    otherLearner: 'learner2@demo.rapport.test',
    coach: demoEmail('coach'),
    coachOfOtherGroup: 'coach2@demo.rapport.test',
    assessor: demoEmail('assessor'),
    designer: demoEmail('designer'),
    admin: demoEmail('admin'),
    foreignAdmin: 'admin@other.test',
  };
  const cookies = { anonymous: undefined } as Record<ActorName, string | undefined>;
  const ids = { foreignLearner: foreignLearner.id } as World['ids'];
  for (const [name, email] of Object.entries(emails) as Array<
    [Exclude<ActorName, 'anonymous'>, string]
  >) {
    cookies[name] = await signIn(t.app, email);
    const me = await t.app.request('/api/me', { headers: { cookie: cookies[name] ?? '' } });
    const body = (await me.json()) as { user: { id: string } };
    ids[name] = body.user.id;
  }
  return { ids, cookies, orgA: DEMO_ORG_ID, orgB };
}
