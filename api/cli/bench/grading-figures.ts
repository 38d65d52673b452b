/**
 * Grading figures: wall time of each job against the slowest judge call made for it, jobs per
 * minute, and tokens per grading with the cached share.
 */
import type { GradingRowFigures } from './db-figures.ts';
import type { JudgeRecord } from './fake-openai.ts';
import type { GradingLoadResult } from './grading-load.ts';
import { chatTagOf } from './learner-lines.ts';
import { summarise, type Summary } from './stats.ts';

/** What the grading load measured. */
export interface GradingFigures {
  concurrency: number;
  submitted: number;
  jobs: number;
  graded: number;
  failed: number;
  unfinished: number;
  errors: number;
  errorSamples: string[];
  judgeCalls: number;
  wallMs: Summary;
  slowestJudgeMs: Summary;
  /** Job wall time / slowest judge call of the same job. */
  wallOverSlowest: Summary;
  queuedMs: Summary;
  jobsPerMinute: number;
  tokensPerGrading: { input: number; cached: number; output: number };
  cachedShare: number | null;
}

/** Builds the grading figures; `tagOf` maps attempt id → chat tag used in learner lines. */
export function gradingFigures(
  rows: GradingRowFigures[],
  judges: JudgeRecord[],
  tagOf: Map<string, string>,
  load: GradingLoadResult,
  concurrency: number,
): GradingFigures {
  const slowest = new Map<string, number>();
  for (const j of judges) {
    const tag = chatTagOf(j.firstAgentText);
    if (!tag || !j.rubricId) continue;
    const key = `${tag}|${j.rubricId}`;
    slowest.set(key, Math.max(slowest.get(key) ?? 0, j.endedAt - j.receivedAt));
  }
  const walls: number[] = [];
  const slows: number[] = [];
  const ratios: number[] = [];
  for (const r of rows) {
    if (r.status !== 'graded' || r.wallMs === null) continue;
    const s = slowest.get(`${tagOf.get(r.attemptId) ?? ''}|${r.rubricId}`);
    walls.push(r.wallMs);
    if (s === undefined) continue;
    slows.push(s);
    ratios.push(r.wallMs / s);
  }
  const graded = rows.filter((r) => r.status === 'graded');
  const input = graded.reduce((a, r) => a + r.inputTokens, 0);
  const cached = graded.reduce((a, r) => a + r.cachedInputTokens, 0);
  const per = (v: number) => (graded.length ? Math.round(v / graded.length) : 0);
  const minutes = (load.endedAt - load.startedAt) / 60_000;
  return {
    concurrency,
    submitted: load.submitted,
    jobs: rows.length,
    graded: graded.length,
    failed: rows.filter((r) => r.status === 'grading_failed').length,
    unfinished: rows.filter((r) => r.status === 'queued' || r.status === 'running').length,
    errors: load.errors.length,
    errorSamples: load.errors.slice(0, 5),
    judgeCalls: judges.length,
    wallMs: summarise(walls),
    slowestJudgeMs: summarise(slows),
    wallOverSlowest: summarise(ratios.map((x) => Math.round(x * 1000) / 1000)),
    queuedMs: summarise(rows.flatMap((r) => (r.queuedMs === null ? [] : [r.queuedMs]))),
    jobsPerMinute: minutes > 0 ? Math.round((graded.length / minutes) * 10) / 10 : 0,
    tokensPerGrading: {
      input: per(input),
      cached: per(cached),
      output: per(graded.reduce((a, r) => a + r.outputTokens, 0)),
    },
    cachedShare: input > 0 ? Math.round((cached / input) * 1000) / 1000 : null,
  };
}
