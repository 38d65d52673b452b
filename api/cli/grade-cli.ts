/**
 * `npm run grade -- --rubric ID [--offline] [--format json|jsonl|text] [--rubrics-dir DIR] FILE...`
 *
 * Grades transcript files (JSON or plain text, BRIEF §4.1) without the server or a database.
 * Every file and the rubric are validated before anything is graded or printed, so bad input
 * exits 2 with one line naming the file (and line), and stdout stays empty.
 * Exit codes: 0 all graded; 1 some grading ended `grading_failed` (results still printed);
 * 2 bad input. `--rubrics-dir` points at a folder of `<id>.yaml` packs (tests use fixtures);
 * by default packs come from `rubrics/` at the repo root, resolved from this file, not the cwd.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadRubricPack, loadYamlFile } from '../content/load.ts';
import { contentId, rubricPackSchema, type RubricPack } from '../content/schemas.ts';
import { createOfflineGrader, type Grader } from '../grading/grader.ts';
import type { LlmSettings } from '../llm/settings.ts';
import { parseTranscript, TranscriptParseError } from '../transcript/parse.ts';
import type { Transcript } from '../transcript/schema.ts';
import { formatResults, type FileResult, type GradeFormat } from './grade-format.ts';

/** The repo root, from this module's location (api/cli/ → ../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the command needs from the outside world; the bin passes process streams and env. */
export interface GradeCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Builds the LLM grader when a key is configured and --offline is not given. */
  createLlmGrader?: (settings: LlmSettings) => Grader;
  repoRoot?: string;
}

const USAGE =
  'usage: npm run grade -- --rubric ID [--offline] [--format json|jsonl|text] [--rubrics-dir DIR] FILE...';

class BadInput extends Error {}

const envSchema = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().default('https://api.openai.com/v1'),
  RAPPORT_GRADER_MODEL: z.string().min(1).default('gpt-4o-mini'),
  RAPPORT_PERSONA_MODEL: z.string().min(1).default('gpt-4o-mini'),
  RAPPORT_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

/** LLM settings from the environment, or null when no key is set (offline mode). */
export function llmSettingsFromEnv(env: GradeCliIo['env']): LlmSettings | null {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadInput(`environment: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (!e.OPENAI_API_KEY) return null;
  return {
    apiKey: e.OPENAI_API_KEY,
    baseURL: e.OPENAI_BASE_URL,
    graderModel: e.RAPPORT_GRADER_MODEL,
    personaModel: e.RAPPORT_PERSONA_MODEL,
    timeoutMs: e.RAPPORT_LLM_TIMEOUT_MS,
    retries: 1,
  };
}

async function loadRubric(
  id: string,
  rubricsDir: string | undefined,
  repoRoot: string,
): Promise<RubricPack> {
  if (!contentId.safeParse(id).success) throw new BadInput(`unknown rubric "${id}"`);
  const dir = rubricsDir ? resolve(rubricsDir) : join(repoRoot, 'rubrics');
  const file = join(dir, `${id}.yaml`);
  if (!(await stat(file).catch(() => null))?.isFile())
    throw new BadInput(`unknown rubric "${id}" (no ${file})`);
  if (!rubricsDir) return loadRubricPack(repoRoot, id);
  const loaded = await loadYamlFile(file, rubricPackSchema, dir);
  if (!loaded.value) {
    const i = loaded.issues[0]!;
    throw new BadInput(`${file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`);
  }
  return loaded.value;
}

async function readTranscript(file: string): Promise<Transcript> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    throw new BadInput(
      `${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read file (${code || 'error'})`}`,
    );
  }
  return parseTranscript(text, file);
}

/** Runs the command; returns the exit code. Writes nothing to stdout unless all input is valid. */
export async function runGradeCli(argv: string[], io: GradeCliIo): Promise<number> {
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: argv,
          allowPositionals: true,
          options: {
            rubric: { type: 'string' },
            offline: { type: 'boolean', default: false },
            format: { type: 'string', default: 'json' },
            'rubrics-dir': { type: 'string' },
            help: { type: 'boolean', default: false },
          },
        });
      } catch (err) {
        throw new BadInput(err instanceof Error ? err.message : String(err));
      }
    })();
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (!values.rubric) throw new BadInput('missing --rubric ID');
    const format = z.enum(['json', 'jsonl', 'text']).safeParse(values.format);
    if (!format.success)
      throw new BadInput(`unknown --format "${values.format}" (use json, jsonl or text)`);
    if (positionals.length === 0) throw new BadInput('no transcript files given');
    const settings = values.offline ? null : llmSettingsFromEnv(io.env);
    const rubric = await loadRubric(values.rubric, values['rubrics-dir'], io.repoRoot ?? REPO_ROOT);
    const transcripts: { file: string; transcript: Transcript }[] = [];
    for (const file of positionals)
      transcripts.push({ file, transcript: await readTranscript(file) });
    const grader =
      settings && io.createLlmGrader ? io.createLlmGrader(settings) : createOfflineGrader();
    const results: FileResult[] = [];
    for (const { file, transcript } of transcripts)
      results.push({ file, result: await grader.grade({ transcript, rubric }) });
    io.stdout(formatResults(results, format.data as GradeFormat));
    return results.some((r) => r.result.status === 'grading_failed') ? 1 : 0;
  } catch (err) {
    if (err instanceof BadInput || err instanceof TranscriptParseError) {
      io.stderr(`grade: ${err.message}\n`);
      if (
        err instanceof BadInput &&
        /^(missing|unknown --format|no transcript|Unknown option|Option)/.test(err.message)
      ) {
        io.stderr(`${USAGE}\n`);
      }
      return 2;
    }
    if (err instanceof Error && err.name === 'ContentError') {
      io.stderr(`grade: ${err.message.split('\n')[0]}\n`);
      return 2;
    }
    throw err;
  }
}
