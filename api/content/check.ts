/**
 * The `content:check` command as a testable function: parses its arguments, loads the content
 * under the repo root, and writes the validation and coverage report to the given stream.
 * Exit codes: 0 clean, 1 schema error or coverage problem, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildCoverage } from './coverage.ts';
import { loadContent } from './load.ts';
import { isClean, renderCheckReport } from './check-report.ts';

/** Where the command writes: anything with a `write(string)` (process.stdout, a test buffer). */
export interface OutputStream {
  write(chunk: string): unknown;
}

/** Runs the content check and returns the exit code. `defaultRoot` is the repo root. */
export async function runContentCheck(
  args: string[],
  io: { out: OutputStream; err: OutputStream },
  defaultRoot: string,
): Promise<number> {
  let values: { root?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { root: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: false,
    }));
  } catch (err) {
    io.err.write(`content:check: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const bundle = await loadContent(resolve(values.root ?? defaultRoot));
  const report = buildCoverage(bundle);
  if (values.json) {
    io.out.write(
      `${JSON.stringify({ ok: isClean(bundle, report), issues: bundle.issues, ...report }, null, 2)}\n`,
    );
  } else {
    io.out.write(renderCheckReport(bundle, report));
  }
  return isClean(bundle, report) ? 0 : 1;
}
