/**
 * `npm run bench`: starts Rapport against a local fake OpenAI-compatible server and drives
 * concurrent roleplays and gradings over HTTP/SSE, with a progress bar on stderr; prints a table
 * and, last, one JSON line. Exit 0 when the run had no errors (timing targets are reported, not
 * enforced: shared machines are noisy), 1 on errors, 2 on bad options.
 */
import { BENCH_USAGE, parseBenchArgs, type BenchOptions } from './bench/args.ts';
import { checkTargets, formatTable } from './bench/report.ts';
import { runBench } from './bench/run.ts';
import { repoRoot } from '../content/repo-root.ts';

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(
      `bench: ${err instanceof Error ? err.message : String(err)}\n${BENCH_USAGE}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const figures = await runBench(repoRoot, opts);
  const targets = checkTargets(figures);
  process.stdout.write(`${formatTable(figures, targets)}\n`);
  process.stdout.write(`${JSON.stringify({ ...figures, targets })}\n`);
  const injected = opts.errorRate > 0 || opts.rateLimitRate > 0;
  process.exitCode = figures.errors > 0 && !injected ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
