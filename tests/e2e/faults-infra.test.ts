/**
 * Infrastructure faults against the real Node server (child process, file database, a local
 * fake OpenAI-compatible model): a slow-loris client sending its headers a byte at a time, a
 * model stream that stalls after its first chunks, and the database locked by another process
 * (a held write transaction) for longer than the busy timeout. After each, every acknowledged message is
 * stored exactly once and in order, nothing hangs, and errors are clear (no internals). The
 * counts are printed for the closing note.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { createDb } from '#api/db/client.ts';
import { verifyAuditChain } from '#api/services/audit.ts';
import { startFakeModel, type FakeModel } from './fake-model.ts';
import { E2E_PASSWORD, startServer, type RunningServer } from './server.ts';

/** Guard against a hang (not a timing assertion): every wait below ends well within this. */
const HANG_GUARD_MS = 25_000;
const DROPPED = "The customer's connection dropped — retry.";

const counts = {
  faultsInjected: 0,
  acknowledged: 0,
  lost: 0,
  duplicated: 0,
  storageBusy503: 0,
};

describe('faults: slow clients, stalled model streams and a locked database', () => {
  let server: RunningServer;
  let model: FakeModel;
  let cookie = '';
  let attemptId = '';
  const acknowledged: string[] = [];

  const call = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(HANG_GUARD_MS),
    });
  const send = async (clientMessageId: string, text: string) => {
    const res = await call(`/api/attempts/${attemptId}/messages`, 'POST', {
      clientMessageId,
      text,
    });
    const body = (await res.json()) as {
      message?: { id: string };
      reply?: { id: string };
      error?: { code: string; message: string };
    };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
  };
  const readStream = async (replyId: string) =>
    (await call(`/api/attempts/${attemptId}/replies/${replyId}/stream`)).text();

  beforeAll(async () => {
    model = await startFakeModel();
    server = await startServer({
      OPENAI_API_KEY: 'sk-fault-test',
      OPENAI_BASE_URL: model.baseURL,
      RAPPORT_LLM_TIMEOUT_MS: '1500',
      RAPPORT_LLM_RETRIES: '0',
      RAPPORT_HTTP_HEADERS_TIMEOUT_MS: '2000',
      RAPPORT_HTTP_REQUEST_TIMEOUT_MS: '4000',
    });
    const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'learner@demo.rapport.test', password: E2E_PASSWORD }),
    });
    cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const start = await call('/api/attempts', 'POST', {
      scenarioId: 'energy-move-in',
      clientRequestId: 'infra-start-0001',
    });
    attemptId = ((await start.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await server?.stop();
    await model?.close();
  });

  it('cuts off a client that sends its headers one byte at a time, and keeps serving others', async () => {
    const request = 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ';
    const socket = connect(server.port, '127.0.0.1');
    counts.faultsInjected++;
    let sent = 0;
    const closed = new Promise<{ bytesSent: number; answer: string }>((resolve, reject) => {
      let answer = '';
      const guard = setTimeout(() => reject(new Error('slow client never cut off')), HANG_GUARD_MS);
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(guard);
        resolve({ bytesSent: sent, answer });
      });
    });
    const drip = setInterval(() => {
      if (socket.destroyed) return clearInterval(drip);
      socket.write(request[sent % request.length] ?? 'x');
      sent++;
    }, 100);
    // While the slow client holds its connection, everyone else is served.
    const other = await fetch(`${server.url}/api/health`, {
      signal: AbortSignal.timeout(HANG_GUARD_MS),
    });
    expect(other.status).toBe(200);
    const result = await closed;
    clearInterval(drip);
    // Node answers 408 (or just closes) once the headers deadline passes; headers never ended.
    expect(result.answer === '' || result.answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(
      (await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(HANG_GUARD_MS) }))
        .status,
    ).toBe(200);
  });

  it('ends a reply whose model stream stalls as failed with a clear message, and a retry works', async () => {
    model.stall = true;
    counts.faultsInjected++;
    const text = 'Hi, thanks for messaging. When are you moving in?';
    const sent = await send('infra-msg-stall-01', text);
    expect(sent.status).toBe(201);
    acknowledged.push(text);
    const replyId = sent.body.reply?.id ?? '';
    const stalled = await readStream(replyId);
    expect(stalled).toContain('event: failed');
    expect(stalled).toContain(JSON.stringify({ id: replyId, message: DROPPED }));
    expect(model.stats.stalled).toBe(1);

    model.stall = false;
    const retry = await call(`/api/attempts/${attemptId}/replies/${replyId}/retry`, 'POST');
    expect(retry.status).toBe(202);
    const done = await readStream(replyId);
    expect(done).toContain('event: done');
    expect(done).toContain("I'm moving in on Saturday and need the power on.");
  });

  it('answers sends during a database lock with success after release or a clear 503, never a hang or a 500', async () => {
    const dbUrl = `file:${join(server.dir, 'rapport.db')}`;
    const locker = createClient({ url: dbUrl });
    // BEGIN IMMEDIATE holds the write lock; in WAL mode EXCLUSIVE locks exactly the same way.
    const lock = await locker.transaction('write');
    counts.faultsInjected++;
    const release = new Promise<void>((resolve, reject) =>
      setTimeout(() => lock.commit().then(resolve, reject), 7_000),
    );
    const text = 'Can I take your full name and the new address, please?';
    const duringLock = await send('infra-msg-locked-01', text);
    expect([200, 201, 503]).toContain(duringLock.status);
    if (duringLock.status === 503) {
      counts.storageBusy503++;
      expect(duringLock.body.error?.code).toBe('STORAGE_BUSY');
      expect(duringLock.body.error?.message).toBe(
        'The database is busy. Nothing was saved; try again in a moment.',
      );
      expect(duringLock.retryAfter).toMatch(/^\d+$/);
    }
    await release;
    locker.close();
    // The client retries with the same idempotency key until it is acknowledged.
    let retried = await send('infra-msg-locked-01', text);
    for (let i = 0; i < 20 && retried.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 250));
      retried = await send('infra-msg-locked-01', text);
    }
    expect([200, 201]).toContain(retried.status);
    acknowledged.push(text);
    if (duringLock.status !== 503)
      expect(retried.body.message?.id).toBe(duringLock.body.message?.id);
    expect(await readStream(retried.body.reply?.id ?? '')).toMatch(/event: (done|failed)/);
  });

  it('has stored every acknowledged message exactly once and in order', async () => {
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
    const audit = await verifyAuditChain(createDb({ client: db }));
    db.close();
    counts.acknowledged = acknowledged.length;
    counts.lost = acknowledged.filter((a) => !agentTexts.includes(a)).length;
    counts.duplicated = agentTexts.length - new Set(agentTexts).size;
    console.info(`infra fault counts: ${JSON.stringify({ ...counts, model: model.stats })}`);
    expect(seen.map((m) => [m.seq, m.speaker, m.text])).toEqual(
      rows.map((r) => [Number(r.seq), r.speaker, r.text]),
    );
    expect(seen.map((m) => m.seq)).toEqual(seen.map((_, i) => i));
    expect(agentTexts).toEqual(acknowledged);
    expect(counts).toMatchObject({ lost: 0, duplicated: 0 });
    expect(audit.ok).toBe(true);
  });
});
