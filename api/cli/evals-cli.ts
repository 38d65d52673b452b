/**
 * `npm run evals -- [SUITE...] [--live] [--concurrency N] [--compare RUN_ID] [--db URL]` runs eval
 * suites from evals/suites/, stores each run in the database, writes JSON, JUnit XML and HTML
 * reports under evals/reports/, and prints a summary. Exit codes: 0 every threshold met (or
 * skipped), 1 a threshold failed or a case errored the suite, 2 bad input.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations, openLibsqlClient } from '../db/client.node.ts';
import { createDb } from '../db/client.ts';
import { buildEvalContext } from '../evals/build-context.ts';
import { createFileCache } from '../evals/cache.ts';
import { compareRuns, formatComparison } from '../evals/compare.ts';
import { SuitePlanError } from '../evals/context.ts';
import { createProgress } from '../evals/progress.ts';
import { writeReports } from '../evals/report/write.ts';
import { runSuites } from '../evals/runner.ts';
import { loadRun, saveRun } from '../evals/store.ts';
import { loadSuites, SuiteError } from '../evals/suite-load.ts';
import { suiteJsonSchema } from '../evals/suite-schema.ts';
import type { LlmSettings } from '../llm/settings.ts';
import { formatSummary } from './evals-format.ts';

/** What the CLI writes to and is configured with (the entry reads the environment). */
export interface EvalsCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  root: string;
  llm: LlmSettings | null;
  /** The app's DATABASE_URL (default file:data/rapport.db), used unless --db is given. */
  databaseUrl: string;
  databaseAuthToken?: string;
  now?: () => number;
  newRunId?: () => string;
  fetch?: typeof fetch;
}

class BadInput extends Error {}

/** Printed for --help. */
export const EVALS_USAGE = `Usage: npm run evals -- [SUITE...] [--live] [--concurrency N] [--compare RUN_ID] [--db URL]

Runs the eval suites in evals/suites/ (all of them, or the SUITE ids given), stores each run in
the database, writes JSON, JUnit XML and HTML reports to evals/reports/ and exits 1 when a
threshold fails. Offline engines by default; --live uses the configured LLM (OPENAI_API_KEY),
with answers cached under evals/.cache/ so reruns are cheap.
  --compare RUN_ID     print case changes and figure deltas from a stored run to the new one
  --suites-dir DIR     read suites from DIR     --reports-dir DIR   write reports to DIR
  --cache-dir DIR      live answer cache        --write-schema      regenerate suite.schema.json
`;

function parseCliArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        live: { type: 'boolean', default: false },
        concurrency: { type: 'string', default: '4' },
        compare: { type: 'string' },
        db: { type: 'string' },
        'suites-dir': { type: 'string' },
        'reports-dir': { type: 'string' },
        'cache-dir': { type: 'string' },
        'write-schema': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new BadInput(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new BadInput('--concurrency must be a whole number from 1 to 64');
  return { ...values, concurrency, suites: positionals };
}

/** Runs the evals CLI; returns the exit code. */
export async function runEvalsCli(argv: string[], io: EvalsCliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(EVALS_USAGE);
      return 0;
    }
    const suitesDir = args['suites-dir'] ?? join(io.root, 'evals', 'suites');
    if (args['write-schema']) {
      const file = join(suitesDir, 'suite.schema.json');
      await writeFile(file, `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`);
      io.stdout(`wrote ${file}\n`);
      return 0;
    }
    if (args.live && !io.llm)
      throw new BadInput('--live needs OPENAI_API_KEY (and the LLM settings)');
    const client = await openLibsqlClient(
      args.db ?? io.databaseUrl,
      args.db ? undefined : io.databaseAuthToken,
    );
    try {
      const db = createDb({ client });
      await applyMigrations(db);
      const baseline = args.compare ? await loadRun(db, args.compare) : null;
      if (args.compare && !baseline)
        throw new BadInput(`--compare: no stored eval run "${args.compare}"`);
      const ids = args.suites.length === 0 && baseline ? [baseline.suite] : args.suites;
      if (baseline && !ids.includes(baseline.suite))
        throw new BadInput(
          `--compare: run ${baseline.runId} is of suite "${baseline.suite}", which is not being run`,
        );
      const suites = await loadSuites(suitesDir, ids, io.root);
      const cache = createFileCache(args['cache-dir'] ?? join(io.root, 'evals', '.cache'));
      const ctx = await buildEvalContext({
        root: io.root,
        live: args.live && io.llm ? { settings: io.llm, cache, fetch: io.fetch } : null,
      });
      const now = io.now ?? Date.now;
      const results = await runSuites(suites, ctx, {
        concurrency: args.concurrency,
        progress: (total) => createProgress({ write: io.stderr, isTTY: io.stderrIsTTY }, total),
        now,
        newRunId: io.newRunId ?? (() => `ev_${crypto.randomUUID()}`),
      });
      for (const r of results) await saveRun(db, r);
      const files = await writeReports(
        args['reports-dir'] ?? join(io.root, 'evals', 'reports'),
        results,
        new Date(now()),
      );
      let out = formatSummary(results);
      if (baseline) {
        const after = results.find((r) => r.suite === baseline.suite);
        if (after) out += formatComparison(compareRuns(baseline, after));
      }
      if (ctx.mode === 'live')
        out += `cache: ${cache.stats.hits} hits, ${cache.stats.misses} misses\n`;
      out += `reports: ${files.json}\n         ${files.junit}\n         ${files.html}\n`;
      io.stdout(out);
      return results.some((r) => r.status === 'failed' || r.status === 'error') ? 1 : 0;
    } finally {
      client.close();
    }
  } catch (err) {
    if (err instanceof BadInput || err instanceof SuitePlanError) {
      io.stderr(`evals: ${err.message}\n`);
      return 2;
    }
    if (err instanceof SuiteError) {
      io.stderr(`evals: invalid suite\n${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
