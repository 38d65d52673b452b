import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreementPeriod } from '#api/services/review/agreement.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { confirmAll, decide, gradedAttempt, reviewOf } from '#tests/helpers/review-api.ts';

describe('AI-vs-assessor agreement', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterEach(() => t.close());

  const report = async (query = '', cookie = w.cookies.assessor ?? '') => {
    const res = await t.app.request(`/api/review/agreement${query}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      criteria: Array<{
        rubric: { id: string; version: string };
        criterionId: string;
        n: number;
        kappa: number | null;
        percentAgreement: number | null;
        confusion: Record<string, number>;
      }>;
    };
  };

  it('gives kappa, % agreement and the confusion matrix per criterion and rubric version', async () => {
    const assessor = w.cookies.assessor ?? '';
    const learner = w.cookies.learner ?? '';
    const first = await gradedAttempt(t, learner);
    const second = await gradedAttempt(t, learner);
    await confirmAll(t, assessor, first, 'core-webchat');
    // On the second attempt the assessor overrides empathy (AI met → not yet) and confirms close.
    const view = await reviewOf(t, assessor, second);
    const core = view.gradings.find((g) => g.rubric.id === 'core-webchat');
    const base = { gradingId: core?.id, expectedVersion: 0 };
    await decide(t, assessor, second, {
      ...base,
      criterionId: 'empathy',
      action: 'override',
      reason: 'Generic apology only',
    });
    await decide(t, assessor, second, { ...base, criterionId: 'close', action: 'confirm' });

    const byId = Object.fromEntries(
      (await report()).criteria
        .filter((c) => c.rubric.id === 'core-webchat')
        .map((c) => [c.criterionId, c]),
    );
    expect(byId.empathy).toEqual({
      rubric: { id: 'core-webchat', version: '1.0.0' },
      criterionId: 'empathy',
      n: 2,
      kappa: 0,
      percentAgreement: 50,
      confusion: { bothMet: 1, aMetBNotYet: 1, aNotYetBMet: 0, bothNotYet: 0 },
    });
    expect(byId.close).toMatchObject({ n: 2, percentAgreement: 100, kappa: null });
    expect(byId.rapport?.n).toBe(1);
    expect((await report('', w.cookies.designer ?? '')).criteria.length).toBeGreaterThan(0);
  });

  it('counts only decisions inside the chosen period', async () => {
    const id = await gradedAttempt(t, w.cookies.learner ?? '');
    await confirmAll(t, w.cookies.assessor ?? '', id, 'core-webchat');
    expect((await report('?from=2026-11-23&to=2026-11-23')).criteria.length).toBeGreaterThan(0);
    expect((await report('?from=2026-11-24')).criteria).toEqual([]);
    expect((await report('?to=2026-11-22')).criteria).toEqual([]);
    const bad = await t.app.request('/api/review/agreement?from=yesterday', {
      headers: { cookie: w.cookies.assessor ?? '' },
    });
    expect(bad.status).toBe(400);
  });

  it('reads a date-only end as the whole of that day', () => {
    expect(agreementPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: new Date('2026-01-01T00:00:00.000Z'),
      to: new Date('2026-02-01T00:00:00.000Z'),
    });
  });
});
