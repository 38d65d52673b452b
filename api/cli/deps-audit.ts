/**
 * `npm run audit:deps` (run by .ci/run): `npm audit --omit=dev --json`, decided by
 * deps-audit-decide.ts against docs/audit-allowlist.json. Exit 1 on a high or critical advisory
 * that is not allowlisted; exit 0 with "audit unavailable: <reason>" when the registry's audit
 * endpoint cannot be reached.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../content/repo-root.ts';
import { allowlistSchema, decide, describeVerdict } from './deps-audit-decide.ts';

const allowlistPath = join(repoRoot, 'docs/audit-allowlist.json');
const allowlist = allowlistSchema.safeParse(JSON.parse(await readFile(allowlistPath, 'utf8')));
if (!allowlist.success) {
  process.stderr.write(`docs/audit-allowlist.json is invalid: ${allowlist.error.message}\n`);
  process.exit(1);
}

// npm audit exits 1 whenever it finds anything, so the exit code alone decides nothing.
const { stdout, runError } = await new Promise<{ stdout: string; runError?: string }>((done) =>
  execFile(
    'npm',
    ['audit', '--omit=dev', '--json'],
    { cwd: repoRoot, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    (err, out) => done({ stdout: out, runError: err && !out.trim() ? err.message : undefined }),
  ),
);
const verdict = decide(stdout, allowlist.data, {
  today: new Date().toISOString().slice(0, 10),
  runError,
});
process.stdout.write(`${describeVerdict(verdict).join('\n')}\n`);
if (verdict.kind === 'fail') process.exit(1);
