/**
 * Accounts and sessions with better-auth (email + password, httpOnly cookies, database-backed
 * sign-in rate limit). Public sign-up is off: admins create accounts, and the demo seed creates
 * the demo organisation's accounts.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { AppConfig } from './config.ts';
import type { Db } from './db/client.ts';
import { accounts, rateLimits, sessions, users, verifications } from './db/schema.ts';
import type { Logger } from './lib/logger.ts';

/** Header the entries set from the socket / platform; client-sent values are overwritten. */
export const CLIENT_IP_HEADER = 'x-rapport-client-ip';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Origins allowed to make cookie-authenticated writes. */
export function trustedOrigins(config: AppConfig): string[] {
  if (config.appOrigin) return [config.appOrigin];
  return [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
}

/** Password hashing overrides; tests pass a cheap one, production uses better-auth's scrypt. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(data: { hash: string; password: string }): Promise<boolean>;
}

/** Builds the better-auth instance for one app. */
export function createAuth(deps: {
  config: AppConfig;
  db: Db;
  logger: Logger;
  hasher?: PasswordHasher;
}) {
  const { config, db, logger } = deps;
  return betterAuth({
    appName: 'Rapport',
    baseURL: trustedOrigins(config)[0],
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: trustedOrigins(config),
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      ...(deps.hasher ? { password: deps.hasher } : {}),
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: config.signInPerMinute } },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: config.env === 'production',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) =>
        level === 'error'
          ? logger.error(message, { source: 'auth' })
          : logger.warn(message, { source: 'auth' }),
    },
  });
}

/** The better-auth instance type. */
export type Auth = ReturnType<typeof createAuth>;
