/**
 * The benchmark run: fake model up, Rapport started against it, learners signed in, the chat
 * levels played, gradings submitted, the server stopped and its database read, the offline
 * engines timed. Returns the figures; printing is report.ts's job.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';
import type { BenchOptions } from './args.ts';
import { startApp } from './app-process.ts';
import { databaseBytes, readDbFigures } from './db-figures.ts';
import { preciseNow, startFakeOpenAi, type FakeStats } from './fake-openai.ts';
import { gradingFigures, type GradingFigures } from './grading-figures.ts';
import { runGradings } from './grading-load.ts';
import type { BenchClient } from './http-client.ts';
import { readRss, sampleRss } from './memory.ts';
import { measureGradeCli, measureOffline, type OfflineFigures } from './offline.ts';
import { Progress } from './progress.ts';
import { rampMs, runChats, type ChatRecord } from './roleplay-load.ts';
import { summarise, type Summary } from './stats.ts';
import { turnSamples } from './turn-metrics.ts';
import { createLearners, signInAdmin } from './users.ts';

/** Figures of one concurrency level. */
export interface LevelFigures {
  chats: number;
  turns: number;
  /** The level's ramp-up: chat starts were spread over this many ms. */
  rampMs: number;
  errors: number;
  errorSamples: string[];
  endedEarly: number;
  addedFirstMs: Summary;
  addedEndMs: Summary;
  relayMs: Summary;
  /** SSE delta events per reply (the fake writes one chunk per token). */
  eventsPerReply: Summary;
  modelTurnMs: Summary;
  /** Server-added p95 (first token) as a share of a typical (median) model turn. */
  addedP95OfModelTurn: number | null;
  sendMs: Summary;
  /** Send round trip by turn index (turn 1 of every chat, turn 2, …). */
  sendMsByTurn: Summary[];
  /** Round trip of the attempt start (`POST /api/attempts`). */
  startMs: Summary;
  readMs: Summary;
  unmatched: number;
  /** Learner turns finished per second of the level (its wall time): the load the pace made. */
  turnsPerSecond: number;
  peakRssMb: number;
  benchLoopDelayP99Ms: number;
  /** Longest the bench process's own event loop was blocked during the level (ms). */
  benchLoopDelayMaxMs: number;
}

/** All figures of a run. */
export interface BenchFigures {
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[] };
  options: BenchOptions;
  levels: LevelFigures[];
  grading: GradingFigures | null;
  replyTokensPerTurn: { input: number; cached: number; output: number } | null;
  database: { bytes: number; attempts: number; bytesPer1000Attempts: number | null };
  memory: { peakMb: number | null; rssAtEndMb: number | null };
  offline: OfflineFigures;
  fake: FakeStats;
  errors: number;
  setupMs: number;
}

const scenariosAnswer = z.object({ scenarios: z.array(z.looseObject({ id: z.string() })).min(1) });

function levelFigures(
  chats: ChatRecord[],
  streams: Parameters<typeof turnSamples>[1],
  turns: number,
): Omit<
  LevelFigures,
  'peakRssMb' | 'benchLoopDelayP99Ms' | 'benchLoopDelayMaxMs' | 'rampMs' | 'turnsPerSecond'
> {
  const samples = turnSamples(
    chats.flatMap((c) => c.turns),
    streams,
  );
  const errors = chats.flatMap((c) => c.errors);
  const added = summarise(samples.addedFirst);
  const model = summarise(samples.modelTurn);
  return {
    chats: chats.length,
    turns,
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 5),
    endedEarly: chats.filter((c) => c.endedEarly).length,
    addedFirstMs: added,
    addedEndMs: summarise(samples.addedEnd),
    relayMs: summarise(samples.relay),
    eventsPerReply: summarise(samples.eventsPerReply),
    modelTurnMs: model,
    addedP95OfModelTurn:
      added.p95 !== null && model.p50 ? Math.round((added.p95 / model.p50) * 1000) / 1000 : null,
    sendMs: summarise(samples.post),
    sendMsByTurn: Array.from({ length: turns }, (_, i) =>
      summarise(chats.flatMap((c) => (c.turns[i] ? [c.turns[i].postMs] : []))),
    ),
    startMs: summarise(chats.flatMap((c) => (c.startMs === null ? [] : [c.startMs]))),
    readMs: summarise(samples.read),
    unmatched: samples.unmatched,
  };
}

