/**
 * A full disk, simulated on the app's own database connection with `PRAGMA max_page_count`
 * (SQLite then answers SQLITE_FULL exactly as on a full disk). The pragma is per connection, so
 * the test uses the single-connection in-memory database (a file client pools connections, and
 * a tmpfs needs privileges CI does not have). Writes fail with a clear 503
 * STORAGE_UNAVAILABLE and Retry-After (no internals), nothing acknowledged is lost, and once
 * space is back the client's retry with the same idempotency key stores the message exactly once.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '#api/db/schema.ts';
import { storageError } from '#api/lib/storage-errors.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld } from '#tests/helpers/world.ts';
import { jsonInit, readReply, startAttemptAs } from '#tests/helpers/roleplay-api.ts';

interface SendBody {
  message?: { id: string };
  reply?: { id: string };
  error?: { code: string; message: string };
}

describe('a full disk', () => {
  let t: TestApp;
  let cookie: string;

  beforeEach(async () => {
    t = await createTestApp();
    cookie = (await buildWorld(t)).cookies.learner ?? '';
  });
  afterEach(() => t.close());

  const pageCount = async () =>
    Number((await t.db.$client.execute('PRAGMA page_count')).rows[0]?.[0] ?? 0);
  /** Caps the database at its current size and uses up the free pages, like a full disk. */
  const fillDisk = async () => {
    await t.db.$client.execute('CREATE TABLE IF NOT EXISTS filler (x BLOB)');
    await t.db.$client.execute(`PRAGMA max_page_count = ${await pageCount()}`);
    for (let i = 0; i < 10_000; i++) {
      try {
        await t.db.$client.execute('INSERT INTO filler VALUES (randomblob(512))');
      } catch {
        return;
      }
    }
    throw new Error('the database never filled up');
  };
  const freeDisk = async () => {
    await t.db.$client.execute('DELETE FROM filler');
    await t.db.$client.execute('PRAGMA max_page_count = 1073741823');
  };

  it('refuses writes with 503 STORAGE_UNAVAILABLE and keeps everything acknowledged', async () => {
    const id = await startAttemptAs(t, cookie);
    const send = async (clientMessageId: string, text: string) => {
      const res = await t.app.request(
        `/api/attempts/${id}/messages`,
        jsonInit('POST', cookie, { clientMessageId, text }),
      );
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: (await res.json()) as SendBody,
      };
    };
    const first = await send('full-msg-000001', 'Hi, thanks for messaging. How can I help?');
    expect(first.status).toBe(201);
    await readReply(t, cookie, id, first.body.reply?.id ?? '');

    await fillDisk();
    // Pages may still have room for a message or two; the learner keeps chatting until it runs out.
    const acknowledged = ['Hi, thanks for messaging. How can I help?'];
    let refused: Awaited<ReturnType<typeof send>> | undefined;
    let text = '';
    let refusedId = '';
    for (let i = 2; i < 40 && !refused; i++) {
      text = `Message ${i}: could you confirm the new address? ${'x'.repeat(1_900)}`;
      refusedId = `full-msg-${String(i).padStart(6, '0')}`;
      const res = await send(refusedId, text);
      if (res.status === 503) refused = res;
      else {
        expect(res.status).toBe(201);
        acknowledged.push(text);
        const reply = await readReply(t, cookie, id, res.body.reply?.id ?? '');
        expect(reply.events.at(-1)?.event).toBe('done');
      }
    }
    expect(refused).toEqual({
      status: 503,
      retryAfter: '30',
      body: {
        error: {
          code: 'STORAGE_UNAVAILABLE',
          message: 'The server cannot save right now. Nothing was saved; try again later.',
          requestId: expect.any(String) as string,
        },
      },
    });
    // Reads keep working, and the acknowledged message is there.
    const view = await t.app.request(`/api/attempts/${id}`, { headers: { cookie } });
    expect(view.status).toBe(200);

    await freeDisk();
    const retried = await send(refusedId, text);
    expect(retried.status).toBe(201);
    expect((await send(refusedId, text)).status).toBe(200);
    acknowledged.push(text);
    await readReply(t, cookie, id, retried.body.reply?.id ?? '');
    const rows = await t.db.select().from(messages).where(eq(messages.attemptId, id));
    const agent = rows.filter((m) => m.speaker === 'agent').sort((a, b) => a.seq - b.seq);
    const stored = agent.map((m) => m.text);
    console.info(
      `disk-full fault counts: ${JSON.stringify({
        faultsInjected: 1,
        acknowledged: acknowledged.length,
        lost: acknowledged.filter((a) => !stored.includes(a)).length,
        duplicated: stored.length - new Set(stored).size,
      })}`,
    );
    expect(stored).toEqual(acknowledged);
    expect(rows.every((m) => m.status === 'complete')).toBe(true);
    expect(rows.map((m) => m.seq).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    const warnings = t.logger.lines.filter((l) => l.msg === 'storage unavailable');
    expect(warnings.map((l) => [l.level, l.code])).toEqual([['warn', 'STORAGE_UNAVAILABLE']]);
  });
});

describe('storageError', () => {
  it('classifies lock and full-disk errors, also when wrapped as a cause, and nothing else', () => {
    const libsql = (code: string, message: string) => Object.assign(new Error(message), { code });
    const wrapped = new Error('Failed query: insert into "messages"', {
      cause: libsql('SQLITE_BUSY', 'SQLITE_BUSY: database is locked'),
    });
    expect(storageError(wrapped)?.code).toBe('STORAGE_BUSY');
    expect(storageError(libsql('SQLITE_FULL', 'SQLITE_FULL: database or disk is full'))?.code).toBe(
      'STORAGE_UNAVAILABLE',
    );
    expect(storageError(libsql('SQLITE_IOERR', 'disk I/O error'))?.code).toBe(
      'STORAGE_UNAVAILABLE',
    );
    expect(storageError(libsql('SQLITE_CONSTRAINT', 'UNIQUE constraint failed'))).toBeNull();
    expect(storageError(new TypeError('x is undefined'))).toBeNull();
  });
});
