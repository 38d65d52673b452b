/**
 * The one settings schema for every runtime. Each entry parses its environment with
 * `parseConfig`; nothing else reads env. A bad value is reported with the field and the reason.
 */
import { z } from 'zod';
import type { LlmSettings } from './llm/settings.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const intFromEnv = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: intFromEnv(8787, 1, 65535),
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:|libsql:|https?:|wss?:|:memory:)/,
        'must start with file:, libsql:, http(s): or ws(s):',
      )
      .default('file:data/rapport.db'),
    DATABASE_AUTH_TOKEN: optionalText,
    /**
     * SQLite `synchronous` for a local file database (WAL): `normal` does not fsync on every
     * commit (survives a crash of the process, may lose the last commits on power loss), `full`
     * does (see docs/decisions/008-performance.md).
     */
    DATABASE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
    AUTH_SECRET: optionalText,
    /** Public origin of the app, e.g. https://rapport.example.org (cookies, CSRF origin check). */
    APP_ORIGIN: z.url().optional(),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: z.url().default('https://api.openai.com/v1'),
    RAPPORT_PERSONA_MODEL: z.string().min(1).default('gpt-4o-mini'),
    RAPPORT_GRADER_MODEL: z.string().min(1).default('gpt-4o-mini'),
    RAPPORT_LLM_TIMEOUT_MS: intFromEnv(30_000, 1_000, 600_000),
    RAPPORT_LLM_RETRIES: intFromEnv(1, 0, 5),
    /** Head start of a grading's first judge call over the others, so they hit the prompt cache. */
    RAPPORT_JUDGE_STAGGER_MS: intFromEnv(500, 0, 30_000),
    RAPPORT_SIGNIN_PER_MINUTE: intFromEnv(10, 1, 10_000),
    /** Per-user and per-client-IP limits (per minute, per process) on model-spending writes. */
    RAPPORT_SEND_PER_MINUTE: intFromEnv(30, 1, 100_000),
    RAPPORT_SEND_PER_IP_PER_MINUTE: intFromEnv(600, 1, 1_000_000),
    RAPPORT_SUBMIT_PER_MINUTE: intFromEnv(10, 1, 100_000),
    RAPPORT_SUBMIT_PER_IP_PER_MINUTE: intFromEnv(120, 1, 1_000_000),
    RAPPORT_EVAL_RUNS_PER_MINUTE: intFromEnv(10, 1, 100_000),
    RAPPORT_EVAL_RUNS_PER_IP_PER_MINUTE: intFromEnv(30, 1, 1_000_000),
    RAPPORT_PLAYGROUND_PER_MINUTE: intFromEnv(20, 1, 100_000),
    /** Token budget (input + output per month) given to organisations created from now on. */
    RAPPORT_DEFAULT_MONTHLY_TOKEN_BUDGET: z.coerce.number().int().positive().optional(),
    /** Replace learner, persona and prompt text in logs by its length and a hash. */
    RAPPORT_LOG_REDACT_TEXT: z.enum(['on', 'off']).optional(),
    /** How long a generating persona reply is held before another instance may take it over. */
    RAPPORT_REPLY_LEASE_MS: intFromEnv(30_000, 1_000, 600_000),
    /** How long a resolved session is reused per process (0 = look it up on every request). */
    RAPPORT_SESSION_CACHE_MS: intFromEnv(5_000, 0, 60_000),
    /** Node entry: append per-stage timings and event-loop delay to this file (investigations). */
    RAPPORT_PERF_TRACE: z.string().min(1).optional(),
    /** How long a running grading job is held before another worker may take it over. */
    RAPPORT_GRADING_LEASE_MS: intFromEnv(120_000, 1_000, 3_600_000),
    /** Node server: a client must send its request headers within this time (slow-loris guard). */
    RAPPORT_HTTP_HEADERS_TIMEOUT_MS: intFromEnv(10_000, 1_000, 600_000),
    /** Node server: a client must send its whole request (headers and body) within this time. */
    RAPPORT_HTTP_REQUEST_TIMEOUT_MS: intFromEnv(30_000, 1_000, 3_600_000),
    /**
     * Node server: how long an idle keep-alive connection stays open. Node's 5 s default made a
     * learner who thinks longer than that open new connections every turn (npm run bench).
     */
    RAPPORT_HTTP_KEEPALIVE_TIMEOUT_MS: intFromEnv(65_000, 1_000, 600_000),
    RAPPORT_DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
    /** Fixed demo password (tests, workshops); random when unset. */
    RAPPORT_DEMO_PASSWORD: z.string().min(10).optional(),
    /** Where eval runs started from the web write their report files (Node); evals/reports/ when unset. */
    RAPPORT_EVAL_REPORTS_DIR: optionalText,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((v, ctx) => {
    if (v.RAPPORT_HTTP_HEADERS_TIMEOUT_MS > v.RAPPORT_HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['RAPPORT_HTTP_HEADERS_TIMEOUT_MS'],
        message: 'must not exceed RAPPORT_HTTP_REQUEST_TIMEOUT_MS',
      });
    }
    if (v.NODE_ENV === 'production' && (!v.AUTH_SECRET || v.AUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'must be set to at least 32 characters in production',
      });
    }
    if (v.AUTH_SECRET !== undefined && v.AUTH_SECRET.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'must be at least 32 characters',
      });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

