/**
 * `createTestApp()`: the real app over an in-memory libSQL database with migrations applied,
 * a memory logger, a fixed clock and a fake client IP. Use `useMswServer()` alongside it for
 * anything that would call an LLM.
 */
import { createClient } from '@libsql/client';
import { createApp } from '#api/app.ts';
import { createAuth } from '#api/auth.ts';
import { parseConfig, type AppConfig } from '#api/config.ts';
import { createDb, type Db } from '#api/db/client.ts';
import { applyMigrations, openLibsqlClient } from '#api/db/client.node.ts';
import type { AppDeps } from '#api/deps.ts';
import type { Clock } from '#api/lib/clock.ts';
import { createMemoryLogger } from '#api/lib/logger.ts';
import { loadContent, type ContentBundle } from '#api/content/load.ts';
import { repoRoot } from '#api/content/repo-root.ts';
import { fastHasher } from './fast-hasher.ts';
import { buildEngines } from '#api/runtime/engines.ts';
import { loadTemplates } from '#api/content/bundle-file.ts';
import type { PersonaEngine } from '#api/roleplay/engine.ts';

let contentOnce: Promise<ContentBundle> | undefined;
let templatesOnce: Promise<Record<string, string>> | undefined;
/** The prompt templates, loaded once per test file. */
export const testTemplates = () => (templatesOnce ??= loadTemplates(repoRoot));
/** The repo's real content, loaded once per test file. */
export const testContent = () => (contentOnce ??= loadContent(repoRoot));

/** Fixed start time for tests; advance with `clock.advance(ms)`. */
export const TEST_NOW = new Date('2026-11-23T09:00:00.000Z');

/** A clock tests can move. */
export function createTestClock(start = TEST_NOW): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

/** The password every seeded test account uses. */
export const TEST_PASSWORD = 'correct-horse-battery';

/** Origin the test app trusts (requests that send Origin must use it). */
export const TEST_ORIGIN = 'http://localhost:8787';

export interface TestAppOptions {
  env?: Record<string, string>;
  /** fetch for the persona's OpenAI client (msw tests pass `realisticFetch`). */
  personaFetch?: typeof fetch;
  /** Replaces the persona engine (e.g. a gated fake to test streaming mid-reply). */
  persona?: PersonaEngine;
  /** Content the app is built with; the repo's real content when absent. */
  content?: ContentBundle;
  /** Eval suites and web runs (route tests pass a fixture suites folder); none when absent. */
  evals?: AppDeps['evals'];
  /**
   * A `file:` libSQL URL instead of the in-memory database. An in-memory client has a single
   * connection that a transaction holds, so tests of truly concurrent requests need a file.
   */
  databaseUrl?: string;
}

/** Builds an app with a fresh in-memory database. */
export async function createTestApp(opts: TestAppOptions = {}) {
  const config: AppConfig = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: ':memory:',
    RAPPORT_DEMO_SEED: 'off',
    LOG_LEVEL: 'silent',
    RAPPORT_SIGNIN_PER_MINUTE: '1000',
    // Tests must not wait in real time for the judge calls' cache head start.
    RAPPORT_JUDGE_STAGGER_MS: '0',
    ...opts.env,
  });
  const client = opts.databaseUrl
    ? await openLibsqlClient(opts.databaseUrl)
    : createClient({ url: ':memory:' });
  const db: Db = createDb({ client });
  await applyMigrations(db);
  const logger = createMemoryLogger();
  const clock = createTestClock();
  const auth = createAuth({ config, db, logger, hasher: fastHasher });
  const content = opts.content ?? (await testContent());
  const engines = await buildEngines({
    llm: config.llm,
    templates: await testTemplates(),
    personaFetch: opts.personaFetch,
  });
  const deps: AppDeps = {
    ...engines,
    ...(opts.persona ? { persona: opts.persona } : {}),
    ...(opts.evals ? { evals: opts.evals } : {}),
    content,
    config,
    db,
    llm: config.llm,
    clock,
    logger,
    auth,
    clientIp: () => '127.0.0.1',
  };
  const app = createApp(deps);
  return { app, deps, db, logger, clock, close: () => client.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Signs in and returns the session cookie header value. */
export async function signIn(
  app: TestApp['app'],
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const res = await app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200)
    throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return cookie;
}
