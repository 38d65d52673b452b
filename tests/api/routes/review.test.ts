import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { auditLog, gradings } from '#api/db/schema.ts';
import { createAccount } from '#api/services/accounts.ts';
import { verifyAuditChain } from '#api/services/audit.ts';
import { createTestApp, signIn, TEST_PASSWORD, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { jsonInit } from '#tests/helpers/roleplay-api.ts';
import {
  confirmAll,
  decide,
  gradedAttempt,
  reviewOf,
  type ReviewBody,
} from '#tests/helpers/review-api.ts';

describe('assessor review', () => {
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

  const core = (view: ReviewBody) => {
    const g = view.gradings.find((x) => x.rubric.id === 'core-webchat');
    if (!g) throw new Error('no core grading');
    return g;
  };
  const criterion = (view: ReviewBody, id: string) => {
    const c = core(view).criteria.find((x) => x.id === id);
    if (!c) throw new Error(`no ${id}`);
    return c;
  };
  const queue = async () => {
    const res = await t.app.request('/api/review/queue', { headers: { cookie: assessor } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { attempts: Array<Record<string, unknown>> }).attempts;
  };
  const lastAudit = async () =>
    (await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0];

  it('queues flagged attempts first, then oldest first, and shows unfinished gradings', async () => {
    const plain = await gradedAttempt(t, learner);
    t.clock.advance(60_000);
    const abandoned = await gradedAttempt(t, learner, { lines: ['hi'] });
    t.clock.advance(60_000);
    const pending = await gradedAttempt(t, learner, { grade: false });
    const rows = await queue();
    expect(rows.map((r) => [r.attemptId, r.status, r.flags])).toEqual([
      [abandoned, 'awaiting_confirmation', ['abandoned']],
      [plain, 'awaiting_confirmation', []],
      [pending, 'grading', []],
    ]);
    expect(rows[0]).toMatchObject({
      learner: { id: w.ids.learner, name: 'Lee Learner' },
      scenario: { id: 'energy-move-in', interactionType: 'bau' },
      flagged: true,
    });
  });

  it('shows a failed grading as flagged grading_failed', async () => {
    const id = await gradedAttempt(t, learner);
    await t.db
      .update(gradings)
      .set({ status: 'grading_failed', result: null, reason: 'model unreachable' })
      .where(eq(gradings.attemptId, id));
    expect((await queue()).map((r) => [r.status, r.flags])).toEqual([
      ['awaiting_confirmation', ['grading_failed']],
    ]);
  });

  it('stores a confirmation apart from the AI judgement and audits it', async () => {
    const id = await gradedAttempt(t, learner);
    const before = criterion(await reviewOf(t, assessor, id), 'empathy');
    const res = await decide(t, assessor, id, {
      gradingId: core(await reviewOf(t, assessor, id)).id,
      criterionId: 'empathy',
      action: 'confirm',
      expectedVersion: 0,
    });
    expect(res.status).toBe(201);
    const after = criterion(await reviewOf(t, assessor, id), 'empathy');
    expect(after.ai).toEqual(before.ai);
    expect(after.decision).toMatchObject({
      action: 'confirm',
      aiVerdict: 'met',
      verdict: 'met',
      version: 1,
      reason: null,
      assessorName: 'Ari Assessor',
    });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: 'decision.confirmed',
      actorId: w.ids.assessor,
      entityType: 'criterion_decision',
    });
    expect(JSON.parse(audit?.before ?? 'null')).toEqual({ aiVerdict: 'met' });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({ verdict: 'met', version: 1 });
  });

  it('needs a reason to override, flips the verdict, and verifies evidence quotes', async () => {
    const id = await gradedAttempt(t, learner);
    const gradingId = core(await reviewOf(t, assessor, id)).id;
    const base = { gradingId, criterionId: 'options', action: 'override', expectedVersion: 0 };
    const noReason = await decide(t, assessor, id, base);
    expect([
      noReason.status,
      ((await noReason.json()) as { error: { code: string } }).error.code,
    ]).toEqual([400, 'VALIDATION_FAILED']);
    const customerQuote = await decide(t, assessor, id, {
      ...base,
      reason: 'Offers two options and asks which she prefers',
      evidence: [{ turn: 6, quote: 'Thank you for actually listening' }],
    });
    expect(customerQuote.status).toBe(400);
    const ok = await decide(t, assessor, id, {
      ...base,
      reason: 'Offers two options and asks which she prefers',
      evidence: [{ turn: 5, quote: 'Which would you prefer?' }],
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      action: 'override',
      aiVerdict: 'not_yet',
      verdict: 'met',
      reason: 'Offers two options and asks which she prefers',
      evidence: [{ turn: 5, quote: 'Which would you prefer?' }],
    });
    expect((await lastAudit())?.action).toBe('decision.overridden');
  });

  it('lets an assessor decide a criterion the grader could not judge, giving the verdict', async () => {
    const id = await gradedAttempt(t, learner);
    const view = await reviewOf(t, assessor, id);
    const gpo1 = view.gradings.find((g) => g.rubric.id === 'nz-cc-gpo1');
    const useSystems = gpo1?.criteria.find((c) => c.id === 'use_systems');
    expect(useSystems?.ai).toBeNull();
    expect(gpo1?.criteria.map((c) => c.id)).not.toContain('working_relationships');
    const res = await decide(t, assessor, id, {
      gradingId: gpo1?.id,
      criterionId: 'use_systems',
      action: 'override',
      verdict: 'not_yet',
      reason: 'No CRM record was opened',
      expectedVersion: 0,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ aiVerdict: null, verdict: 'not_yet' });
  });

  it('signs off only when every judged criterion is decided, then locks it', async () => {
    const id = await gradedAttempt(t, learner);
    const signOff = () =>
      t.app.request(
        `/api/review/attempts/${id}/sign-offs`,
        jsonInit('POST', assessor, { rubricId: 'core-webchat' }),
      );
    const early = await signOff();
    expect(early.status).toBe(409);
    await confirmAll(t, assessor, id, 'core-webchat');
    expect((await signOff()).status).toBe(201);
    expect((await lastAudit())?.action).toBe('attempt.signed_off');
    expect((await signOff()).status).toBe(409);

    const view = await reviewOf(t, assessor, id);
    expect(core(view).signedOff).toBe(true);
    const empathy = criterion(view, 'empathy');
    const base = {
      gradingId: core(view).id,
      criterionId: 'empathy',
      action: 'override',
      expectedVersion: empathy.version,
    };
    const unreasoned = await decide(t, assessor, id, { ...base, action: 'confirm' });
    expect(unreasoned.status).toBe(409);
    const reasoned = await decide(t, assessor, id, {
      ...base,
      reason: 'On second marking the apology is generic',
    });
    expect(reasoned.status).toBe(201);
    const after = criterion(await reviewOf(t, assessor, id), 'empathy');
    expect(after.decision).toMatchObject({ verdict: 'not_yet', version: 2, afterSignOff: true });
    expect(after.history.map((h) => [h.version, h.verdict])).toEqual([
      [1, 'met'],
      [2, 'not_yet'],
    ]);
    expect(after.history[1]?.supersedesId).toBe((after.history[0] as { id?: string }).id);
  });

  it('voids an attempt with a reason: it leaves the queue and takes no more decisions', async () => {
    const id = await gradedAttempt(t, learner);
    const voidIt = (reason: string) =>
      t.app.request(`/api/review/attempts/${id}/void`, jsonInit('POST', assessor, { reason }));
    expect((await voidIt('')).status).toBe(400);
    expect((await voidIt('The persona broke character at turn 4')).status).toBe(201);
    expect((await voidIt('again')).status).toBe(409);
    expect(await queue()).toEqual([]);
    const view = await reviewOf(t, assessor, id);
    expect(view.voided).toMatchObject({ reason: 'The persona broke character at turn 4' });
    const res = await decide(t, assessor, id, {
      gradingId: core(view).id,
      criterionId: 'empathy',
      action: 'confirm',
      expectedVersion: 0,
    });
    expect(res.status).toBe(409);
    expect(JSON.parse((await lastAudit())?.after ?? 'null')).toEqual({
      voided: true,
      reason: 'The persona broke character at turn 4',
    });
  });

  it('never lets an assessor confirm their own attempt', async () => {
    await createAccount(t.deps.auth, t.db, {
      email: 'both@demo.rapport.test',
      name: 'Bo Both',
      password: TEST_PASSWORD,
      organisationId: w.orgA,
      roles: ['learner', 'assessor'],
    });
    const both = await signIn(t.app, 'both@demo.rapport.test');
    const own = await gradedAttempt(t, both);
    const view = await reviewOf(t, both, own);
    const res = await decide(t, both, own, {
      gradingId: core(view).id,
      criterionId: 'empathy',
      action: 'confirm',
      expectedVersion: 0,
    });
    expect(res.status).toBe(403);
    const rows = (await (
      await t.app.request('/api/review/queue', { headers: { cookie: both } })
    ).json()) as { attempts: unknown[] };
    expect(rows.attempts).toEqual([]);
  });

  it('records coach comments on a turn and a criterion, shown in the review', async () => {
    const id = await gradedAttempt(t, learner);
    const coach = w.cookies.coach ?? '';
    const post = (body: unknown) =>
      t.app.request(`/api/review/attempts/${id}/comments`, jsonInit('POST', coach, body));
    expect((await post({ turn: 1, body: 'Good, warm opening.' })).status).toBe(201);
    expect(
      (
        await post({
          rubricId: 'core-webchat',
          criterionId: 'close',
          body: 'Summarise next steps.',
        })
      ).status,
    ).toBe(201);
    expect((await post({ turn: 99, body: 'x' })).status).toBe(404);
    expect(
      (await post({ turn: 1, rubricId: 'core-webchat', criterionId: 'close', body: 'x' })).status,
    ).toBe(400);
    const view = await reviewOf(t, coach, id);
    expect(view.comments.map((c) => [c.turn, c.criterionId, c.body])).toEqual([
      [1, null, 'Good, warm opening.'],
      [null, 'close', 'Summarise next steps.'],
    ]);
    expect((await lastAudit())?.action).toBe('comment.added');
  });

  it('audit:verify detects a tampered review entry', async () => {
    const id = await gradedAttempt(t, learner);
    await confirmAll(t, assessor, id, 'core-webchat');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const audit = await lastAudit();
    await t.db.run(
      sql`update audit_log set after = '{"verdict":"met"}' where seq = ${audit?.seq ?? 0}`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      brokenAt: audit?.seq,
      reason: 'row content does not match its hash',
    });
  });

  describe('on a database with several connections', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rapport-review-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('gives the second of two concurrent confirmations 409 CONFLICT', async () => {
      const f = await createTestApp({ databaseUrl: `file:${join(dir, 'race.db')}` });
      const fw = await buildWorld(f);
      const id = await gradedAttempt(f, fw.cookies.learner ?? '');
      const assessor = fw.cookies.assessor ?? '';
      const gradingId = core(await reviewOf(f, assessor, id)).id;
      const body = { gradingId, criterionId: 'empathy', action: 'confirm', expectedVersion: 0 };
      const results = await Promise.all([
        decide(f, assessor, id, body),
        decide(f, assessor, id, body),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const stale = await decide(f, assessor, id, body);
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as { error: { details: unknown } }).error.details).toEqual({
        currentVersion: 1,
      });
      expect(criterion(await reviewOf(f, assessor, id), 'empathy').history).toHaveLength(1);
      f.close();
    });
  });
});
