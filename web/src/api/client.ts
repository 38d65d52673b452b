/**
 * The typed API client (`hc<AppType>`) and small helpers that turn error envelopes into
 * readable messages. Cookies carry the session, so every call is same-origin.
 */
import { hc } from 'hono/client';
import type { AppType } from '../../../api/app.ts';

/** Typed client for every API route. */
export const api = hc<AppType>('/').api;

/** An API error as the server rendered it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    /** Safe extra detail the server sent (e.g. `issues` of a validation failure). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isEnvelope(v: unknown): v is {
  error: { code: string; message: string; requestId?: string; details?: Record<string, unknown> };
} {
  if (!v || typeof v !== 'object' || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return !!e && typeof e === 'object' && 'code' in e && 'message' in e;
}

/** Reads a JSON response, throwing ApiError with the server's message on failure. */
export async function readJson<T>(res: {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}): Promise<T> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    if (isEnvelope(body))
      throw new ApiError(
        res.status,
        body.error.code,
        body.error.message,
        body.error.requestId,
        body.error.details,
      );
    throw new ApiError(
      res.status,
      'UNKNOWN',
      'The server could not be reached. Try again.',
      undefined,
    );
  }
  return body as T;
}

/** POSTs JSON to a better-auth endpoint (sign-in, sign-out). */
export async function authPost(path: string, body: unknown): Promise<void> {
  const res = await fetch(`/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  await readJson<unknown>(res);
}
