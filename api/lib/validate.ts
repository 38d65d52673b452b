/**
 * zod validation for request parts, rendering failures as VALIDATION_FAILED in the one error
 * envelope. Schemas should be strict so unknown fields are rejected.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Validates one part of the request (json, query, param, ...) against a zod schema. */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(
  target: T,
  schema: S,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      const first = issues[0];
      throw new AppError(
        'VALIDATION_FAILED',
        first
          ? `Invalid ${target}${first.path ? ` at ${first.path}` : ''}: ${first.message}`
          : `Invalid ${target}.`,
        { issues },
      );
    }
  });
}
