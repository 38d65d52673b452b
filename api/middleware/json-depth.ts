/**
 * Refuses JSON bodies nested deeper than a limit before anything parses them: deep nesting is a
 * cheap way to make a parser or a validator burn CPU and stack. The scan skips string contents.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../deps.ts';
import { AppError } from '../lib/errors.ts';

/** Deepest object/array nesting the API accepts. */
export const MAX_JSON_DEPTH = 16;

/** The maximum nesting depth of a JSON text (0 for a scalar). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) max = Math.max(max, ++depth);
    else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return max;
}

export const jsonDepthLimit = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (c.req.method !== 'GET' && type.includes('application/json')) {
    // Hono caches the body text, so the validator reads it again without a second network read.
    const text = await c.req.text();
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      throw new AppError(
        'BAD_REQUEST',
        `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not accepted.`,
      );
    }
  }
  await next();
});
