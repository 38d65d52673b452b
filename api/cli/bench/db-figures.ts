/**
 * Reads the benchmark's database file after the run: grading jobs (timing and tokens), persona
 * reply tokens, and how many attempts there are, for the per-grading and per-turn figures.
 */
import { stat } from 'node:fs/promises';
import { createClient } from '@libsql/client';

/** One finished grading job. */
export interface GradingRowFigures {
  attemptId: string;
  rubricId: string;
  status: string;
  tries: number;
  wallMs: number | null;
  queuedMs: number | null;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
}

/** Everything read from the database. */
export interface DbFigures {
  gradings: GradingRowFigures[];
  replyTokens: { inputTokens: number; cachedInputTokens: number; outputTokens: number }[];
  attempts: number;
  messages: number;
}

const num = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0);

/** Size in bytes of the database file plus its WAL. */
export async function databaseBytes(dbFile: string): Promise<number> {
  let total = 0;
  for (const f of [dbFile, `${dbFile}-wal`]) {
    try {
      total += (await stat(f)).size;
    } catch {
      // no WAL
    }
  }
  return total;
}

/** Reads the figures from a (stopped or live) database file. */
export async function readDbFigures(dbFile: string): Promise<DbFigures> {
  const client = createClient({ url: `file:${dbFile}` });
  try {
    const g = await client.execute(
      `select attempt_id, rubric_id, status, tries, created_at, started_at, finished_at,
              input_tokens, cached_input_tokens, output_tokens from gradings`,
    );
    const r = await client.execute(
      `select input_tokens, cached_input_tokens, output_tokens from messages
        where speaker = 'customer' and status = 'complete' and input_tokens > 0`,
    );
    const a = await client.execute('select count(*) as n from attempts');
    const m = await client.execute('select count(*) as n from messages');
    return {
      gradings: g.rows.map((row) => {
        const started = row.started_at === null ? null : num(row.started_at);
        const finished = row.finished_at === null ? null : num(row.finished_at);
        return {
          attemptId: String(row.attempt_id),
          rubricId: String(row.rubric_id),
          status: String(row.status),
          tries: num(row.tries),
          wallMs: started !== null && finished !== null ? finished - started : null,
          queuedMs: started !== null ? started - num(row.created_at) : null,
          inputTokens: num(row.input_tokens),
          cachedInputTokens: num(row.cached_input_tokens),
          outputTokens: num(row.output_tokens),
        };
      }),
      replyTokens: r.rows.map((row) => ({
        inputTokens: num(row.input_tokens),
        cachedInputTokens: num(row.cached_input_tokens),
        outputTokens: num(row.output_tokens),
      })),
      attempts: num(a.rows[0]?.n),
      messages: num(m.rows[0]?.n),
    };
  } finally {
    client.close();
  }
}
