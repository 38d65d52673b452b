/**
 * The one error type of the API. Codes are a closed set, each mapped to one HTTP status, and
 * every error leaves the server as `{ error: { code, message, requestId } }`.
 */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  /** The organisation's monthly LLM token budget is spent (a quota window, hence 429). */
  BUDGET_EXHAUSTED: 429,
  INTERNAL: 500,
  BAD_ENVIRONMENT: 500,
  UPSTREAM_UNAVAILABLE: 503,
  /** The database is locked by another writer for longer than the busy timeout; retry. */
  STORAGE_BUSY: 503,
  /** The database cannot store more (disk full, I/O error); nothing was acknowledged. */
  STORAGE_UNAVAILABLE: 503,
} as const;

/** A code from the closed set. */
export type ErrorCode = keyof typeof errorStatus;

/** An error the API knows how to render. `details` must be safe to show to the caller. */
export class AppError extends Error {
  readonly status: (typeof errorStatus)[ErrorCode];
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

/** Codes whose `details.retryAfter` (seconds) is sent as a `Retry-After` header. */
export const RETRY_AFTER_CODES: ReadonlySet<ErrorCode> = new Set([
  'RATE_LIMITED',
  'BUDGET_EXHAUSTED',
  'STORAGE_BUSY',
  'STORAGE_UNAVAILABLE',
]);

/** The JSON body of every error response. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; requestId: string; details?: Record<string, unknown> };
}

/** Builds the envelope; 5xx errors never carry details or internal messages. */
export function errorEnvelope(err: AppError, requestId: string): ErrorEnvelope {
  const internal = err.status >= 500;
  return {
    error: {
      code: err.code,
      message:
        internal && err.code === 'INTERNAL' ? 'Something went wrong on our side.' : err.message,
      requestId,
      ...(!internal && err.details ? { details: err.details } : {}),
    },
  };
}
