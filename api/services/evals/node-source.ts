/**
 * The Node eval source: suites from `evals/suites/` (or another folder) under the repo root,
 * engines built like `npm run evals` builds them, live answers cached under `evals/.cache/`.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildEvalContext } from '../../evals/build-context.ts';
import { createFileCache } from '../../evals/cache.ts';
import {
  formatSuiteIssue,
  listSuiteFiles,
  loadSuites,
  parseSuite,
} from '../../evals/suite-load.ts';
import { writeReports } from '../../evals/report/write.ts';
import type { LlmSettings } from '../../llm/settings.ts';
import { suiteInfo, type EvalSource, type SuiteInfo } from './source.ts';

/** Where the suites live and how live runs reach the model. */
export interface NodeEvalSourceOptions {
  root: string;
  /** Default `<root>/evals/suites`. */
  suitesDir?: string;
  llm: LlmSettings | null;
  /** Default `<root>/evals/.cache`. */
  cacheDir?: string;
  /** Where web runs write their reports; default `<root>/evals/reports`. */
  reportsDir?: string;
  concurrency?: number;
  fetch?: typeof fetch;
}

/** An EvalSource over the repository's files. */
export function createNodeEvalSource(opts: NodeEvalSourceOptions): EvalSource {
  const dir = opts.suitesDir ?? join(opts.root, 'evals', 'suites');
  const cacheDir = opts.cacheDir ?? join(opts.root, 'evals', '.cache');
  const reportsDir = opts.reportsDir ?? join(opts.root, 'evals', 'reports');
  return {
    concurrency: opts.concurrency ?? 4,
    async listSuites() {
      const suites: SuiteInfo[] = [];
      const issues: string[] = [];
      let names: string[] = [];
      try {
        names = await listSuiteFiles(dir);
      } catch (err) {
        issues.push(`${relative(opts.root, dir)}: cannot read folder (${String(err)})`);
      }
      for (const name of names) {
        const path = join(dir, name);
        const parsed = parseSuite(relative(opts.root, path), await readFile(path, 'utf8'));
        if (parsed.suite) suites.push(suiteInfo(parsed.suite));
        issues.push(...parsed.issues.map(formatSuiteIssue));
      }
      return { suites, issues };
    },
    loadSuites: (ids) => loadSuites(dir, ids, opts.root),
    writeReports: (results, at) => writeReports(reportsDir, results, at),
    buildContext: (live) =>
      buildEvalContext({
        root: opts.root,
        live:
          live && opts.llm
            ? { settings: opts.llm, cache: createFileCache(cacheDir), fetch: opts.fetch }
            : null,
      }),
  };
}
