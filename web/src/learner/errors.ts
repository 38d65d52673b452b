/** Turns anything thrown into a message a learner can read. */
import { ApiError } from '../api/client.ts';

/** The server's message for an ApiError; a fallback for network failures and the rest. */
export function errorMessage(err: unknown, fallback: string): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return `${fallback} Check your connection and try again.`;
  return err instanceof Error && err.message ? err.message : fallback;
}

/** True when the request never got an answer (offline, connection reset): safe to retry. */
export function isNetworkError(err: unknown): boolean {
  return err instanceof TypeError || (err instanceof ApiError && err.code === 'UNKNOWN');
}
