/**
 * Turns database failures that are the environment's, not the code's, into clear retryable
 * errors: a write lock held past the busy timeout becomes STORAGE_BUSY and a full disk (or an
 * I/O error) STORAGE_UNAVAILABLE, both 503 with Retry-After. Anything else stays unknown, so it
 * is logged and answered as INTERNAL. Nothing that failed here was acknowledged to the client.
 */
import { AppError } from './errors.ts';

const BUSY = /SQLITE_(BUSY|LOCKED)|database (table )?is locked/i;
const UNAVAILABLE =
  /SQLITE_(FULL|IOERR|CANTOPEN|READONLY)|database or disk is full|disk I\/O error/i;

/** The texts an error and its causes carry (drizzle wraps the libSQL error in `cause`). */
function errorTexts(err: unknown): string[] {
  const texts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    texts.push(current.message);
    const code: unknown = Reflect.get(current, 'code');
    if (typeof code === 'string') texts.push(code);
    current = current.cause;
  }
  return texts;
}

/** The AppError for a storage failure, or null when `err` is not one. */
export function storageError(err: unknown): AppError | null {
  const texts = errorTexts(err);
  if (texts.some((t) => BUSY.test(t))) {
    return new AppError(
      'STORAGE_BUSY',
      'The database is busy. Nothing was saved; try again in a moment.',
      { retryAfter: 2 },
    );
  }
  if (texts.some((t) => UNAVAILABLE.test(t))) {
    return new AppError(
      'STORAGE_UNAVAILABLE',
      'The server cannot save right now. Nothing was saved; try again later.',
      { retryAfter: 30 },
    );
  }
  return null;
}
