import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { jsonInit } from '#tests/helpers/roleplay-api.ts';
import { decide, gradedAttempt, reviewOf } from '#tests/helpers/review-api.ts';

describe("a learner's progress over time", () => {
  let t: TestApp;
  let w: World;
  let learner: string;
  let assessor: string;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    learner = w.cookies.learner ?? '';
    assessor = w.cookies.assessor ?? '';
  });
  afterEach(() => t.close());

  const progress = async (cookie = w.cookies.coach ?? '', learnerId = w.ids.learner) => {
    const res = await t.app.request(`/api/coach/learners/${learnerId}/progress`, {
      headers: { cookie },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const decideCore = async (attemptId: string, criterionId: string, extra: object) => {
    const grading = (await reviewOf(t, assessor, attemptId)).gradings.find(
      (g) => g.rubric.id === 'core-webchat',
    );
    const res = await decide(t, assessor, attemptId, {
      gradingId: grading?.id,
      criterionId,
      expectedVersion: 0,
      ...extra,
    });
    expect(res.status).toBe(201);
  };

  it('counts met criteria per graded attempt, assessor decisions over AI verdicts, leaving out void and ungraded ones', async () => {
    const first = await gradedAttempt(t, learner);
    t.clock.advance(60_000);
    const second = await gradedAttempt(t, learner, { scenarioId: 'bank-card-blocked' });
    // The assessor overrides one AI "not yet" and confirms one "met".
    await decideCore(second, 'greeting', { action: 'override', reason: 'Greeted by name' });
    await decideCore(second, 'empathy', { action: 'confirm' });
    t.clock.advance(60_000);
    const voided = await gradedAttempt(t, learner);
    const res = await t.app.request(
      `/api/review/attempts/${voided}/void`,
      jsonInit('POST', assessor, { reason: 'The persona contradicted the scenario' }),
    );
    expect(res.status).toBe(201);
    t.clock.advance(60_000);
    await gradedAttempt(t, learner, { grade: false });

    const { status, body } = await progress();
    expect(status).toBe(200);
    expect(body).toEqual({
      learner: { id: w.ids.learner, name: 'Lee Learner' },
      attempts: [
        {
          attemptId: first,
          date: '2026-11-23T09:00:00.000Z',
          scenario: { id: 'energy-move-in', title: 'Setting up power at a new flat' },
          interactionType: 'bau',
          traits: ['calm'],
          met: 3,
          total: 7,
          confirmed: 0,
          basis: 'ai',
        },
        {
          attemptId: second,
          date: '2026-11-23T09:01:00.000Z',
          scenario: {
            id: 'bank-card-blocked',
            title: "Student's debit card blocked the day before rent is due",
          },
          interactionType: 'complex',
          traits: ['multilingual', 'stressed'],
          // The AI's three "met", plus the greeting the assessor overrode to met.
          met: 4,
          total: 7,
          confirmed: 2,
          basis: 'mixed',
        },
      ],
      byTrait: expect.any(Array),
      byInteractionType: expect.any(Array),
    });
    // Over attempts of every trait and type: one calm bau chat, one multilingual stressed complex one.
    expect(body.byInteractionType).toEqual([
      { interactionType: 'bau', attempts: 1, met: 3, total: 7, metRate: 0.429 },
      { interactionType: 'complex', attempts: 1, met: 4, total: 7, metRate: 0.571 },
    ]);
    expect(body.byTrait).toEqual([
      { trait: 'calm', attempts: 1, met: 3, total: 7, metRate: 0.429 },
      { trait: 'multilingual', attempts: 1, met: 4, total: 7, metRate: 0.571 },
      { trait: 'stressed', attempts: 1, met: 4, total: 7, metRate: 0.571 },
    ]);
  });

  it('says an attempt is confirmed once every counted criterion is decided', async () => {
    const id = await gradedAttempt(t, learner);
    const grading = (await reviewOf(t, assessor, id)).gradings.find(
      (g) => g.rubric.id === 'core-webchat',
    );
    for (const c of grading?.criteria ?? []) {
      if (c.ai?.verdict) await decideCore(id, c.id, { action: 'confirm' });
    }
    const { body } = await progress();
    expect(body.attempts).toEqual([
      expect.objectContaining({ met: 3, total: 7, confirmed: 7, basis: 'confirmed' }),
    ]);
  });

  it('is readable by the learner’s coach, assessors and admins of the organisation only', async () => {
    await gradedAttempt(t, learner);
    expect((await progress(w.cookies.coachOfOtherGroup)).status).toBe(404);
    expect((await progress(w.cookies.foreignAdmin)).status).toBe(404);
    expect((await progress(w.cookies.learner)).status).toBe(403);
    expect((await progress(assessor)).status).toBe(200);
    expect((await progress(w.cookies.admin)).status).toBe(200);
    expect((await progress(w.cookies.coach, w.ids.foreignLearner)).status).toBe(404);
    expect((await progress(w.cookies.coach, w.ids.otherLearner)).status).toBe(404);
  });

  it('shows an empty record for a learner with no graded attempts', async () => {
    expect((await progress()).body).toEqual({
      learner: { id: w.ids.learner, name: 'Lee Learner' },
      attempts: [],
      byTrait: [],
      byInteractionType: [],
    });
  });
});
