/** Writes the three reports of an invocation (JSON, JUnit XML, HTML) into one folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SuiteResult } from '../result.ts';
import { htmlReport } from './html.ts';
import { junitReport } from './junit.ts';

/** The files written. */
export interface ReportFiles {
  json: string;
  junit: string;
  html: string;
}

/** The JSON report of an invocation (or of one stored run). */
export function jsonReport(results: readonly SuiteResult[], at: Date): string {
  return `${JSON.stringify({ generatedAt: at.toISOString(), suites: results }, null, 2)}\n`;
}

/** Writes `evals-<stamp>.{json,xml,html}` under `dir` and returns their paths. */
export async function writeReports(
  dir: string,
  results: readonly SuiteResult[],
  at: Date,
): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const files = {
    json: join(dir, `evals-${stamp}.json`),
    junit: join(dir, `evals-${stamp}.junit.xml`),
    html: join(dir, `evals-${stamp}.html`),
  };
  await writeFile(files.json, jsonReport(results, at));
  await writeFile(files.junit, junitReport(results));
  await writeFile(files.html, htmlReport(results, at));
  return files;
}
