/**
 * `npm run content:check [-- --root DIR] [--json]`: validates rubric packs, personas and
 * scenarios and prints the coverage matrix. Thin entry: the logic is in api/content/check.ts.
 */
import { fileURLToPath } from 'node:url';
import { runContentCheck } from '../content/check.ts';

// Resolve the repo root from this file, so the command works from any working directory.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

process.exitCode = await runContentCheck(
  process.argv.slice(2),
  { out: process.stdout, err: process.stderr },
  repoRoot,
);
