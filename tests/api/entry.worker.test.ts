import { describe, expect, it } from 'vitest';
import worker from '#api/entry.worker.ts';

describe('the Worker entry', () => {
  it('answers 500 BAD_ENVIRONMENT when a binding is invalid, without details', async () => {
    const logs: unknown[] = [];
    const original = console.log;
    console.log = (line: unknown) => logs.push(line);
    try {
      const res = await worker.fetch(
        new Request('https://rapport.example.org/api/health'),
        { DATABASE_URL: 'postgres://nope' },
        { waitUntil: () => undefined },
      );
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        error: {
          code: 'BAD_ENVIRONMENT',
          message: 'The server is misconfigured.',
          requestId: res.headers.get('x-request-id'),
        },
      });
    } finally {
      console.log = original;
    }
    expect(String(logs[0])).toContain('"fields":["DATABASE_URL","AUTH_SECRET"]');
  });
});
