import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { auditLog } from '#api/db/schema.ts';
import { DEMO_GROUP_ID } from '#api/services/demo-seed.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { jsonInit } from '#tests/helpers/roleplay-api.ts';
import { confirmAll, decide, gradedAttempt, reviewOf } from '#tests/helpers/review-api.ts';

describe('coach queue and assignments', () => {
  let t: TestApp;
  let w: World;
  let coach: string;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    coach = w.cookies.coach ?? '';
  });
  afterEach(() => t.close());

  const queue = async (query = '', cookie = coach) => {
    const res = await t.app.request(`/api/coach/queue${query}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { attempts: Array<{ attemptId: string; status: string }> })
      .attempts;
  };

  it("lists only the coach's learners' attempts, filtered by learner, scenario and status", async () => {
    const learner = w.cookies.learner ?? '';
    await gradedAttempt(t, w.cookies.otherLearner ?? '');
    const graded = await gradedAttempt(t, learner);
    t.clock.advance(60_000);
    const pending = await gradedAttempt(t, learner, { grade: false });
    expect((await queue()).map((a) => [a.attemptId, a.status])).toEqual([
      [pending, 'grading'],
      [graded, 'graded'],
    ]);
    expect((await queue('?status=graded')).map((a) => a.attemptId)).toEqual([graded]);
    expect(await queue(`?learnerId=${w.ids.otherLearner}`)).toEqual([]);
    expect(await queue('?scenarioId=bank-card-blocked')).toEqual([]);
    expect((await queue('', w.cookies.coachOfOtherGroup ?? '')).length).toBe(1);
  });

  it("filters by a criterion's current verdict: the assessor's where one decided, else the AI's", async () => {
    const id = await gradedAttempt(t, w.cookies.learner ?? '');
    const assessor = w.cookies.assessor ?? '';
    const view = await reviewOf(t, assessor, id);
    const core = view.gradings.find((g) => g.rubric.id === 'core-webchat');
    // A criterion the AI found met that no other pack judges under the same id.
    const criterion = core?.criteria.find(
      (c) =>
        c.ai?.verdict === 'met' &&
        view.gradings.every((g) => g === core || g.criteria.every((o) => o.id !== c.id)),
    );
    if (!core || !criterion) throw new Error('no core criterion met by the AI alone');
    const ids = async (query: string) => (await queue(query)).map((a) => a.attemptId);
    expect(await ids(`?criterionId=${criterion.id}`)).toEqual([id]);
    expect(await ids(`?criterionId=${criterion.id}&verdict=met`)).toEqual([id]);
    expect(await ids(`?criterionId=${criterion.id}&verdict=not_yet`)).toEqual([]);
    expect(await ids('?criterionId=no_such_criterion')).toEqual([]);
    const res = await decide(t, assessor, id, {
      gradingId: core.id,
      criterionId: criterion.id,
      expectedVersion: 0,
      action: 'override',
      reason: 'The acknowledgement was generic, not about this customer',
    });
    expect(res.status).toBe(201);
    expect(await ids(`?criterionId=${criterion.id}&verdict=not_yet`)).toEqual([id]);
    expect(await ids(`?criterionId=${criterion.id}&verdict=met`)).toEqual([]);
    const bad = await t.app.request('/api/coach/queue?criterionId=%3Cscript%3E', {
      headers: { cookie: coach },
    });
    expect(bad.status).toBe(400);
  });

  it('shows signed-off attempts as signed_off', async () => {
    const id = await gradedAttempt(t, w.cookies.learner ?? '');
    const assessor = w.cookies.assessor ?? '';
    for (const rubricId of ['core-webchat', 'nz-cc-gpo1', 'sqa-dn8j', 'bsbcco307a']) {
      await confirmAll(t, assessor, id, rubricId);
      const res = await t.app.request(
        `/api/review/attempts/${id}/sign-offs`,
        jsonInit('POST', assessor, { rubricId }),
      );
      expect(res.status).toBe(201);
    }
    expect((await queue()).map((a) => a.status)).toEqual(['signed_off']);
  });

  it('assigns a scenario to a learner or a group, and the learner sees it with the due date', async () => {
    const assign = (body: unknown, cookie = coach) =>
      t.app.request('/api/coach/assignments', jsonInit('POST', cookie, body));
    expect(
      (
        await assign({
          scenarioId: 'bank-card-blocked',
          learnerId: w.ids.learner,
          dueDate: '2026-12-01',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await assign({
          scenarioId: 'energy-move-in',
          groupId: DEMO_GROUP_ID,
          dueDate: '2026-12-05',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await assign({
          scenarioId: 'energy-move-in',
          learnerId: w.ids.otherLearner,
          dueDate: '2026-12-05',
        })
      ).status,
    ).toBe(404);
    expect((await assign({ scenarioId: 'energy-move-in', dueDate: '2026-12-05' })).status).toBe(
      400,
    );
    const scenarios = async (cookie: string) =>
      (
        (await (await t.app.request('/api/scenarios', { headers: { cookie } })).json()) as {
          scenarios: Array<{ id: string; assigned: boolean; dueDate: string | null }>;
        }
      ).scenarios
        .filter((s) => s.assigned)
        .map((s) => [s.id, s.dueDate]);
    expect(await scenarios(w.cookies.learner ?? '')).toEqual([
      ['bank-card-blocked', '2026-12-01'],
      ['energy-move-in', '2026-12-05'],
    ]);
    expect(await scenarios(w.cookies.otherLearner ?? '')).toEqual([]);
  });

  it("lists the coach's groups with their learners", async () => {
    const res = await t.app.request('/api/coach/groups', { headers: { cookie: coach } });
    expect(await res.json()).toEqual({
      groups: [
        {
          id: DEMO_GROUP_ID,
          name: 'Demo team',
          learners: [{ id: w.ids.learner, name: 'Lee Learner' }],
        },
      ],
    });
  });

  it('lists the assignments of the coach’s groups and learners, and cancels one (audited)', async () => {
    const assign = (body: unknown, cookie = coach) =>
      t.app.request('/api/coach/assignments', jsonInit('POST', cookie, body));
    const toLearner = (await (
      await assign({
        scenarioId: 'bank-card-blocked',
        learnerId: w.ids.learner,
        dueDate: '2026-12-03',
      })
    ).json()) as { id: string };
    const toGroup = (await (
      await assign({ scenarioId: 'energy-move-in', groupId: DEMO_GROUP_ID, dueDate: '2026-12-01' })
    ).json()) as { id: string };
    const other = w.cookies.coachOfOtherGroup ?? '';
    await assign(
      { scenarioId: 'energy-move-in', learnerId: w.ids.otherLearner, dueDate: '2026-12-02' },
      other,
    );
    const list = async (cookie = coach) =>
      (
        (await (await t.app.request('/api/coach/assignments', { headers: { cookie } })).json()) as {
          assignments: unknown[];
        }
      ).assignments;
    expect(await list()).toEqual([
      {
        id: toGroup.id,
        scenario: { id: 'energy-move-in', title: 'Setting up power at a new flat' },
        learner: null,
        group: { id: DEMO_GROUP_ID, name: 'Demo team' },
        dueDate: '2026-12-01',
        assignedBy: { id: w.ids.coach, name: 'Casey Coach' },
        createdAt: '2026-11-23T09:00:00.000Z',
      },
      {
        id: toLearner.id,
        scenario: {
          id: 'bank-card-blocked',
          title: "Student's debit card blocked the day before rent is due",
        },
        learner: { id: w.ids.learner, name: 'Lee Learner' },
        group: null,
        dueDate: '2026-12-03',
        assignedBy: { id: w.ids.coach, name: 'Casey Coach' },
        createdAt: '2026-11-23T09:00:00.000Z',
      },
    ]);
    expect((await list(other)).length).toBe(1);

    const cancel = (id: string, cookie = coach) =>
      t.app.request(`/api/coach/assignments/${id}`, { method: 'DELETE', headers: { cookie } });
    expect((await cancel(toLearner.id, other)).status).toBe(404);
    const res = await cancel(toLearner.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: toLearner.id, cancelled: true });
    expect((await cancel(toLearner.id)).status).toBe(404);
    expect(((await list()) as Array<{ id: string }>).map((a) => a.id)).toEqual([toGroup.id]);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(audit).toMatchObject({
      action: 'assignment.cancelled',
      entityId: toLearner.id,
      actorId: w.ids.coach,
    });
    expect(JSON.parse(audit?.before ?? 'null')).toEqual({
      scenarioId: 'bank-card-blocked',
      learnerId: w.ids.learner,
      groupId: null,
      dueDate: '2026-12-03',
      assignedBy: w.ids.coach,
    });
    const scenarios = (await (
      await t.app.request('/api/scenarios', { headers: { cookie: w.cookies.learner ?? '' } })
    ).json()) as { scenarios: Array<{ id: string; assigned: boolean }> };
    expect(scenarios.scenarios.filter((s) => s.assigned).map((s) => s.id)).toEqual([
      'energy-move-in',
    ]);
  });
});
