import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog, organisations } from '#api/db/schema.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { jsonInit } from '#tests/helpers/roleplay-api.ts';
import { decide, gradedAttempt, reviewOf } from '#tests/helpers/review-api.ts';

interface FeedbackCriterion {
  id: string;
  state: string;
  provisional: boolean;
  verdict: string | null;
  evidence: Array<{ turn: number | 'caseNotes'; quote: string }>;
  assessorReason: string | null;
}
interface Feedback {
  gradings: Array<{ rubric: { id: string }; criteria: FeedbackCriterion[] }>;
}

describe('learner feedback and portfolio', () => {
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

  const feedback = async (id: string) => {
    const res = await t.app.request(`/api/portfolio/attempts/${id}/feedback`, {
      headers: { cookie: learner },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Feedback;
  };
  const coreCriterion = (f: Feedback, id: string) =>
    f.gradings.find((g) => g.rubric.id === 'core-webchat')?.criteria.find((c) => c.id === id);
  const decideCore = async (
    attemptId: string,
    criterionId: string,
    extra: Record<string, unknown>,
  ) => {
    const view = await reviewOf(t, assessor, attemptId);
    const grading = view.gradings.find((g) => g.rubric.id === 'core-webchat');
    const res = await decide(t, assessor, attemptId, {
      gradingId: grading?.id,
      criterionId,
      expectedVersion: 0,
      ...extra,
    });
    expect(res.status).toBe(201);
  };

  it('shows AI feedback as provisional until confirmed, then the confirmed verdict with quotes', async () => {
    const id = await gradedAttempt(t, learner);
    expect(coreCriterion(await feedback(id), 'empathy')).toEqual({
      id: 'empathy',
      title: expect.any(String),
      state: 'provisional',
      provisional: true,
      verdict: 'met',
      feedback: expect.any(String),
      assessorReason: null,
      evidence: [
        {
          turn: 1,
          quote: "I'm sorry the move has been stressful — let's get your power sorted today.",
        },
      ],
      decidedAt: null,
    });
    await decideCore(id, 'empathy', { action: 'confirm' });
    await decideCore(id, 'options', {
      action: 'override',
      reason: 'Two options offered and a choice asked for',
      evidence: [{ turn: 5, quote: 'Which would you prefer?' }],
    });
    const after = await feedback(id);
    expect(coreCriterion(after, 'empathy')).toMatchObject({
      state: 'confirmed',
      provisional: false,
      verdict: 'met',
    });
    expect(coreCriterion(after, 'options')).toMatchObject({
      state: 'overridden',
      verdict: 'met',
      assessorReason: 'Two options offered and a choice asked for',
      evidence: [{ turn: 5, quote: 'Which would you prefer?' }],
    });
  });

  it('hides unconfirmed AI judgements when the organisation shows feedback only after confirmation', async () => {
    const set = await t.app.request(
      '/api/admin/settings/feedback',
      jsonInit('PUT', w.cookies.admin ?? '', { feedbackVisibility: 'after_confirmation' }),
    );
    expect(await set.json()).toEqual({ feedbackVisibility: 'after_confirmation' });
    const id = await gradedAttempt(t, learner);
    expect(coreCriterion(await feedback(id), 'empathy')).toMatchObject({
      state: 'awaiting_confirmation',
      verdict: null,
      evidence: [],
    });
    await decideCore(id, 'empathy', { action: 'confirm' });
    expect(coreCriterion(await feedback(id), 'empathy')).toMatchObject({
      state: 'confirmed',
      verdict: 'met',
    });
  });

  it('lets only admins read and change the feedback setting (validated, audited)', async () => {
    const admin = w.cookies.admin ?? '';
    const put = (body: unknown, cookie = admin) =>
      t.app.request('/api/admin/settings/feedback', jsonInit('PUT', cookie, body));
    const read = await t.app.request('/api/admin/settings/feedback', {
      headers: { cookie: admin },
    });
    expect(await read.json()).toEqual({ feedbackVisibility: 'provisional' });
    expect((await put({ feedbackVisibility: 'later' })).status).toBe(400);
    expect((await put({ feedbackVisibility: 'provisional', extra: 1 })).status).toBe(400);
    expect((await put({ feedbackVisibility: 'after_confirmation' }, assessor)).status).toBe(403);
    expect((await put({ feedbackVisibility: 'after_confirmation' })).status).toBe(200);
    const [last] = await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({
      actorId: w.ids.admin,
      action: 'organisation.feedback_settings_changed',
      before: JSON.stringify({ feedbackVisibility: 'provisional' }),
      after: JSON.stringify({ feedbackVisibility: 'after_confirmation' }),
    });
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgA));
    expect(org?.feedbackVisibility).toBe('after_confirmation');
  });

  it('counts confirmed core criteria for the standards that reuse them, and never a void attempt', async () => {
    const id = await gradedAttempt(t, learner);
    await decideCore(id, 'security_check', { action: 'confirm' });
    const portfolio = async (cookie = learner, path = '/api/portfolio') => {
      const res = await t.app.request(path, { headers: { cookie } });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        confirmedInteractions: number;
        standards: Array<{
          id: string;
          criteria: Array<{
            id: string;
            interactions: number;
            interactionTypes: string[];
            personaTraits: string[];
            needs: string[];
          }>;
        }>;
      };
    };
    const comply = (p: Awaited<ReturnType<typeof portfolio>>) =>
      p.standards
        .find((s) => s.id === 'sqa-dn8j')
        ?.criteria.find((c) => c.id === 'comply_legislation');
    const before = await portfolio();
    expect(before.confirmedInteractions).toBe(1);
    expect(comply(before)).toMatchObject({
      interactions: 1,
      interactionTypes: ['bau'],
      personaTraits: expect.any(Array),
      needs: ['DN8J 11: 1 of 3 interactions', 'DN8J 11: 1 of 3 different interaction types'],
    });
    const coachView = await portfolio(
      w.cookies.coach ?? '',
      `/api/portfolio/learners/${w.ids.learner}`,
    );
    expect(comply(coachView)?.interactions).toBe(1);
    await t.app.request(
      `/api/review/attempts/${id}/void`,
      jsonInit('POST', assessor, { reason: 'Persona revealed its card' }),
    );
    const after = await portfolio();
    expect([after.confirmedInteractions, comply(after)?.interactions]).toEqual([0, 0]);
  });
});
