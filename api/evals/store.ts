/**
 * Eval runs in the database (`eval_runs`, `eval_cases`): one row per suite run with its versions
 * and figures, one row per case. Skipped suites did not run, so they are not stored.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { evalCases, evalRuns } from '../db/schema.ts';
import { figureSchema, type Figure, type SuiteResult } from './result.ts';

/**
 * Stores one suite result (not skipped ones); returns whether it was stored. `startedBy` is
 * `cli` for the command line, or the id of the user who started it from the web.
 */
export async function saveRun(db: Db, r: SuiteResult, startedBy = 'cli'): Promise<boolean> {
  if (r.status === 'skipped') return false;
  await db.batch([
    db.insert(evalRuns).values({
      id: r.runId,
      suite: r.suite,
      mode: r.mode,
      status: r.status,
      versions: JSON.stringify(r.versions),
      figures: JSON.stringify({ kind: r.kind, title: r.title, figures: r.figures }),
      startedAt: new Date(r.startedAt),
      finishedAt: new Date(r.finishedAt),
      startedBy,
    }),
    ...r.cases.map((c) =>
      db.insert(evalCases).values({
        runId: r.runId,
        caseId: c.id,
        outcome: c.outcome,
        details: JSON.stringify({ summary: c.summary, ...c.details }),
      }),
    ),
  ]);
  return true;
}

/** A stored run as `--compare` needs it. */
export interface StoredRun {
  runId: string;
  suite: string;
  status: string;
  figures: Figure[];
  cases: { id: string; outcome: string; summary: string }[];
}

const storedFigures = z.object({ figures: z.array(figureSchema) });
const storedDetails = z.looseObject({ summary: z.string().default('') });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Loads a stored run by id, or null when there is none. */
export async function loadRun(db: Db, runId: string): Promise<StoredRun | null> {
  const [run] = await db.select().from(evalRuns).where(eq(evalRuns.id, runId));
  if (!run) return null;
  const rows = await db.select().from(evalCases).where(eq(evalCases.runId, runId));
  const figures = storedFigures.safeParse(parseJson(run.figures));
  return {
    runId,
    suite: run.suite,
    status: run.status,
    figures: figures.success ? figures.data.figures : [],
    cases: rows
      .map((row) => {
        const details = storedDetails.safeParse(parseJson(row.details));
        return {
          id: row.caseId,
          outcome: row.outcome,
          summary: details.success ? details.data.summary : '',
        };
      })
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
