/**
 * Entry for `npm run evals`: reads settings from the environment (only here, via parseConfig),
 * then runs the testable CLI in evals-cli.ts. See that file for usage.
 */
import { repoRoot } from '../content/repo-root.ts';
import { configFromEnvOrExit } from './env.ts';
import { runEvalsCli } from './evals-cli.ts';

const config = configFromEnvOrExit();
process.exitCode = await runEvalsCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  root: repoRoot,
  llm: config.llm,
  databaseUrl: config.databaseUrl,
  databaseAuthToken: config.databaseAuthToken,
});
