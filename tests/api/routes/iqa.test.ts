import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog, iqaSamples } from '#api/db/schema.ts';
import { createAccount } from '#api/services/accounts.ts';
import { verifyAuditChain } from '#api/services/audit.ts';
import { createTestApp, signIn, TEST_PASSWORD, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { jsonInit } from '#tests/helpers/roleplay-api.ts';
import { reviewOf } from '#tests/helpers/review-api.ts';
import {
  iqaCall,
  SECOND_ASSESSOR_EMAIL,
  setIqaPercent,
  signedOffAttempt,
} from '#tests/helpers/iqa-api.ts';

interface BlindView {
  criteria: Array<{ id: string; decision: unknown }>;
}

describe('IQA second marking', () => {
  let t: TestApp;
  let w: World;
  let learner: string;
  let first: string;
  let second: string;
  let secondId: string;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    learner = w.cookies.learner ?? '';
    first = w.cookies.assessor ?? '';
    second = await signIn(t.app, SECOND_ASSESSOR_EMAIL);
    const me = await t.app.request('/api/me', { headers: { cookie: second } });
    secondId = ((await me.json()) as { user: { id: string } }).user.id;
    await setIqaPercent(t, w.orgA, 100);
  });
  afterEach(() => t.close());

  const auditActions = async (n: number) =>
    (await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(n))
      .map((r) => r.action)
      .reverse();
  const json = async <T>(res: Response, status = 200): Promise<T> => {
    expect(res.status).toBe(status);
    return (await res.json()) as T;
  };

  it('samples a sign-off to the other assessor and records it in the sign-off audit row', async () => {
    const { attempt, sample } = await signedOffAttempt(t, learner, first);
    expect(sample).not.toBeNull();
    const [row] = await t.db.select().from(iqaSamples);
    expect(row).toMatchObject({
      attemptId: attempt,
      rubricId: 'core-webchat',
      firstAssessorId: w.ids.assessor,
      secondAssessorId: secondId,
      status: 'pending',
      completedAt: null,
    });
    const [last] = await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last?.action).toBe('attempt.signed_off');
    expect(JSON.parse(last?.after ?? '{}').iqaSample).toEqual({
      id: sample,
      secondAssessorId: secondId,
    });
  });

  it('samples nothing at 0 %', async () => {
    await setIqaPercent(t, w.orgA, 0);
    const { sample } = await signedOffAttempt(t, learner, first);
    expect(sample).toBeNull();
    expect(await t.db.select().from(iqaSamples)).toEqual([]);
  });

  it('queues the sample for the second assessor only, and shows it blind', async () => {
    const { attempt, sample } = await signedOffAttempt(t, learner, first);
    const queue = await json<{ samples: unknown[] }>(await iqaCall(t, second, 'GET', '/queue'));
    expect(queue.samples).toEqual([
      {
        sampleId: sample,
        attemptId: attempt,
        learner: { id: w.ids.learner, name: 'Lee Learner' },
        scenario: { id: 'energy-move-in', title: expect.any(String), interactionType: 'bau' },
        submittedAt: expect.any(String),
        rubric: { id: 'core-webchat', title: expect.any(String) },
        awaitingSecondAssessor: false,
        decided: 0,
        sampledAt: expect.any(String),
      },
    ]);
    // The first assessor never second-marks their own sign-off.
    expect(await json(await iqaCall(t, first, 'GET', '/queue'))).toEqual({ samples: [] });
    expect((await iqaCall(t, first, 'GET', `/samples/${sample}`)).status).toBe(403);

    const review = await reviewOf(t, first, attempt);
    const core = review.gradings.find((g) => g.rubric.id === 'core-webchat');
    const decided = core?.criteria.filter((c) => c.decision) ?? [];
    const pack = t.deps.content.rubrics.find((r) => r.id === 'core-webchat');
    const scenario = t.deps.content.scenarios.find((s) => s.id === 'energy-move-in');
    const res = await iqaCall(t, second, 'GET', `/samples/${sample}`);
    const text = await res.clone().text();
    expect(await json(res)).toEqual({
      sample: { id: sample, status: 'pending', sampledAt: expect.any(String), completedAt: null },
      attempt: {
        id: attempt,
        learnerName: 'Lee Learner',
        scenario: { id: 'energy-move-in', title: scenario?.title, brief: scenario?.brief },
      },
      rubric: { id: 'core-webchat', version: pack?.version, title: pack?.title },
      transcript: { turns: review.transcript.turns, caseNotes: review.transcript.caseNotes },
      criteria: (pack?.criteria ?? [])
        .filter((c) => decided.some((d) => d.id === c.id))
        .map((c) => ({
          id: c.id,
          title: c.title,
          description: c.description,
          standardRefs: c.standardRefs,
          decision: null,
        })),
    });
    // Nothing of the first marking or the AI judgement leaks into the blind view.
    for (const key of ['"aiVerdict"', '"verdict"', '"feedback"', '"evidence"', '"ai"'])
      expect(text).not.toContain(key);
    expect(text).not.toContain('Ari Assessor');
  });

  it("hides the sampled standard from the second assessor's review of the attempt until complete", async () => {
    const { attempt, sample } = await signedOffAttempt(t, learner, first);
    const res = await t.app.request(`/api/review/attempts/${attempt}`, {
      headers: { cookie: second },
    });
    const text = await res.clone().text();
    const view = await json<{
      attempt: { gradings: Array<{ rubric: { id: string } }> };
      gradings: Array<{ rubric: { id: string } }>;
      signOffs: unknown[];
      progress: Array<{ rubric: { id: string } }>;
    }>(res);
    expect(view.gradings.map((g) => g.rubric.id)).not.toContain('core-webchat');
    expect(view.attempt.gradings.map((g) => g.rubric.id)).not.toContain('core-webchat');
    expect(view.progress.map((p) => p.rubric.id)).not.toContain('core-webchat');
    expect(view.signOffs).toEqual([]);
    expect(text).not.toContain('Ari Assessor');
    // The first assessor still sees everything.
    const full = await reviewOf(t, first, attempt);
    expect(full.gradings.map((g) => g.rubric.id)).toContain('core-webchat');

    const blind = await json<BlindView>(await iqaCall(t, second, 'GET', `/samples/${sample}`));
    for (const c of blind.criteria)
      await json(
        await iqaCall(t, second, 'POST', `/samples/${sample}/decisions`, {
          criterionId: c.id,
          verdict: 'met',
        }),
        201,
      );
    await json(await iqaCall(t, second, 'POST', `/samples/${sample}/complete`));
    expect((await reviewOf(t, second, attempt)).gradings.map((g) => g.rubric.id)).toContain(
      'core-webchat',
    );
  });

  it('leaves the sampled attempt out of exports and evidence records for its second assessor until complete', async () => {
    const { attempt, sample } = await signedOffAttempt(t, learner, first);
    const exported = async (cookie: string) => {
      const body = await json<{ records: Array<{ attemptId: string }> }>(
        await t.app.request(`/api/review/exports?scope=learner&id=${w.ids.learner}&format=json`, {
          headers: { cookie },
        }),
      );
      return body.records.filter((r) => r.attemptId === attempt).length;
    };
    const inRecord = async (cookie: string) =>
      (
        await (
          await t.app.request(`/api/records/learners/${w.ids.learner}/standards/core-webchat`, {
            headers: { cookie },
          })
        ).text()
      ).includes(attempt);
    expect(await exported(first)).toBeGreaterThan(0);
    expect(await inRecord(first)).toBe(true);
    expect(await exported(second)).toBe(0);
    expect(await inRecord(second)).toBe(false);

    const blind = await json<BlindView>(await iqaCall(t, second, 'GET', `/samples/${sample}`));
    for (const c of blind.criteria)
      await json(
        await iqaCall(t, second, 'POST', `/samples/${sample}/decisions`, {
          criterionId: c.id,
          verdict: 'met',
        }),
        201,
      );
    await json(await iqaCall(t, second, 'POST', `/samples/${sample}/complete`));
    expect(await exported(second)).toBe(await exported(first));
    expect(await inRecord(second)).toBe(true);
  });

  it('takes a blind verdict per criterion, completes, and lists the disagreements', async () => {
    const { attempt, sample } = await signedOffAttempt(t, learner, first);
    const view = await json<BlindView>(await iqaCall(t, second, 'GET', `/samples/${sample}`));
    const ids = view.criteria.map((c) => c.id);
    const firstReview = await reviewOf(t, first, attempt);
    const firstVerdict = (id: string) =>
      firstReview.gradings
        .find((g) => g.rubric.id === 'core-webchat')
        ?.criteria.find((c) => c.id === id)?.decision?.verdict;
    const flip = (v: string | undefined) => (v === 'met' ? 'not_yet' : 'met');
    const [disputed, ...rest] = ids;
    if (!disputed) throw new Error('no criteria in the sample');

    const decide = (body: unknown, cookie = second) =>
      iqaCall(t, cookie, 'POST', `/samples/${sample}/decisions`, body);
    expect((await decide({ criterionId: disputed, verdict: 'met' }, first)).status).toBe(403);
    expect((await decide({ criterionId: 'nope', verdict: 'met' })).status).toBe(404);
    expect((await decide({ criterionId: disputed, verdict: 'maybe' })).status).toBe(400);
    // A verdict can change until the sample is complete.
    expect(
      await json(await decide({ criterionId: disputed, verdict: 'met', reason: 'first go' }), 201),
    ).toEqual({
      criterionId: disputed,
      verdict: 'met',
      reason: 'first go',
      decidedAt: expect.any(String),
    });
    await json(
      await decide({
        criterionId: disputed,
        verdict: flip(firstVerdict(disputed)),
        reason: 'Not shown in the chat',
      }),
      201,
    );
    const early = await iqaCall(t, second, 'POST', `/samples/${sample}/complete`);
    expect(early.status).toBe(rest.length > 0 ? 409 : 200);
    for (const id of rest)
      await json(await decide({ criterionId: id, verdict: firstVerdict(id) }), 201);
    if (rest.length > 0)
      expect(await json(await iqaCall(t, second, 'POST', `/samples/${sample}/complete`))).toEqual({
        sampleId: sample,
        status: 'complete',
        completedAt: expect.any(String),
      });
    expect(await auditActions(2)).toEqual(['iqa.decided', 'iqa.completed']);
    expect((await decide({ criterionId: disputed, verdict: 'met' })).status).toBe(409);
    expect(await json(await iqaCall(t, second, 'GET', '/queue'))).toEqual({ samples: [] });

    const expected = {
      disagreements: [
        {
          sampleId: sample,
          attemptId: attempt,
          learner: { id: w.ids.learner, name: 'Lee Learner' },
          scenario: { id: 'energy-move-in', title: expect.any(String), interactionType: 'bau' },
          submittedAt: expect.any(String),
          rubric: { id: 'core-webchat', version: '1.0.0', title: expect.any(String) },
          criterion: { id: disputed, title: expect.any(String) },
          first: {
            verdict: firstVerdict(disputed),
            reason: expect.toBeOneOf([null, expect.any(String)]),
            assessorId: w.ids.assessor,
            assessorName: 'Ari Assessor',
          },
          second: {
            verdict: flip(firstVerdict(disputed)),
            reason: 'Not shown in the chat',
            assessorId: secondId,
            assessorName: 'Sol Second',
          },
          completedAt: expect.any(String),
        },
      ],
    };
    for (const cookie of [first, second, w.cookies.admin ?? ''])
      expect(await json(await iqaCall(t, cookie, 'GET', '/disagreements'))).toEqual(expected);
    expect(
      await json(await iqaCall(t, w.cookies.foreignAdmin ?? '', 'GET', '/disagreements')),
    ).toEqual({
      disagreements: [],
    });

    // Assessor-vs-assessor agreement joins the agreement report.
    const report = await json<{
      iqa: { raters: unknown; criteria: Array<Record<string, unknown>> };
      rubrics: unknown[];
    }>(await t.app.request('/api/review/agreement', { headers: { cookie: first } }));
    expect(report.iqa.raters).toEqual({ a: 'first_assessor', b: 'second_assessor' });
    const pack = t.deps.content.rubrics.find((r) => r.id === 'core-webchat');
    expect(report.rubrics).toEqual([
      {
        id: 'core-webchat',
        version: '1.0.0',
        title: pack?.title,
        criteria: Object.fromEntries((pack?.criteria ?? []).map((c) => [c.id, c.title])),
      },
    ]);
    expect(report.iqa.criteria.map((c) => [c.criterionId, c.n, c.percentAgreement])).toEqual(
      [...ids].sort().map((id) => [id, 1, id === disputed ? 0 : 100]),
    );
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: expect.any(Number) });
  });

  it('leaves a sample awaiting a second assessor when none is eligible; one can claim it', async () => {
    const setRoles = (roles: string[]) =>
      t.app.request(
        `/api/admin/users/${secondId}/roles`,
        jsonInit('PUT', w.cookies.admin ?? '', { roles }),
      );
    expect((await setRoles(['learner'])).status).toBe(200);
    const { sample } = await signedOffAttempt(t, learner, first);
    const [row] = await t.db
      .select()
      .from(iqaSamples)
      .where(eq(iqaSamples.id, sample ?? ''));
    expect(row?.secondAssessorId).toBeNull();
    expect((await setRoles(['assessor'])).status).toBe(200);
    second = await signIn(t.app, SECOND_ASSESSOR_EMAIL);

    const queue = await json<{ samples: Array<{ awaitingSecondAssessor: boolean }> }>(
      await iqaCall(t, second, 'GET', '/queue'),
    );
    expect(queue.samples.map((s) => s.awaitingSecondAssessor)).toEqual([true]);
    expect((await iqaCall(t, second, 'GET', `/samples/${sample}`)).status).toBe(403);
    expect((await iqaCall(t, first, 'POST', `/samples/${sample}/claim`)).status).toBe(403);
    expect(await json(await iqaCall(t, second, 'POST', `/samples/${sample}/claim`), 201)).toEqual({
      sampleId: sample,
      secondAssessorId: secondId,
    });
    expect(await auditActions(1)).toEqual(['iqa.claimed']);
    expect((await iqaCall(t, second, 'POST', `/samples/${sample}/claim`)).status).toBe(409);
    expect((await iqaCall(t, second, 'GET', `/samples/${sample}`)).status).toBe(200);
    expect(
      (await iqaCall(t, w.cookies.foreignAdmin ?? '', 'GET', `/samples/${sample}`)).status,
    ).toBe(403);
  });

  it('assigns each new sample to the eligible assessor with the fewest pending samples', async () => {
    const third = await createAccount(t.deps.auth, t.db, {
      email: 'assessor3@demo.rapport.test',
      name: 'Tia Third',
      password: TEST_PASSWORD,
      organisationId: w.orgA,
      roles: ['assessor'],
    });
    await signedOffAttempt(t, learner, first);
    await signedOffAttempt(t, learner, first);
    const rows = await t.db.select().from(iqaSamples);
    expect(rows.map((r) => r.secondAssessorId).sort()).toEqual([secondId, third.id].sort());
  });

  it('lets only admins read and set the sample percentage (0-100, audited)', async () => {
    const admin = w.cookies.admin ?? '';
    const put = (body: unknown, cookie = admin) =>
      t.app.request('/api/admin/settings/iqa', jsonInit('PUT', cookie, body));
    expect(
      await json(await t.app.request('/api/admin/settings/iqa', { headers: { cookie: admin } })),
    ).toEqual({ iqaSamplePercent: 100 });
    expect(await json(await put({ iqaSamplePercent: 25 }))).toEqual({ iqaSamplePercent: 25 });
    const [last] = await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({
      action: 'organisation.iqa_settings_changed',
      before: JSON.stringify({ iqaSamplePercent: 100 }),
      after: JSON.stringify({ iqaSamplePercent: 25 }),
    });
    for (const bad of [
      { iqaSamplePercent: 101 },
      { iqaSamplePercent: -1 },
      { iqaSamplePercent: 2.5 },
      {},
    ])
      expect((await put(bad)).status).toBe(400);
    expect((await put({ iqaSamplePercent: 5 }, first)).status).toBe(403);
  });
});
