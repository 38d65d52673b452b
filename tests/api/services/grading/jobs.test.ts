import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { gradings } from '#api/db/schema.ts';
import { verifyAuditChain } from '#api/services/audit.ts';
import {
  backoffMs,
  MAX_GRADING_TRIES,
  queueRubrics,
  runDueGradings,
} from '#api/services/grading/jobs.ts';
import { loadAttemptFor } from '#api/services/roleplay/access.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { endAs, jsonInit, readReply, sendAs, startAttemptAs } from '#tests/helpers/roleplay-api.ts';

describe('durable grading jobs', () => {
  let t: TestApp;
  let w: World;
  let cookie: string;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    cookie = w.cookies.learner ?? '';
  });
  afterEach(() => t.close());

  async function submittedAttempt(): Promise<string> {
    const id = await startAttemptAs(t, cookie);
    const reply = await sendAs(
      t,
      cookie,
      id,
      "Hi Aroha, thanks for messaging. I'm sorry the move has been stressful — let's get your power sorted today.",
    );
    await readReply(t, cookie, id, reply);
    await endAs(t, cookie, id);
    await t.app.request(
      `/api/attempts/${id}/case-notes`,
      jsonInit('PUT', cookie, {
        needed: 'Power on at new address',
        done: 'Booked read',
        agreed: 'Connection Saturday',
      }),
    );
    const res = await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', cookie));
    expect(res.status).toBe(200);
    return id;
  }

  const statuses = async (id: string) =>
    (await t.db.select().from(gradings).where(eq(gradings.attemptId, id)))
      .map((g) => `${g.rubricId}:${g.status}`)
      .sort();

  it('queues one grading per rubric pack of the scenario on submit and grades them', async () => {
    const id = await submittedAttempt();
    const scenario = t.deps.content.scenarios.find((s) => s.id === 'energy-move-in');
    // Submitting kicks the jobs in the background; run what is still due to finish deterministically.
    await runDueGradings(t.deps);
    expect(await statuses(id)).toEqual((scenario?.rubrics ?? []).map((r) => `${r}:graded`).sort());
    const view = (await (
      await t.app.request(`/api/attempts/${id}`, { headers: { cookie } })
    ).json()) as {
      gradings: Array<{
        rubric: { id: string };
        status: string;
        provisional: boolean;
        result: { criteria: Array<{ id: string; verdict: string }> } | null;
      }>;
    };
    const core = view.gradings.find((g) => g.rubric.id === 'core-webchat');
    expect(core?.status).toBe('graded');
    expect(core?.provisional).toBe(true);
    expect(core?.result?.criteria.map((c) => c.id)).toEqual(
      expect.arrayContaining(['rapport', 'empathy', 'options', 'follow_up_recorded']),
    );
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('a repeated submit queues nothing new', async () => {
    const id = await submittedAttempt();
    const before = await statuses(id);
    await t.app.request(`/api/attempts/${id}/submit`, jsonInit('POST', cookie));
    expect((await statuses(id)).length).toBe(before.length);
  });

  it('resumes a job left running by a crashed instance once its lease lapses', async () => {
    const id = await submittedAttempt();
    await t.db
      .update(gradings)
      .set({ status: 'running', leaseUntil: new Date(t.clock.now().getTime() + 60_000) })
      .where(eq(gradings.attemptId, id));
    expect(await runDueGradings(t.deps)).toBe(0);
    t.clock.advance(61_000);
    await runDueGradings(t.deps);
    expect((await statuses(id)).every((s) => s.endsWith(':graded'))).toBe(true);
  });

  it('retries a failing grader with back-off and ends grading_failed with the reason, never a grade', async () => {
    const id = await submittedAttempt();
    await t.db.delete(gradings).where(eq(gradings.attemptId, id));
    const failing = {
      ...t.deps,
      grader: {
        mode: 'offline' as const,
        grade: async () => Promise.reject(new Error('model unreachable')),
      },
    };
    const attempt = await loadAttemptFor(
      t.db,
      { userId: w.ids.learner, name: '', email: '', organisationId: w.orgA, roles: ['learner'] },
      id,
      'read',
    );
    await queueRubrics(failing, attempt, ['core-webchat']);
    for (let i = 1; i < MAX_GRADING_TRIES; i++) {
      await runDueGradings(failing);
      const [row] = await t.db.select().from(gradings).where(eq(gradings.attemptId, id));
      expect([row?.status, row?.tries]).toEqual(['queued', i]);
      t.clock.advance(backoffMs(i));
    }
    await runDueGradings(failing);
    const [row] = await t.db.select().from(gradings).where(eq(gradings.attemptId, id));
    expect(row?.status).toBe('grading_failed');
    expect(row?.reason).toBe('gave up after 3 tries: model unreachable');
    expect(JSON.parse(row?.result ?? '{}').criteria).toEqual([]);
    expect(t.logger.lines.filter((l) => l.msg === 'grading job failed')).toHaveLength(3);
  });

  it('regrading adds a new grading and keeps the old one', async () => {
    const id = await submittedAttempt();
    await runDueGradings(t.deps);
    const attempt = await loadAttemptFor(
      t.db,
      { userId: w.ids.learner, name: '', email: '', organisationId: w.orgA, roles: ['learner'] },
      id,
      'read',
    );
    await queueRubrics(t.deps, attempt, ['core-webchat']);
    await runDueGradings(t.deps);
    const core = (await statuses(id)).filter((s) => s.startsWith('core-webchat'));
    expect(core).toEqual(['core-webchat:graded', 'core-webchat:graded']);
  });
});
