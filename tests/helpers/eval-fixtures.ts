/**
 * Eval fixtures for route tests: an eval source over the small fixture suites in
 * tests/fixtures/evals, and stored runs made directly so comparisons are exact.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '#api/content/repo-root.ts';
import type { Db } from '#api/db/client.ts';
import { emptyVersions, figure, type SuiteResult } from '#api/evals/result.ts';
import { saveRun } from '#api/evals/store.ts';
import { LiveRuns } from '#api/services/evals/live-runs.ts';
import { createNodeEvalSource } from '#api/services/evals/node-source.ts';
import type { PersonaEngine } from '#api/roleplay/engine.ts';

/** The fixture suites that all pass offline (persona, golden, injection, consistency, learner). */
export const PASSING_SUITES = join(repoRoot, 'tests/fixtures/evals/pass');

/**
 * Eval deps over a fixture suites folder, one case at a time so progress is in order. `hold()`
 * makes every persona chat of later runs wait until the returned release is called, so a test
 * can look at a run while it is still going.
 */
export function fixtureEvals(suitesDir = PASSING_SUITES) {
  // Web runs write report files; tests keep them out of the repo's evals/reports/.
  const reportsDir = mkdtempSync(join(tmpdir(), 'rapport-eval-reports-'));
  const source = createNodeEvalSource({
    root: repoRoot,
    suitesDir,
    llm: null,
    concurrency: 1,
    reportsDir,
  });
  let gate: Promise<void> = Promise.resolve();
  const evals = {
    source: {
      ...source,
      buildContext: async (live: boolean) => {
        const ctx = await source.buildContext(live);
        const persona: PersonaEngine = {
          ...ctx.persona,
          open: async (cards) => {
            await gate;
            return ctx.persona.open(cards);
          },
        };
        return { ...ctx, persona };
      },
    },
    runs: new LiveRuns(),
  };
  const hold = () => {
    let release = () => {};
    gate = new Promise<void>((r) => (release = r));
    return () => {
      release();
      gate = Promise.resolve();
    };
  };
  return { evals, hold, reportsDir };
}

/** A finished run of `fixture-golden` with the given case outcomes and κ for empathy. */
export function goldenResult(
  runId: string,
  startedAt: number,
  outcomes: Record<string, 'pass' | 'fail'>,
  kappa: number,
): SuiteResult {
  return {
    runId,
    suite: 'fixture-golden',
    kind: 'grader-golden',
    title: 'Fixture golden suite',
    mode: 'offline',
    status: kappa >= 0.6 ? 'passed' : 'failed',
    versions: emptyVersions(),
    figures: [figure('kappa.empathy', kappa, { op: '>=', value: 0.6 })],
    cases: Object.entries(outcomes).map(([id, outcome]) => ({
      id,
      outcome,
      summary:
        outcome === 'pass' ? 'agrees with the labels' : 'empathy: labelled met, graded not_yet',
      details: {
        verdicts: [
          { criterion: 'empathy', label: 'met', got: outcome === 'pass' ? 'met' : 'not_yet' },
        ],
      },
    })),
    startedAt,
    finishedAt: startedAt + 1000,
  };
}

/**
 * Stores two golden runs an hour apart where case `b` regressed; returns their ids
 * (`run-old`, `run-new`, after `prefix`).
 */
export async function storeTwoGoldenRuns(
  db: Db,
  start: number,
  prefix = '',
): Promise<{ a: string; b: string }> {
  const a = `${prefix}run-old`;
  const b = `${prefix}run-new`;
  await saveRun(db, goldenResult(a, start, { a: 'pass', b: 'pass' }, 0.9), 'cli');
  await saveRun(db, goldenResult(b, start + 3_600_000, { a: 'pass', b: 'fail' }, 0.5), 'u1');
  return { a, b };
}
