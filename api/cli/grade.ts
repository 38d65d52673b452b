/**
 * Entry for `npm run grade`. Thin: all logic lives in grade-cli.ts (runGradeCli) so it can be
 * tested; the environment (OPENAI_API_KEY…) is read here, inside main(), never at import.
 */
import { runGradeCli } from './grade-cli.ts';
import { createLlmGrader } from '../grading/grader.ts';

async function main(): Promise<void> {
  process.exitCode = await runGradeCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    createLlmGrader: (settings) => createLlmGrader(settings),
  });
}

await main();
