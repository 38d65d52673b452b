/**
 * Prints the benchmark: a table of figures with the targets (met or missed) on stdout, then
 * one JSON line with everything, last. Missed timing targets never change the exit code.
 */
import type { BenchFigures } from './run.ts';
import type { Summary } from './stats.ts';
import { thinkRangeMs } from './roleplay-load.ts';

/** One target and whether the run met it. */
export interface TargetCheck {
  name: string;
  target: string;
  value: number | null;
  met: boolean | null;
}

const fmt = (v: number | null | undefined, unit = '') =>
  v === null || v === undefined ? '—' : `${v}${unit}`;
const pcts = (s: Summary, unit = ' ms') => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)}${unit}`;

/** Checks the brief's targets against the figures. */
export function checkTargets(f: BenchFigures): TargetCheck[] {
  const top = f.levels.at(-1);
  const check = (
    name: string,
    target: string,
    value: number | null,
    ok: (v: number) => boolean,
  ): TargetCheck => ({
    name,
    target,
    value,
    met: value === null ? null : ok(value),
  });
  return [
    check(
      `server-added first token p95 at ${top?.chats ?? 0} chats`,
      '≤ 50 ms',
      top?.addedFirstMs.p95 ?? null,
      (v) => v <= 50,
    ),
    check(
      `server-added end of reply p95 at ${top?.chats ?? 0} chats`,
      '≤ 50 ms',
      top?.addedEndMs.p95 ?? null,
      (v) => v <= 50,
    ),
    check('relay delay per token p95', '≤ 20 ms', top?.relayMs.p95 ?? null, (v) => v <= 20),
    check(
      'grading wall / slowest judge call p95',
      '≤ 1.5',
      f.grading?.wallOverSlowest.p95 ?? null,
      (v) => v <= 1.5,
    ),
    check('offline grade per transcript p95', '≤ 50 ms', f.offline.gradeMs.p95, (v) => v <= 50),
    check(
      'cached share of grading input',
      '≥ 0.7',
      f.grading?.cachedShare ?? null,
      (v) => v >= 0.7,
    ),
    check('errors (not injected)', '0', f.errors, (v) => v === 0),
  ];
}

/** The human-readable table. */
export function formatTable(f: BenchFigures, targets: TargetCheck[]): string {
  const rows: [string, string][] = [];
  const o = f.options;
  rows.push([
    'machine',
    `${f.machine.cpus} CPUs, load ${f.machine.loadBefore.join(' ')} → ${f.machine.loadAfter.join(' ')}`,
  ]);
  rows.push([
    'fake model',
    `TTFT ${o.ttft} ms, ${o.tps} tok/s, ${o.replyTokens} tokens/reply, errors ${o.errorRate}, 429s ${o.rateLimitRate}, caches on ${o.cacheOn}, judge stagger ${o.judgeStagger ?? 'default'}`,
  ]);
  for (const l of f.levels) {
    const at = `${l.chats} chats`;
    rows.push([
      `${at} (ramp-up ${l.rampMs} ms): turns ok / errors / ended early`,
      `${l.addedFirstMs.n} / ${l.errors} / ${l.endedEarly}${l.errorSamples.length ? ` (${l.errorSamples.join('; ')})` : ''}`,
    ]);
    rows.push([
      `${at}: learner think time; turns per second`,
      `${thinkRangeMs(o.think).map(Math.round).join('–')} ms; ${l.turnsPerSecond}`,
    ]);
    rows.push([`${at}: server-added first token p50/p95/p99`, pcts(l.addedFirstMs)]);
    rows.push([`${at}: server-added end of reply p50/p95/p99`, pcts(l.addedEndMs)]);
    rows.push([`${at}: relay delay per token p50/p95/p99`, pcts(l.relayMs)]);
    rows.push([
      `${at}: SSE delta events per reply p50 / mean (${o.replyTokens} chunks)`,
      `${fmt(l.eventsPerReply.p50)} / ${fmt(l.eventsPerReply.mean)}`,
    ]);
    rows.push([
      `${at}: model turn p50; added p95 / model turn`,
      `${fmt(l.modelTurnMs.p50, ' ms')}; ${fmt(l.addedP95OfModelTurn)}`,
    ]);
    rows.push([
      `${at}: send (insert) / read p95`,
      `${fmt(l.sendMs.p95, ' ms')} / ${fmt(l.readMs.p95, ' ms')}`,
    ]);
    rows.push([
      `${at}: send p95 by turn (1, 2, …); attempt start p95`,
      `${l.sendMsByTurn.map((s) => fmt(s.p95)).join(', ')} ms; ${fmt(l.startMs.p95, ' ms')}`,
    ]);
    rows.push([
      `${at}: server peak RSS; bench loop delay p99 / max`,
      `${l.peakRssMb} MB; ${l.benchLoopDelayP99Ms} / ${l.benchLoopDelayMaxMs} ms`,
    ]);
  }
  const g = f.grading;
  if (g) {
    rows.push([
      'gradings: attempts / jobs / graded / failed',
      `${g.submitted} / ${g.jobs} / ${g.graded} / ${g.failed}${g.unfinished ? ` (${g.unfinished} unfinished)` : ''}`,
    ]);
    rows.push(['grading wall p50/p95/p99', pcts(g.wallMs)]);
    rows.push(['slowest judge call p50/p95/p99', pcts(g.slowestJudgeMs)]);
    rows.push(['wall / slowest judge p50/p95/p99', pcts(g.wallOverSlowest, '×')]);
    rows.push([
      'queued before start p50/p95',
      `${fmt(g.queuedMs.p50)} / ${fmt(g.queuedMs.p95)} ms`,
    ]);
    rows.push([`jobs per minute (${g.concurrency} submissions in flight)`, fmt(g.jobsPerMinute)]);
    rows.push([
      'tokens per grading in / cached / out',
      `${g.tokensPerGrading.input} / ${g.tokensPerGrading.cached} / ${g.tokensPerGrading.output}; cached share ${fmt(g.cachedShare)}`,
    ]);
  }
  const t = f.replyTokensPerTurn;
  if (t)
    rows.push([
      'tokens per roleplay turn in / cached / out',
      `${t.input} / ${t.cached} / ${t.output}`,
    ]);
  rows.push([
    'database size per 1,000 attempts',
    f.database.bytesPer1000Attempts === null
      ? '—'
      : `${(f.database.bytesPer1000Attempts / 1e6).toFixed(2)} MB (${f.database.attempts} attempts, ${(f.database.bytes / 1e6).toFixed(1)} MB file)`,
  ]);
  rows.push([
    'server RSS high-water / at end',
    `${fmt(f.memory.peakMb, ' MB')} / ${fmt(f.memory.rssAtEndMb, ' MB')}`,
  ]);
  rows.push([
    `offline grade per transcript p50/p95/max (${f.offline.transcripts} golden)`,
    `${fmt(f.offline.gradeMs.p50)} / ${fmt(f.offline.gradeMs.p95)} / ${fmt(f.offline.gradeMs.max)} ms`,
  ]);
  rows.push([
    'offline persona reply p50/p95/max',
    `${fmt(f.offline.personaReplyMs.p50)} / ${fmt(f.offline.personaReplyMs.p95)} / ${fmt(f.offline.personaReplyMs.max)} ms`,
  ]);
  rows.push([
    `npm run grade on ${f.offline.gradeCli.transcripts} transcripts`,
    `${f.offline.gradeCli.wallMs} ms (exit ${f.offline.gradeCli.exitCode})`,
  ]);
  rows.push([
    'fake model requests / injected 5xx / 429',
    `${f.fake.requests} / ${f.fake.injectedErrors} / ${f.fake.injectedRateLimits}`,
  ]);
  for (const c of targets)
    rows.push([
      `target: ${c.name}`,
      `${fmt(c.value)} (${c.target}) ${c.met === null ? 'n/a' : c.met ? 'met' : 'MISSED'}`,
    ]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
