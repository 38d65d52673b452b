/**
 * Typed failures of the LLM persona, so a route can tell the learner "the customer's connection
 * dropped — retry" and keep the transcript intact.
 */

/** What went wrong with the persona model call. */
export type PersonaModelErrorKind = 'timeout' | 'rate_limited' | 'upstream' | 'malformed' | 'cut';

/** A persona reply that could not be produced. Partial text already streamed must be discarded. */
export class PersonaModelError extends Error {
  constructor(
    readonly kind: PersonaModelErrorKind,
    message: string,
    /** Worth retrying (only ever done before any token was streamed). */
    readonly retryable: boolean = false,
    /** The wait the provider asked for (429 Retry-After), in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'PersonaModelError';
  }
}

/** Reads a Retry-After (seconds or HTTP date) or retry-after-ms header, in milliseconds. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers?.get('retry-after');
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