/** Parsed settings, grouped the way the app uses them. */
export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** SQLite `synchronous` for a local file database. */
  databaseSynchronous: 'normal' | 'full';
  /** Secret for signing session cookies; a fixed development secret when unset outside production. */
  authSecret: string;
  appOrigin: string | undefined;
  /** Null when no key is configured: the offline persona engine and grader are used. */
  llm: LlmSettings | null;
  signInPerMinute: number;
  /** Per-minute limits on writes that spend model tokens (see README's configuration table). */
  rateLimits: RateLimitConfig;
  /** Budget for organisations created from now on; undefined = no cap. */
  defaultMonthlyTokenBudget: number | undefined;
  /** Whether free text in log fields is replaced by its length and hash (on by default in production). */
  logRedactText: boolean;
  replyLeaseMs: number;
  /** How long a resolved session is reused per process; 0 turns the cache off. */
  sessionCacheMs: number;
  /** File for the opt-in performance trace (api/lib/perf-trace.ts); undefined = off. */
  perfTraceFile: string | undefined;
  gradingLeaseMs: number;
  /** Node HTTP server limits on slow clients (request headers, whole request), in ms. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number };
  demoSeed: boolean;
  demoPassword: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  /** Report folder for web eval runs; undefined means `<repo>/evals/reports`. */
  evalReportsDir: string | undefined;
}

/** Per-minute request limits, per user and per client IP. */
export interface RateLimitConfig {
  sendPerMinute: number;
  sendPerIpPerMinute: number;
  submitPerMinute: number;
  submitPerIpPerMinute: number;
  evalRunsPerMinute: number;
  evalRunsPerIpPerMinute: number;
  playgroundPerMinute: number;
}

/** One invalid setting, as shown to the operator. */
export interface ConfigIssue {
  field: string;
  message: string;
}

/** Thrown by `parseConfig` when any setting is invalid. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Only for development and tests; production refuses to start without AUTH_SECRET.
const DEV_SECRET = 'rapport-development-secret-not-for-production-use';

/** Parses an environment record (process.env or Worker bindings) into AppConfig. */
export function parseConfig(env: Record<string, unknown>): AppConfig {
  const picked = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k]]));
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.') || '(root)',
        message: i.message,
      })),
    );
  }
  const v = parsed.data;
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    databaseUrl: v.DATABASE_URL,
    databaseAuthToken: v.DATABASE_AUTH_TOKEN,
    databaseSynchronous: v.DATABASE_SYNCHRONOUS,
    authSecret: v.AUTH_SECRET ?? DEV_SECRET,
    appOrigin: v.APP_ORIGIN,
    llm: v.OPENAI_API_KEY
      ? {
          apiKey: v.OPENAI_API_KEY,
          baseURL: v.OPENAI_BASE_URL,
          personaModel: v.RAPPORT_PERSONA_MODEL,
          graderModel: v.RAPPORT_GRADER_MODEL,
          timeoutMs: v.RAPPORT_LLM_TIMEOUT_MS,
          retries: v.RAPPORT_LLM_RETRIES,
          judgeStaggerMs: v.RAPPORT_JUDGE_STAGGER_MS,
        }
      : null,
    signInPerMinute: v.RAPPORT_SIGNIN_PER_MINUTE,
    rateLimits: {
      sendPerMinute: v.RAPPORT_SEND_PER_MINUTE,
      sendPerIpPerMinute: v.RAPPORT_SEND_PER_IP_PER_MINUTE,
      submitPerMinute: v.RAPPORT_SUBMIT_PER_MINUTE,
      submitPerIpPerMinute: v.RAPPORT_SUBMIT_PER_IP_PER_MINUTE,
      evalRunsPerMinute: v.RAPPORT_EVAL_RUNS_PER_MINUTE,
      evalRunsPerIpPerMinute: v.RAPPORT_EVAL_RUNS_PER_IP_PER_MINUTE,
      playgroundPerMinute: v.RAPPORT_PLAYGROUND_PER_MINUTE,
    },
    defaultMonthlyTokenBudget: v.RAPPORT_DEFAULT_MONTHLY_TOKEN_BUDGET,
    logRedactText:
      (v.RAPPORT_LOG_REDACT_TEXT ?? (v.NODE_ENV === 'production' ? 'on' : 'off')) === 'on',
    replyLeaseMs: v.RAPPORT_REPLY_LEASE_MS,
    sessionCacheMs: v.RAPPORT_SESSION_CACHE_MS,
    perfTraceFile: v.RAPPORT_PERF_TRACE,
    gradingLeaseMs: v.RAPPORT_GRADING_LEASE_MS,
    http: {
      headersTimeoutMs: v.RAPPORT_HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: v.RAPPORT_HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: v.RAPPORT_HTTP_KEEPALIVE_TIMEOUT_MS,
    },
    demoSeed: v.RAPPORT_DEMO_SEED === 'auto' && v.NODE_ENV !== 'production',
    demoPassword: v.RAPPORT_DEMO_PASSWORD,
    logLevel: v.LOG_LEVEL,
    evalReportsDir: v.RAPPORT_EVAL_REPORTS_DIR,
  };
}
