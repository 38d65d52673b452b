/**
 * Reading stored eval runs for the web: a list of runs with their figures and case counts, and
 * one run with every case's details. JSON columns are parsed with zod, so a row written by an
 * older version shows what it can instead of failing the page.
 */
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { evalCases, evalRuns } from '../db/schema.ts';
import { figureSchema, versionsSchema, type Figure, type Versions } from './result.ts';

/** Cases of a run by outcome. */
export interface CaseCounts {
  pass: number;
  fail: number;
  error: number;
}

/** A stored run as the runs table shows it. */
export interface RunRow {
  runId: string;
  suite: string;
  kind: string;
  title: string;
  mode: 'offline' | 'live';
  status: 'running' | 'passed' | 'failed' | 'error';
  figures: Figure[];
  caseCounts: CaseCounts;
  startedAt: number;
  finishedAt: number | null;
  startedBy: string | null;
  /** Cases planned (web runs store it at the start; null for CLI runs). */
  total: number | null;
  /** Why the run ended in `error` (web runs), else null. */
  error: string | null;
  /** The organisation a run on its stored content versions is private to; null when shared. */
  organisationId: string | null;
}

/** One case of a stored run, with its details (expected vs actual, transcript). */
export interface StoredCase {
  id: string;
  outcome: 'pass' | 'fail' | 'error';
  summary: string;
  details: Record<string, unknown>;
}

/** A stored run with its versions and cases. */
export interface RunDetail extends RunRow {
  versions: Versions | null;
  cases: StoredCase[];
}

const storedFigures = z.object({
  kind: z.string().catch(''),
  title: z.string().catch(''),
  figures: z.array(figureSchema).catch([]),
  total: z.number().int().nullable().catch(null).default(null),
  error: z.string().nullable().catch(null).default(null),
  organisationId: z.string().nullable().catch(null).default(null),
});
const storedDetails = z.record(z.string(), z.unknown());

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

type RunRecord = typeof evalRuns.$inferSelect;

function toRow(run: RunRecord, caseCounts: CaseCounts): RunRow {
  const stored = storedFigures.safeParse(parseJson(run.figures));
  return {
    runId: run.id,
    suite: run.suite,
    kind: stored.success ? stored.data.kind : '',
    title: stored.success && stored.data.title ? stored.data.title : run.suite,
    mode: run.mode,
    status: run.status,
    figures: stored.success ? stored.data.figures : [],
    caseCounts,
    startedAt: run.startedAt.getTime(),
    finishedAt: run.finishedAt?.getTime() ?? null,
    startedBy: run.startedBy,
    total: stored.success ? stored.data.total : null,
    error: stored.success ? stored.data.error : null,
    organisationId: stored.success ? stored.data.organisationId : null,
  };
}

async function caseCountsOf(db: Db, runIds: string[]): Promise<Map<string, CaseCounts>> {
  const counts = new Map<string, CaseCounts>(
    runIds.map((id) => [id, { pass: 0, fail: 0, error: 0 }]),
  );
  if (runIds.length === 0) return counts;
  const rows = await db
    .select({ runId: evalCases.runId, outcome: evalCases.outcome, n: count() })
    .from(evalCases)
    .where(inArray(evalCases.runId, runIds))
    .groupBy(evalCases.runId, evalCases.outcome);
  for (const row of rows) {
    const entry = counts.get(row.runId);
    if (entry) entry[row.outcome] = row.n;
  }
  return counts;
}

/**
 * The newest stored runs first, optionally of one suite. With `organisationId`, runs private to
 * another organisation (runs on its stored content versions) are left out.
 */
export async function listRuns(
  db: Db,
  opts: { suite?: string; limit: number; organisationId?: string },
): Promise<RunRow[]> {
  const where: SQL[] = opts.suite ? [eq(evalRuns.suite, opts.suite)] : [];
  if (opts.organisationId !== undefined) {
    where.push(
      sql`coalesce(case when json_valid(${evalRuns.figures}) then json_extract(${evalRuns.figures}, '$.organisationId') end, ${opts.organisationId}) = ${opts.organisationId}`,
    );
  }
  const runs = await db
    .select()
    .from(evalRuns)
    .where(and(...where))
    .orderBy(desc(evalRuns.startedAt), desc(evalRuns.id))
    .limit(opts.limit);
  const counts = await caseCountsOf(
    db,
    runs.map((r) => r.id),
  );
  return runs.map((r) => toRow(r, counts.get(r.id) ?? { pass: 0, fail: 0, error: 0 }));
}

/** One stored run with every case (sorted by id), or null when there is none. */
export async function loadRunDetail(db: Db, runId: string): Promise<RunDetail | null> {
  const [run] = await db.select().from(evalRuns).where(eq(evalRuns.id, runId));
  if (!run) return null;
  const rows = await db.select().from(evalCases).where(eq(evalCases.runId, runId));
  const cases = rows
    .map((row): StoredCase => {
      const parsed = storedDetails.safeParse(parseJson(row.details));
      const { summary, ...details } = parsed.success ? parsed.data : {};
      return {
        id: row.caseId,
        outcome: row.outcome,
        summary: typeof summary === 'string' ? summary : '',
        details,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const caseCounts: CaseCounts = { pass: 0, fail: 0, error: 0 };
  for (const c of cases) caseCounts[c.outcome] += 1;
  const versions = versionsSchema.safeParse(parseJson(run.versions));
  return {
    ...toRow(run, caseCounts),
    versions: versions.success ? versions.data : null,
    cases,
  };
}
