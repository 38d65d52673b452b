/**
 * A cheap password hasher for tests only: scrypt's deliberate slowness would make every
 * sign-in in the suite cost hundreds of milliseconds. Production uses better-auth's scrypt.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PasswordHasher } from '#api/auth.ts';

const digest = (password: string) =>
  createHash('sha256').update(`test-salt:${password}`).digest('hex');

export const fastHasher: PasswordHasher = {
  hash: async (password) => digest(password),
  verify: async ({ hash, password }) =>
    timingSafeEqual(Buffer.from(hash), Buffer.from(digest(password))),
};
