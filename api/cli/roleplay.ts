/**
 * Entry for `npm run roleplay`: reads the LLM settings from the environment (only here), then
 * runs the testable CLI in roleplay-cli.ts. See that file for usage.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { LlmSettings } from '../llm/settings.ts';
import { runRoleplayCli } from './roleplay-cli.ts';

const envSchema = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
  RAPPORT_PERSONA_MODEL: z.string().min(1).default('gpt-4o-mini'),
  RAPPORT_GRADER_MODEL: z.string().min(1).default('gpt-4o-mini'),
  RAPPORT_LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
});

function llmFromEnv(): LlmSettings | null {
  const env = envSchema.safeParse(process.env);
  if (!env.success || !env.data.OPENAI_API_KEY) return null;
  return {
    apiKey: env.data.OPENAI_API_KEY,
    baseURL: env.data.OPENAI_BASE_URL,
    personaModel: env.data.RAPPORT_PERSONA_MODEL,
    graderModel: env.data.RAPPORT_GRADER_MODEL,
    timeoutMs: env.data.RAPPORT_LLM_TIMEOUT_MS,
    retries: 1,
  };
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const code = await runRoleplayCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  repoRoot,
  llm: llmFromEnv(),
});
process.exitCode = code;
