import { describe, expect, it } from 'vitest';
import { isTransient, MAX_RETRY_WAIT_MS, retryDelayMs } from '../../../../api/grading/llm/retry.ts';

function httpError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`status ${status}`), { status, headers: new Headers(headers) });
}

describe('isTransient', () => {
  it.each([
    [httpError(429), true],
    [httpError(500), true],
    [httpError(503), true],
    [httpError(400), false],
    [httpError(401), false],
    [Object.assign(new Error('Request timed out.'), { name: 'TimeoutError' }), true],
    [new Error('invalid json'), false],
  ])('classifies %s', (err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('uses Retry-After seconds, an HTTP date, or exponential back-off, capped', () => {
    expect(retryDelayMs(httpError(429, { 'retry-after': '3' }), 0, 0)).toBe(3000);
    expect(
      retryDelayMs(httpError(429, { 'retry-after': new Date(10_000).toUTCString() }), 0, 4000),
    ).toBe(6000);
    expect(retryDelayMs(httpError(429, { 'retry-after': '3600' }), 0, 0)).toBe(MAX_RETRY_WAIT_MS);
    expect([0, 1, 2].map((a) => retryDelayMs(httpError(503), a, 0))).toEqual([500, 1000, 2000]);
  });
});
