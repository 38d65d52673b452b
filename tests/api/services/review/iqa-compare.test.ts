import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completedIqaPairs, iqaAgreement } from '#api/services/review/iqa-compare.ts';
import { createTestApp, signIn, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { decide, reviewOf } from '#tests/helpers/review-api.ts';
import {
  iqaCall,
  SECOND_ASSESSOR_EMAIL,
  setIqaPercent,
  signedOffAttempt,
} from '#tests/helpers/iqa-api.ts';

describe('first vs second marking', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    await setIqaPercent(t, w.orgA, 100);
  });
  afterEach(() => t.close());

  /** Signs off, second-marks every criterion `met`, completes; returns ids and criteria. */
  async function completedSample() {
    const first = w.cookies.assessor ?? '';
    const second = await signIn(t.app, SECOND_ASSESSOR_EMAIL);
    const { attempt, sample } = await signedOffAttempt(t, w.cookies.learner ?? '', first);
    const view = (await (await iqaCall(t, second, 'GET', `/samples/${sample}`)).json()) as {
      criteria: Array<{ id: string }>;
    };
    for (const c of view.criteria)
      await iqaCall(t, second, 'POST', `/samples/${sample}/decisions`, {
        criterionId: c.id,
        verdict: 'met',
      });
    t.clock.advance(60_000);
    expect((await iqaCall(t, second, 'POST', `/samples/${sample}/complete`)).status).toBe(200);
    return { attempt, sample: sample ?? '', criteria: view.criteria.map((c) => c.id) };
  }

  it('compares with the verdict signed off, not a change made after sign-off', async () => {
    const { attempt, criteria } = await completedSample();
    const review = await reviewOf(t, w.cookies.assessor ?? '', attempt);
    const core = review.gradings.find((g) => g.rubric.id === 'core-webchat');
    const target = core?.criteria.find((c) => c.id === criteria[0]);
    const before = await completedIqaPairs(t.deps, w.orgA);
    const signedVerdict = before.find((p) => p.criterionId === criteria[0])?.first.verdict;
    expect(signedVerdict).toBe(target?.decision?.verdict);

    t.clock.advance(60_000);
    const res = await decide(t, w.cookies.assessor ?? '', attempt, {
      gradingId: core?.id,
      criterionId: criteria[0],
      action: target?.decision?.verdict === target?.ai?.verdict ? 'override' : 'confirm',
      reason: 'Changed my mind after sign-off',
      expectedVersion: target?.version,
    });
    expect(res.status).toBe(201);
    const after = await completedIqaPairs(t.deps, w.orgA);
    expect(after).toEqual(before);
  });

  it('counts samples by completion date in the agreement period', async () => {
    const { criteria } = await completedSample();
    const all = await iqaAgreement(t.deps, w.orgA, { from: new Date(0), to: new Date(8.64e15) });
    expect(all.criteria.map((c) => c.criterionId)).toEqual([...criteria].sort());
    expect(all.criteria.every((c) => c.n === 1)).toBe(true);
    const later = await iqaAgreement(t.deps, w.orgA, {
      from: new Date(t.clock.now().getTime() + 1),
      to: new Date(8.64e15),
    });
    expect(later.criteria).toEqual([]);
    const foreign = await iqaAgreement(t.deps, w.orgB, {
      from: new Date(0),
      to: new Date(8.64e15),
    });
    expect(foreign.criteria).toEqual([]);
  });
});
