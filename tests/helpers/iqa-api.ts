/**
 * Helpers for IQA tests: the organisation's sample percentage, a signed-off attempt, and typed
 * calls to the second assessor's routes.
 */
import { eq } from 'drizzle-orm';
import { iqaSamples, organisations } from '#api/db/schema.ts';
import { confirmAll, gradedAttempt } from './review-api.ts';
import { jsonInit } from './roleplay-api.ts';
import { signIn, type TestApp } from './test-app.ts';

/** Email of the demo organisation's second assessor. */
export const SECOND_ASSESSOR_EMAIL = 'assessor2@demo.rapport.test';

/** Sets an organisation's IQA sample percentage directly. */
export async function setIqaPercent(t: TestApp, organisationId: string, percent: number) {
  await t.db
    .update(organisations)
    .set({ iqaSamplePercent: percent })
    .where(eq(organisations.id, organisationId));
}

/** Signs an attempt off against a rubric (as the given assessor); returns the response body. */
export async function signOff(t: TestApp, cookie: string, attemptId: string, rubricId: string) {
  const res = await t.app.request(
    `/api/review/attempts/${attemptId}/sign-offs`,
    jsonInit('POST', cookie, { rubricId }),
  );
  if (res.status !== 201) throw new Error(`sign-off failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; iqaSampled: boolean };
}

/**
 * A learner's graded attempt, confirmed and signed off against core-webchat by `assessor`;
 * returns the attempt id and its IQA sample id (null when not sampled).
 */
export async function signedOffAttempt(
  t: TestApp,
  learner: string,
  assessor: string,
): Promise<{ attempt: string; sample: string | null }> {
  const attempt = await gradedAttempt(t, learner);
  await confirmAll(t, assessor, attempt, 'core-webchat');
  const body = await signOff(t, assessor, attempt, 'core-webchat');
  const [row] = await t.db
    .select({ id: iqaSamples.id })
    .from(iqaSamples)
    .where(eq(iqaSamples.signOffId, body.id));
  return { attempt, sample: row?.id ?? null };
}

/** Calls an IQA route as `cookie`. */
export function iqaCall(t: TestApp, cookie: string, method: string, path: string, body?: unknown) {
  return t.app.request(`/api/review/iqa${path}`, jsonInit(method, cookie, body));
}

/**
 * An IQA sample for the authorisation matrix: signed off by the demo's second assessor, so the
 * world's assessor is its second assessor (`unassigned`: nobody yet; `decided`: with a verdict on
 * every criterion). Returns the sample id and one of its criteria.
 */
export async function iqaFixture(
  t: TestApp,
  w: { orgA: string; cookies: { learner?: string; assessor?: string } },
  state: 'assigned' | 'unassigned' | 'decided' = 'assigned',
): Promise<{ sample: string; criterion: string }> {
  await setIqaPercent(t, w.orgA, 100);
  // The matrix's rows all chat as the same learner: step past the per-minute message limit.
  t.clock.advance(61_000);
  const firstMarker = await signIn(t.app, SECOND_ASSESSOR_EMAIL);
  const { sample } = await signedOffAttempt(t, w.cookies.learner ?? '', firstMarker);
  if (!sample) throw new Error('not sampled');
  if (state === 'unassigned')
    await t.db.update(iqaSamples).set({ secondAssessorId: null }).where(eq(iqaSamples.id, sample));
  const view = await iqaCall(t, w.cookies.assessor ?? '', 'GET', `/samples/${sample}`);
  const criteria =
    state === 'unassigned'
      ? []
      : ((await view.json()) as { criteria: Array<{ id: string }> }).criteria.map((c) => c.id);
  if (state === 'decided') {
    for (const criterionId of criteria) {
      const res = await iqaCall(
        t,
        w.cookies.assessor ?? '',
        'POST',
        `/samples/${sample}/decisions`,
        {
          criterionId,
          verdict: 'met',
        },
      );
      if (res.status !== 201) throw new Error(`iqa decision failed: ${res.status}`);
    }
  }
  return { sample, criterion: criteria[0] ?? '' };
}
