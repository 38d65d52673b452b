/**
 * What `createApp` is built from. Every external service is injected, so each runtime entry and
 * each test chooses its own.
 */
import type { Context } from 'hono';
import type { Auth } from './auth.ts';
import type { AppConfig } from './config.ts';
import type { ContentBundle } from './content/load.ts';
import type { Db } from './db/client.ts';
import type { Actor } from './lib/actor.ts';
import type { RateLimiter } from './lib/rate-limit.ts';
import type { Clock } from './lib/clock.ts';
import type { Logger } from './lib/logger.ts';
import type { LlmSettings } from './llm/settings.ts';
import type { PersonaEngine } from './roleplay/engine.ts';
import type { Grader } from './grading/grader.ts';
import type { ReplyHub } from './services/roleplay/reply-hub.ts';
import type { LiveRuns } from './services/evals/live-runs.ts';
import type { EvalSource } from './services/evals/source.ts';

/** The dependencies of one app instance. */
export interface AppDeps {
  config: AppConfig;
  db: Db;
  /** The LLM provider settings, or null in offline mode. */
  llm: LlmSettings | null;
  clock: Clock;
  logger: Logger;
  auth: Auth;
  /** Rubric packs, personas and scenarios (from the YAML files, or the generated bundle). */
  content: ContentBundle;
  /** Plays the customer (offline rules or the LLM persona). */
  persona: PersonaEngine;
  /** Version label of the persona prompt in use, pinned on each attempt. */
  personaPromptVersion: string;
  /** Judges transcripts (offline rules or the LLM judge chain). */
  grader: Grader;
  /** Live persona replies of this process. */
  replies: ReplyHub;
  /**
   * Eval suites and the runs started from the web. Absent where suites cannot be read (Workers):
   * the eval-runs routes then say so instead of running.
   */
  evals?: { source: EvalSource; runs: LiveRuns };
  /** Keeps background work (reply generation) alive: Workers' waitUntil, a tracked promise on Node. */
  background?: (work: Promise<unknown>) => void;
  /** The caller's IP as the platform reports it (socket address, cf-connecting-ip). */
  clientIp?: (c: Context) => string | undefined;
  /** Serves the built web app for non-API GET requests (Node entry). */
  serveWeb?: (c: Context) => Promise<Response>;
}

/** Hono environment: per-request variables every handler can reach via `c.var`. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    actor: Actor | null;
    /** Per-user limits of this app instance. */
    limits: AppLimits;
  };
}

/** Rate limiters shared by the routes of one app instance (see api/lib/limits.ts). */
export interface AppLimits {
  /** Learner messages per user. */
  send: RateLimiter;
  /** Learner messages per client IP. */
  sendIp: RateLimiter;
  /** Grading submissions per user. */
  submit: RateLimiter;
  /** Grading submissions per client IP. */
  submitIp: RateLimiter;
  /** Eval runs started per user. */
  evalRun: RateLimiter;
  /** Eval runs started per client IP. */
  evalRunIp: RateLimiter;
  /** Playground replays per user. */
  playground: RateLimiter;
}
