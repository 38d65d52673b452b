import { it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '#tests/helpers/test-app.ts';
import { buildWorld } from '#tests/helpers/world.ts';
import { jsonInit, readReply, sendAs, startAttemptAs } from '#tests/helpers/roleplay-api.ts';

it('cpu per request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpu-'));
  const t = await createTestApp({ databaseUrl: `file:${join(dir, 'x.db')}`, env: { RAPPORT_SEND_PER_MINUTE: '100000' } });
  const cookie = (await buildWorld(t)).cookies.learner ?? '';
  const N = 60;
  const m: Record<string, number[]> = { start: [], send: [], stream: [], read: [] };
  const cpu = async (k: string, f: () => Promise<unknown>) => {
    const c0 = process.cpuUsage();
    const r = await f();
    const c = process.cpuUsage(c0);
    m[k]!.push((c.user + c.system) / 1000);
    return r;
  };
  for (let i = 0; i < N; i++) {
    const id = (await cpu('start', () => startAttemptAs(t, cookie))) as string;
    const replyId = (await cpu('send', () => sendAs(t, cookie, id, 'Hello, I can help with that today.'))) as string;
    await cpu('stream', () => readReply(t, cookie, id, replyId));
    await cpu('read', async () => (await t.app.request(`/api/attempts/${id}`, { headers: { cookie } })).text());
    if (i === 0) console.log('view bytes', (await (await t.app.request(`/api/attempts/${id}`, { headers: { cookie } })).text()).length);
  }
  for (const [k, v] of Object.entries(m)) {
    const s = v.slice(10).sort((a, b) => a - b);
    console.log(k, 'p50', s[Math.floor(s.length / 2)]?.toFixed(2), 'mean', (s.reduce((a, b) => a + b, 0) / s.length).toFixed(2));
  }
  t.close();
}, 120_000);
