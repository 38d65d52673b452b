/**
 * Eval runs stored as they go (web runs): the run row is written when the batch starts
 * (status `running`), each case as soon as it finishes, and the figures and status at the end,
 * so a reload or another designer sees progress and a restart cannot lose a run silently: runs
 * still `running` when a server starts were cut short and are marked `error`.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { evalCases, evalRuns } from '../db/schema.ts';
import type { CaseResult, SuiteResult, Versions } from './result.ts';

/** What is known of a run when it starts. */
export interface StartedRun {
  runId: string;
  suite: string;
  kind: string;
  title: string;
  mode: 'offline' | 'live';
  versions: Versions;
  /** Cases the suite will run. */
  total: number;
  startedAt: number;
  startedBy: string;
  /**
   * Set when the run plays an organisation's stored persona/scenario versions: only that
   * organisation may see it (other runs are shared product data).
   */
  organisationId?: string | null;
}

/** The message a run cut short by a restart ends with. */
export const INTERRUPTED_MESSAGE =
  'The server restarted while this run was going, so it did not finish. Start it again.';

/** The JSON of the `figures` column: kind and title, figures, planned cases, and any error. */
function figuresJson(x: {
  kind: string;
  title: string;
  figures: unknown[];
  total: number | null;
  error?: string | null;
  organisationId?: string | null;
}): string {
  return JSON.stringify({
    kind: x.kind,
    title: x.title,
    figures: x.figures,
    total: x.total,
    error: x.error ?? null,
    organisationId: x.organisationId ?? null,
  });
}

const runMeta = z
  .object({
    kind: z.string().catch(''),
    title: z.string().catch(''),
    total: z.number().int().nullable().catch(null),
    organisationId: z.string().nullable().catch(null).default(null),
  })
  .catch({ kind: '', title: '', total: null, organisationId: null });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Writes the run row with status `running` and no figures yet. */
export async function insertRunningRun(db: Db, run: StartedRun): Promise<void> {
  await db.insert(evalRuns).values({
    id: run.runId,
    suite: run.suite,
    mode: run.mode,
    status: 'running',
    versions: JSON.stringify(run.versions),
    figures: figuresJson({
      kind: run.kind,
      title: run.title,
      figures: [],
      total: run.total,
      organisationId: run.organisationId,
    }),
    startedAt: new Date(run.startedAt),
    finishedAt: null,
    startedBy: run.startedBy,
  });
}

/** Stores one finished case (once: a repeat of the same case id is ignored). */
export async function insertCase(db: Db, runId: string, c: CaseResult): Promise<void> {
  await db
    .insert(evalCases)
    .values({
      runId,
      caseId: c.id,
      outcome: c.outcome,
      details: JSON.stringify({ summary: c.summary, ...c.details }),
    })
    .onConflictDoNothing();
}

/** The organisation a stored run is private to (null: shared, or no such run). */
export async function runOrganisation(db: Db, runId: string): Promise<string | null> {
  const [row] = await db
    .select({ figures: evalRuns.figures })
    .from(evalRuns)
    .where(eq(evalRuns.id, runId));
  return row ? runMeta.parse(parseJson(row.figures)).organisationId : null;
}

/** Stores the result's figures, status and finish time (its cases are stored already). */
export async function finishRun(db: Db, r: SuiteResult): Promise<void> {
  if (r.status === 'skipped') throw new Error(`suite ${r.suite} was skipped`);
  const organisationId = await runOrganisation(db, r.runId);
  await db
    .update(evalRuns)
    .set({
      status: r.status,
      versions: JSON.stringify(r.versions),
      figures: figuresJson({
        kind: r.kind,
        title: r.title,
        figures: r.figures,
        total: r.cases.length,
        error: r.reason ?? null,
        organisationId,
      }),
      finishedAt: new Date(r.finishedAt),
    })
    .where(eq(evalRuns.id, r.runId));
}

/** Ends a running run as `error` with a message a designer can read. */
export async function failRun(
  db: Db,
  run: { runId: string; kind: string; title: string; total: number | null },
  message: string,
  at: number,
): Promise<void> {
  const organisationId = await runOrganisation(db, run.runId);
  await db
    .update(evalRuns)
    .set({
      status: 'error',
      figures: figuresJson({ ...run, figures: [], error: message, organisationId }),
      finishedAt: new Date(at),
    })
    .where(and(eq(evalRuns.id, run.runId), eq(evalRuns.status, 'running')));
}

/**
 * Marks every run still `running` as `error` (call when a server starts: no run of the previous
 * process can still be going). Returns the ids marked.
 */
export async function failInterruptedRuns(db: Db, at: number): Promise<string[]> {
  const running = await db
    .select({ id: evalRuns.id, suite: evalRuns.suite, figures: evalRuns.figures })
    .from(evalRuns)
    .where(eq(evalRuns.status, 'running'));
  for (const row of running) {
    // An unreadable row is still marked; only its kind and title are lost.
    const meta = runMeta.parse(parseJson(row.figures));
    await failRun(
      db,
      { runId: row.id, kind: meta.kind, title: meta.title || row.suite, total: meta.total },
      INTERRUPTED_MESSAGE,
      at,
    );
  }
  return running.map((r) => r.id);
}
