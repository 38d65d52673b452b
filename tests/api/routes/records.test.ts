import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { confirmAll, gradedAttempt, reviewOf } from '#tests/helpers/review-api.ts';
import { signOff } from '#tests/helpers/iqa-api.ts';

interface RecordBody {
  learner: { id: string; name: string };
  standard: Record<string, unknown>;
  summary: Record<string, unknown>;
  criteria: Array<{ id: string; decisions: unknown[] } & Record<string, unknown>>;
}

describe('printable evidence record', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterEach(() => t.close());

  const record = async (cookie: string, learnerId: string, rubricId: string, status = 200) => {
    const res = await t.app.request(`/api/records/learners/${learnerId}/standards/${rubricId}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(status);
    return (await res.json()) as RecordBody;
  };

  it('maps each criterion to standard codes with the confirmed decisions, quotes and sign-off', async () => {
    const learner = w.cookies.learner ?? '';
    const assessor = w.cookies.assessor ?? '';
    const attempt = await gradedAttempt(t, learner);
    await confirmAll(t, assessor, attempt, 'core-webchat');
    await signOff(t, assessor, attempt, 'core-webchat');
    const review = await reviewOf(t, assessor, attempt);
    const security = review.gradings
      .find((g) => g.rubric.id === 'core-webchat')
      ?.criteria.find((c) => c.id === 'security_check');

    const body = await record(learner, w.ids.learner, 'sqa-dn8j');
    expect(body.learner).toEqual({ id: w.ids.learner, name: 'Lee Learner' });
    expect(body.standard).toEqual({
      id: 'sqa-dn8j',
      version: '1.0.0',
      title: expect.any(String),
      code: 'DN8J 11',
      level: expect.any(String),
    });
    expect(body.summary).toEqual({
      criteriaMet: expect.any(Number),
      criteriaAssessable: expect.any(Number),
      criteriaOtherMeans: expect.any(Number),
      interactions: expect.any(Number),
      interactionTypes: expect.any(Array),
      personaTraits: expect.any(Array),
      missingTraits: expect.any(Array),
    });
    // DN8J's legislation criterion reuses the core security check, so the core decision counts.
    const legislation = body.criteria.find((c) => c.id === 'comply_legislation');
    expect(legislation).toEqual({
      id: 'comply_legislation',
      title: expect.any(String),
      standardCodes: ['DN8J 11 Outcome 1e'],
      evidencedBy: expect.any(String),
      status: expect.stringMatching(/^(met|not_yet)$/),
      label: expect.any(String),
      otherEvidence: null,
      needs: expect.any(Array),
      decisions: [
        {
          attemptId: attempt,
          scenario: { id: 'energy-move-in', title: expect.any(String), interactionType: 'bau' },
          rubric: { id: 'core-webchat', version: '1.0.0' },
          criterionId: 'security_check',
          verdict: security?.decision?.verdict,
          action: 'confirm',
          reason: null,
          decidedAt: expect.any(String),
          assessorName: 'Ari Assessor',
          evidence: security?.ai?.evidence,
          signedOff: { at: expect.any(String) },
        },
      ],
    });
    expect(body.criteria.map((c) => c.id)).toEqual(
      t.deps.content.rubrics.find((r) => r.id === 'sqa-dn8j')?.criteria.map((c) => c.id),
    );
  });

  it('is readable by the learner, their coach, assessors and admins only', async () => {
    const path = (learnerId: string) => [learnerId, 'core-webchat'] as const;
    for (const who of ['learner', 'coach', 'assessor', 'admin'] as const)
      await record(w.cookies[who] ?? '', ...path(w.ids.learner));
    for (const who of ['otherLearner', 'coachOfOtherGroup', 'designer', 'foreignAdmin'] as const)
      await record(w.cookies[who] ?? '', ...path(w.ids.learner), 404);
    await record(w.cookies.learner ?? '', w.ids.learner, 'no-such-pack', 404);
    await record(w.cookies.admin ?? '', w.ids.foreignLearner, 'core-webchat', 404);
  });
});
