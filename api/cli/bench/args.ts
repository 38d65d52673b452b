/**
 * `npm run bench` options (node:util parseArgs, validated with zod). `--smoke` is a seconds-long
 * run for CI: a few chats with a fast fake model.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * Default learner think time between turns (ms, randomised ×0.5–1.5, so 5–15 s): reading a
 * 40-token customer message and typing a sentence or two. Real webchat agents take longer (tens
 * of seconds), so this is the busy end of a human pace: 200 chats make ≈ 12 turns/s. `--think 500`
 * is a stress pace: 200 chats then offer ≈ 100 turns/s, more than one process serves
 * (docs/performance.md, decision 009).
 */
export const HUMAN_THINK_MS = 10_000;

const optionsSchema = z.strictObject({
  chats: z.coerce.number().int().min(1).max(1000),
  turns: z.coerce.number().int().min(2).max(30),
  ttft: z.coerce.number().int().min(0).max(30_000),
  tps: z.coerce.number().min(1).max(10_000),
  gradings: z.coerce.number().int().min(0).max(1000),
  gradingConcurrency: z.coerce.number().int().min(1).max(200),
  replyTokens: z.coerce.number().int().min(1).max(2000),
  think: z.coerce.number().int().min(0).max(60_000),
  /**
   * Ramp-up of a level (ms): chat i of n starts i/n of it late; null = 0 (all at once, as
   * before). Spreads the burst of new connections at a level's start (docs/performance.md).
   */
  ramp: z.coerce.number().int().min(0).max(600_000).nullable(),
  errorRate: z.coerce.number().min(0).max(1),
  rateLimitRate: z.coerce.number().min(0).max(1),
  levels: z.array(z.number().int().min(1).max(1000)).min(1),
  gradeCliTranscripts: z.number().int().min(1).max(1000),
  offlineRounds: z.number().int().min(1).max(100),
  timeoutSeconds: z.coerce.number().int().min(10).max(3600),
  smoke: z.boolean(),
  /** When the fake provider caches a prompt prefix: once processed (TTFT later) or on arrival. */
  cacheOn: z.enum(['processed', 'arrival']),
  /** RAPPORT_JUDGE_STAGGER_MS for the server, or null for the app's default. */
  judgeStagger: z.coerce.number().int().min(0).max(30_000).nullable(),
  /** Folder for the server's V8 CPU profile (`node --cpu-prof`), or null for none. */
  cpuProfDir: z.string().min(1).nullable(),
});

/** Parsed benchmark options. */
export type BenchOptions = z.infer<typeof optionsSchema>;

/** The usage line shown with a bad option. */
export const BENCH_USAGE =
  'usage: npm run bench -- [--smoke] [--chats 200] [--turns 6] [--ttft 400] [--tps 40] [--gradings 50] ' +
  '[--grading-concurrency 10] [--reply-tokens 40] [--think 10000] [--ramp MS] [--error-rate 0] [--rate-limit-rate 0] ' +
  '[--levels 1,50,200] [--timeout 900] [--cache-on processed|arrival] [--judge-stagger MS] [--cpu-prof DIR]';

/** Parses argv; throws an Error with a one-line message on bad input. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      smoke: { type: 'boolean', default: false },
      chats: { type: 'string' },
      turns: { type: 'string' },
      ttft: { type: 'string' },
      tps: { type: 'string' },
      gradings: { type: 'string' },
      'grading-concurrency': { type: 'string' },
      'reply-tokens': { type: 'string' },
      think: { type: 'string' },
      ramp: { type: 'string' },
      'error-rate': { type: 'string' },
      'rate-limit-rate': { type: 'string' },
      levels: { type: 'string' },
      timeout: { type: 'string' },
      'cpu-prof': { type: 'string' },
      'cache-on': { type: 'string' },
      'judge-stagger': { type: 'string' },
    },
  });
  const smoke = values.smoke === true;
  const chats = Number(values.chats ?? (smoke ? 3 : 200));
  const levels = values.levels
    ? values.levels.split(',').map((s) => Number(s.trim()))
    : [...new Set([1, 50, chats].filter((n) => n <= chats))];
  const parsed = optionsSchema.safeParse({
    chats,
    turns: values.turns ?? (smoke ? 2 : 6),
    ttft: values.ttft ?? (smoke ? 50 : 400),
    tps: values.tps ?? (smoke ? 200 : 40),
    gradings: values.gradings ?? (smoke ? 2 : 50),
    gradingConcurrency: values['grading-concurrency'] ?? 10,
    replyTokens: values['reply-tokens'] ?? (smoke ? 12 : 40),
    think: values.think ?? (smoke ? 50 : HUMAN_THINK_MS),
    ramp: values.ramp ?? null,
    errorRate: values['error-rate'] ?? 0,
    rateLimitRate: values['rate-limit-rate'] ?? 0,
    levels: smoke && !values.levels ? [1, chats] : levels,
    gradeCliTranscripts: smoke ? 10 : 100,
    offlineRounds: smoke ? 1 : 5,
    timeoutSeconds: values.timeout ?? (smoke ? 180 : 1800),
    smoke,
    cpuProfDir: values['cpu-prof'] ?? null,
    cacheOn: values['cache-on'] ?? 'processed',
    judgeStagger: values['judge-stagger'] ?? null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `bad option --${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.gradings > Math.max(...parsed.data.levels))
    throw new Error('bad option --gradings: cannot exceed the largest number of chats');
  return parsed.data;
}
