/**
 * Which model errors are worth retrying, and how long to wait: 429, 5xx, timeouts and dropped
 * connections are transient; Retry-After is honoured (capped); otherwise exponential back-off.
 */

/** Longest we wait before one retry, whatever Retry-After says. */
export const MAX_RETRY_WAIT_MS = 30_000;

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number')
    return err.status;
  return undefined;
}

/** True for 408, 409, 429, 5xx, timeouts and connection errors. */
export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined)
    return status === 408 || status === 409 || status === 429 || status >= 500;
  const name = err instanceof Error ? err.name : '';
  return (
    name === 'TimeoutError' ||
    /Connection|Timeout|Abort/i.test(name) ||
    /ECONNRESET|socket hang up|fetch failed|timed out/i.test(String(err))
  );
}

function retryAfterHeader(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('headers' in err)) return null;
  const headers = err.headers;
  if (headers instanceof Headers) return headers.get('retry-after');
  if (typeof headers === 'object' && headers !== null && 'retry-after' in headers) {
    const value = (headers as Record<string, unknown>)['retry-after'];
    return typeof value === 'string' ? value : null;
  }
  return null;
}

/** Milliseconds to wait before retry number `attempt` (0-based). */
export function retryDelayMs(err: unknown, attempt: number, nowMs: number): number {
  const header = retryAfterHeader(err);
  if (header) {
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - nowMs;
    if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_WAIT_MS);
  }
  return Math.min(500 * 2 ** attempt, MAX_RETRY_WAIT_MS);
}

/** A short reason for a failed call, for `grading_failed`. */
export function describeError(err: unknown): string {
  const status = statusOf(err);
  const name = err instanceof Error ? err.name : 'Error';
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return status ? `model error ${status}: ${message}` : `${name}: ${message}`;
}
