/**
 * Cross-cutting security checks: HSTS in production, untrusted Unicode stored and returned as
 * data, and no API key or auth secret in logs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld } from '#tests/helpers/world.ts';
import { clientId, jsonInit, readReply, startAttemptAs } from '#tests/helpers/roleplay-api.ts';

describe('security', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('sends HSTS for a year in production', async () => {
    t = await createTestApp({
      env: {
        NODE_ENV: 'production',
        AUTH_SECRET: 's'.repeat(40),
        APP_ORIGIN: 'https://rapport.example.org',
      },
    });
    const res = await t.app.request('/api/health');
    expect(res.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('stores right-to-left, zero-width, emoji and very long words exactly and returns them as JSON text', async () => {
    t = await createTestApp();
    const cookie = (await buildWorld(t)).cookies.learner ?? '';
    const id = await startAttemptAs(t, cookie);
    const text = `مرحبا \u202Egnp.exe\u202C zero\u200Bwidth 👩🏽‍💻 ${'a'.repeat(300)} <script>alert(1)</script>`;
    const res = await t.app.request(
      `/api/attempts/${id}/messages`,
      jsonInit('POST', cookie, { clientMessageId: clientId(), text }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { message: { text: string }; reply: { id: string } };
    expect(body.message.text).toBe(text);
    await readReply(t, cookie, id, body.reply.id);
    const view = await t.app.request(`/api/attempts/${id}`, { headers: { cookie } });
    expect(view.headers.get('content-type')).toContain('application/json');
    expect(((await view.json()) as { messages: Array<{ text: string }> }).messages[1]?.text).toBe(
      text,
    );
  });

  it('never writes the API key or the auth secret to the logs', async () => {
    const apiKey = 'sk-very-secret-key-123456';
    const secret = 'x'.repeat(20) + 'SECRET-MARKER' + 'y'.repeat(20);
    t = await createTestApp({
      env: {
        OPENAI_API_KEY: apiKey,
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        AUTH_SECRET: secret,
        LOG_LEVEL: 'debug',
      },
    });
    await buildWorld(t);
    await t.app.request('/api/nothing');
    const logs = JSON.stringify(t.logger.lines);
    expect(logs).not.toContain(apiKey);
    expect(logs).not.toContain('SECRET-MARKER');
  });
});
