/**
 * The eval endpoints through the typed client, with response types inferred from the API, so
 * the eval views cannot drift from what the server sends.
 */
import type { InferResponseType } from 'hono/client';
import { api, readJson } from '../api/client.ts';

const evals = api.evals;

/** GET /api/evals/suites: the suites and whether runs (and live runs) can start here. */
export type SuiteListing = InferResponseType<typeof evals.suites.$get, 200>;
/** One suite. */
export type SuiteInfo = SuiteListing['suites'][number];
/** One run (stored, or still running in the server). */
export type RunView = InferResponseType<typeof evals.runs.$get, 200>['runs'][number];
/** One run with its cases. */
export type RunDetail = InferResponseType<(typeof evals.runs)[':id']['$get'], 200>;
/** One case of a stored run. */
export type StoredCase = RunDetail['cases'][number];
/** What changed between two runs. */
export type Comparison = InferResponseType<typeof evals.compare.$get, 200>['comparison'];
/** A played playground chat. */
export type PlaygroundChat = InferResponseType<typeof evals.playground.$post, 200>;
/** One turn of a playground chat. */
export type PlaygroundTurn = PlaygroundChat['turns'][number];

/** Loads the suites. */
export async function fetchSuites(): Promise<SuiteListing> {
  return readJson<SuiteListing>(await evals.suites.$get());
}

/** Loads the newest runs. */
export async function fetchRuns(): Promise<RunView[]> {
  const body = await readJson<{ runs: RunView[] }>(await evals.runs.$get({ query: {} }));
  return body.runs;
}

/** Loads one run with its cases. */
export async function fetchRun(id: string): Promise<RunDetail> {
  return readJson<RunDetail>(await evals.runs[':id'].$get({ param: { id } }));
}

/** A stored persona or scenario version a run uses instead of the shipped file. */
export interface StoredContentRef {
  kind: 'persona' | 'scenario';
  id: string;
  version: string;
}

/** Starts a run of the suites; answers with one run per suite. */
export async function startRun(
  suites: string[],
  live: boolean,
  content: StoredContentRef[] = [],
): Promise<RunView[]> {
  const res = await evals.runs.$post({ json: { suites, live, content } });
  return (await readJson<{ runs: RunView[] }>(res)).runs;
}

/** Compares run `a` (before) with run `b` (after). */
export async function fetchComparison(a: string, b: string): Promise<Comparison> {
  const res = await evals.compare.$get({ query: { a, b } });
  return (await readJson<{ comparison: Comparison }>(res)).comparison;
}

/** Stored versions to play instead of the shipped files. */
export interface PlayVersions {
  scenarioVersion?: string;
  personaVersion?: string;
}

/** Plays the learner turns so far against the scenario (offline engine). */
export async function playTurns(
  scenarioId: string,
  turns: string[],
  versions: PlayVersions = {},
): Promise<PlaygroundChat> {
  return readJson<PlaygroundChat>(
    await evals.playground.$post({ json: { scenarioId, turns, ...versions } }),
  );
}

/** Where a finished run's report downloads from. */
export function reportUrl(runId: string, format: 'html' | 'json' | 'xml'): string {
  return `/api/evals/runs/${encodeURIComponent(runId)}/report.${format}`;
}

/** True while a run has not finished. */
export function isActive(run: RunView): boolean {
  return run.status === 'queued' || run.status === 'running';
}
