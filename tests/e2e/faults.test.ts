/**
 * Fault injection against the real Node server (child process, file database): client retries of
 * every write with the same id, and the server killed (SIGKILL) and restarted mid-conversation
 * and right after a submission. Afterwards every acknowledged message is stored exactly once and
 * in order, the learner's transcript matches the database, every grading job ends, and the audit
 * chain verifies. The counts are printed for the closing note.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { join } from 'node:path';
import { createDb } from '#api/db/client.ts';
import { verifyAuditChain } from '#api/services/audit.ts';
import { E2E_PASSWORD, startServer, type RunningServer } from './server.ts';

const LEASES = { RAPPORT_REPLY_LEASE_MS: '2000', RAPPORT_GRADING_LEASE_MS: '3000' };

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: E2E_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('faults: retries and crashes lose and duplicate nothing', () => {
  let server: RunningServer;
  afterAll(async () => server?.stop());

  it('survives retried writes and two hard kills', async () => {
    const counts = { faultsInjected: 0, acknowledged: 0, lost: 0, duplicated: 0, jobsStuck: 0 };
    server = await startServer(LEASES);
    let cookie = await signIn(server.url, 'learner@demo.rapport.test');
    const call = async (path: string, method = 'GET', body?: unknown) => {
      for (let tries = 0; ; tries++) {
        try {
          return await fetch(`${server.url}${path}`, {
            method,
            headers: { cookie, origin: server.url, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
        } catch (err) {
          if (tries > 50) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const start = await call('/api/attempts', 'POST', {
      scenarioId: 'energy-move-in',
      clientRequestId: 'fault-start-0001',
    });
    const attemptId = ((await start.json()) as { id: string }).id;
    const acknowledged: string[] = [];
    const lines = [
      'Hi, thanks for messaging. Can I take your full name please?',
      'Thanks. Can you confirm your date of birth for security?',
      'When are you moving in, and what is the new address?',
      'I can book a move-in reading for Saturday, which means your first bill starts that day.',
      'Is there anything else I can help with today?',
    ];
    for (const [i, text] of lines.entries()) {
      const body = { clientMessageId: `fault-msg-${i}-abcdef`, text };
      // The client sends the same write three times at once (a flaky network retrying).
      const results = await Promise.all(
        [1, 2, 3].map(() => call(`/api/attempts/${attemptId}/messages`, 'POST', body)),
      );
      counts.faultsInjected += 2;
      const ok = results.filter((r) => r.status === 201 || r.status === 200);
      const ids = new Set(
        await Promise.all(
          ok.map(async (r) => ((await r.json()) as { message: { id: string } }).message.id),
        ),
      );
      expect(ids.size).toBe(1);
      acknowledged.push(text);
      const replyId = (
        (await (await call(`/api/attempts/${attemptId}/messages`, 'POST', body)).json()) as {
          reply: { id: string };
        }
      ).reply.id;
      if (i === 2) {
        // Crash right after the acknowledgement, before the client reads the reply.
        await server.kill();
        counts.faultsInjected++;
        server = await startServer(LEASES, { dir: server.dir, port: server.port });
        cookie = await signIn(server.url, 'learner@demo.rapport.test');
      }
      const stream = await (
        await call(`/api/attempts/${attemptId}/replies/${replyId}/stream`)
      ).text();
      expect(stream).toMatch(/event: (done|failed)/);
      if (stream.includes('event: failed')) {
        await call(`/api/attempts/${attemptId}/replies/${replyId}/retry`, 'POST');
        await (await call(`/api/attempts/${attemptId}/replies/${replyId}/stream`)).text();
      }
      const view = (await (await call(`/api/attempts/${attemptId}`)).json()) as { status: string };
      if (view.status !== 'in_progress') break;
    }
    counts.acknowledged = acknowledged.length;
    await call(`/api/attempts/${attemptId}/end`, 'POST');
    await call(`/api/attempts/${attemptId}/case-notes`, 'PUT', {
      needed: 'Power on',
      done: 'Booked read',
      agreed: 'Saturday',
    });
    await call(`/api/attempts/${attemptId}/submit`, 'POST');
    // Crash just after the submission was acknowledged, while jobs may be running.
    await server.kill();
    counts.faultsInjected++;
    server = await startServer(LEASES, { dir: server.dir, port: server.port });
    cookie = await signIn(server.url, 'learner@demo.rapport.test');

    const deadline = Date.now() + 30_000;
    let gradings: Array<{ status: string }> = [];
    while (Date.now() < deadline) {
      gradings = (
        (await (await call(`/api/attempts/${attemptId}`)).json()) as {
          gradings: Array<{ status: string }>;
        }
      ).gradings;
      if (
        gradings.length > 0 &&
        gradings.every((g) => g.status === 'graded' || g.status === 'grading_failed')
      )
        break;
      await new Promise((r) => setTimeout(r, 250));
    }
    counts.jobsStuck = gradings.filter(
      (g) => g.status === 'queued' || g.status === 'running',
    ).length;

    const seen = (
      (await (await call(`/api/attempts/${attemptId}`)).json()) as {
        messages: Array<{ seq: number; speaker: string; text: string }>;
      }
    ).messages;
    const db = createClient({ url: `file:${join(server.dir, 'rapport.db')}` });
    const rows = (
      await db.execute({
        sql: 'select seq, speaker, text from messages where attempt_id = ? order by seq',
        args: [attemptId],
      })
    ).rows;
    const agentTexts = rows.filter((r) => r.speaker === 'agent').map((r) => String(r.text));
    counts.lost = acknowledged.filter((a) => !agentTexts.includes(a)).length;
    counts.duplicated = agentTexts.length - new Set(agentTexts).size;
    const audit = await verifyAuditChain(createDb({ client: db }));
    db.close();

    console.info(
      `fault counts: ${JSON.stringify({ ...counts, gradings: gradings.length, auditRows: audit.rows })}`,
    );
    expect(seen.map((m) => [m.seq, m.speaker, m.text])).toEqual(
      rows.map((r) => [Number(r.seq), r.speaker, r.text]),
    );
    expect(seen.map((m) => m.seq)).toEqual(seen.map((_, i) => i));
    expect(agentTexts).toEqual(acknowledged);
    expect(counts).toMatchObject({ lost: 0, duplicated: 0, jobsStuck: 0 });
    expect(audit.ok).toBe(true);
  });
});