/** Runs the whole benchmark from the repo root `root`. */
export async function runBench(root: string, opts: BenchOptions): Promise<BenchFigures> {
  const loadBefore = loadavg();
  const setupStarted = preciseNow();
  const deadline = preciseNow() + opts.timeoutSeconds * 1000;
  const fake = await startFakeOpenAi({
    ttftMs: opts.ttft,
    tokensPerSecond: opts.tps,
    replyTokens: opts.replyTokens,
    errorRate: opts.errorRate,
    rateLimitRate: opts.rateLimitRate,
    cacheOn: opts.cacheOn,
  });
  const demoPassword = `bench-${randomBytes(6).toString('hex')}`;
  const app = await startApp({
    llmBaseURL: fake.baseURL,
    demoPassword,
    cpuProfDir: opts.cpuProfDir,
    env: opts.judgeStagger === null ? {} : { RAPPORT_JUDGE_STAGGER_MS: String(opts.judgeStagger) },
  });
  const rss = sampleRss(app.pid);
  try {
    const admin = await signInAdmin(app.url, demoPassword);
    const scenarios = scenariosAnswer.parse((await admin.request('GET', '/api/scenarios')).body);
    const scenarioId = scenarios.scenarios[0]!.id;
    // Each user may send 30 messages a minute: reuse learners across levels only when that holds.
    const reuse = opts.levels.length * opts.turns <= 25;
    const poolSize = reuse ? Math.max(...opts.levels) : opts.levels.reduce((a, b) => a + b, 0);
    const users = new Progress('signing in learners', poolSize);
    const learners = await createLearners(admin, poolSize, randomBytes(3).toString('hex'), () =>
      users.tick(),
    );
    users.finish();
    const baseBytes = await databaseBytes(app.dbFile);
    const setupMs = preciseNow() - setupStarted;

    const levels: LevelFigures[] = [];
    let offset = 0;
    let top: { chats: ChatRecord[]; clients: BenchClient[] } | null = null;
    for (const level of opts.levels) {
      const clients = learners.slice(offset, offset + level);
      if (!reuse) offset += level;
      const bar = new Progress(`${level} concurrent chats`, level * opts.turns);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const levelRss = sampleRss(app.pid);
      const levelStarted = preciseNow();
      const chats = await runChats(clients, {
        levelTag: `L${level}`,
        scenarioId,
        turns: opts.turns,
        thinkMs: opts.think,
        rampMs: rampMs(opts.ramp),
        deadline,
        onTurn: () => bar.tick(),
      });
      const levelSeconds = (preciseNow() - levelStarted) / 1000;
      bar.finish();
      loop.disable();
      const turnsDone = chats.reduce(
        (n, c) => n + c.turns.filter((t) => t.doneAt !== null).length,
        0,
      );
      levels.push({
        ...levelFigures(chats, fake.streams, opts.turns),
        rampMs: rampMs(opts.ramp),
        turnsPerSecond: Math.round((turnsDone / levelSeconds) * 10) / 10,
        peakRssMb: await levelRss.stop(),
        benchLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
        benchLoopDelayMaxMs: Math.round(loop.max / 1e5) / 10,
      });
      if (level === Math.max(...opts.levels)) top = { chats, clients };
    }

    let grading: GradingFigures | null = null;
    let gradingLoad = null;
    if (opts.gradings > 0 && top) {
      const targets = top.chats
        .map((chat, i) => ({ chat, client: top.clients[i]! }))
        .filter(({ chat }) => chat.attemptId !== null && chat.errors.length === 0)
        .slice(0, opts.gradings)
        .map(({ chat, client }) => ({ client, attemptId: chat.attemptId! }));
      const submitBar = new Progress('gradings (jobs finished)', targets.length * 4);
      gradingLoad = await runGradings(targets, {
        concurrency: opts.gradingConcurrency,
        deadline,
        onSubmitted: () => {},
        onFinished: (n) => submitBar.set(n),
      });
      submitBar.finish();
    }

    const memoryAtEnd = await readRss(app.pid);
    await rss.stop();
    await app.stop();
    const db = await readDbFigures(app.dbFile);
    const bytes = await databaseBytes(app.dbFile);
    if (gradingLoad) {
      const tagOf = new Map(top!.chats.map((c) => [c.attemptId ?? '', c.tag]));
      grading = gradingFigures(
        db.gradings,
        fake.judges,
        tagOf,
        gradingLoad,
        opts.gradingConcurrency,
      );
    }
    const replies = db.replyTokens;
    const mean = (xs: number[]) =>
      xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0;
    const offlineBar = new Progress('offline engines', 2);
    const offline = await measureOffline(root, opts.offlineRounds);
    offlineBar.tick();
    const gradeCli = await measureGradeCli(root, opts.gradeCliTranscripts);
    offlineBar.tick();
    offlineBar.finish();
    await app.cleanup();
    const errors =
      levels.reduce((a, l) => a + l.errors, 0) +
      (grading ? grading.errors + grading.failed + grading.unfinished : 0) +
      (gradeCli.exitCode === 0 ? 0 : 1);
    return {
      machine: {
        cpus: cpus().length,
        loadBefore: loadBefore.map((v) => Math.round(v * 100) / 100),
        loadAfter: loadavg().map((v) => Math.round(v * 100) / 100),
      },
      options: opts,
      levels,
      grading,
      replyTokensPerTurn: replies.length
        ? {
            input: mean(replies.map((r) => r.inputTokens)),
            cached: mean(replies.map((r) => r.cachedInputTokens)),
            output: mean(replies.map((r) => r.outputTokens)),
          }
        : null,
      database: {
        bytes,
        attempts: db.attempts,
        bytesPer1000Attempts: db.attempts
          ? Math.round(((bytes - baseBytes) / db.attempts) * 1000)
          : null,
      },
      memory: { peakMb: memoryAtEnd.peakMb, rssAtEndMb: memoryAtEnd.rssMb },
      offline: { ...offline, gradeCli },
      fake: fake.stats,
      errors,
      setupMs: Math.round(setupMs),
    };
  } catch (err) {
    await rss.stop();
    await app.stop();
    await app.cleanup();
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}\n--- server output ---\n${app.output()}`,
    );
  } finally {
    await fake.close();
  }
}
