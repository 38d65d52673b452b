import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGradeCli } from '../../../api/cli/grade-cli.ts';
import { createOfflineGrader, type Grader } from '../../../api/grading/grader.ts';
import type { LlmSettings } from '../../../api/llm/settings.ts';
import { gradingResultSchema } from '../../../api/transcript/schema.ts';
import { FIXTURES } from '../../helpers/grading-fixtures.ts';

const RUBRICS = join(FIXTURES, 'rubrics');
const STRONG = join(FIXTURES, 'transcripts', 'strong.json');
const PROMISE = join(FIXTURES, 'transcripts', 'promise-not-recorded.txt');

async function run(
  args: string[],
  env: Record<string, string> = {},
  createLlmGrader?: (s: LlmSettings) => Grader,
) {
  let stdout = '';
  let stderr = '';
  const code = await runGradeCli(['--rubric', 'core-webchat', '--rubrics-dir', RUBRICS, ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    createLlmGrader,
  });
  return { code, stdout, stderr };
}

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rapport-grade-')), name);
  writeFileSync(file, content);
  return file;
}

describe('grade CLI output', () => {
  it('prints one JSON grading result for one file', async () => {
    const { code, stdout, stderr } = await run([STRONG]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const result = gradingResultSchema.parse(JSON.parse(stdout));
    expect(result.grader).toEqual({
      mode: 'offline',
      model: null,
      promptVersion: 'offline-grader@1.1.0',
    });
    expect(result.criteria.every((c) => c.verdict === 'met')).toBe(true);
  });

  it('prints an array for several files and one line per file with jsonl', async () => {
    const json = await run([STRONG, PROMISE]);
    expect(JSON.parse(json.stdout)).toHaveLength(2);
    const jsonl = await run(['--format', 'jsonl', STRONG, PROMISE]);
    const lines = jsonl.stdout.trimEnd().split('\n');
    expect(lines.map((l) => gradingResultSchema.parse(JSON.parse(l)).transcriptId)).toEqual([
      'strong',
      'promise-not-recorded',
    ]);
  });

  it('prints a readable per-criterion report with quotes', async () => {
    const { code, stdout } = await run(['--format', 'text', PROMISE]);
    expect(code).toBe(0);
    expect(stdout).toContain('NOT YET follow_up_recorded (confidence 0.80)');
    expect(stdout).toContain(
      `turn 4: "I've raised a refund request for the duplicate £42 charge."`,
    );
  });

  it('uses the LLM grader when a key is set, and offline with --offline', async () => {
    const seen: LlmSettings[] = [];
    const fake = (settings: LlmSettings): Grader => {
      seen.push(settings);
      return createOfflineGrader();
    };
    await run([STRONG], { OPENAI_API_KEY: 'sk-test', RAPPORT_GRADER_MODEL: 'judge-1' }, fake);
    expect(seen).toEqual([
      {
        apiKey: 'sk-test',
        baseURL: 'https://api.openai.com/v1',
        graderModel: 'judge-1',
        personaModel: 'gpt-4o-mini',
        timeoutMs: 30000,
        retries: 1,
      },
    ]);
    await run(['--offline', STRONG], { OPENAI_API_KEY: 'sk-test' }, fake);
    expect(seen).toHaveLength(1);
  });
});

describe('grade CLI bad input', () => {
  const turns201 = JSON.stringify({
    id: 't',
    turns: Array.from({ length: 201 }, () => ({ speaker: 'agent', text: 'hi' })),
  });
  it.each([
    ['a missing file', () => ['/nope/missing.json'], 'grade: /nope/missing.json: file not found'],
    [
      'bad JSON',
      () => [tempFile('bad.json', '{\n "id": "t",\n "turns": [\n}')],
      /bad\.json:4: invalid JSON: unexpected character "}" where a value was expected$/,
    ],
    [
      'an unknown speaker',
      () => [tempFile('s.txt', 'Agent: hi\nBot: hello')],
      /s\.txt:2: unknown speaker "Bot" \(use Agent: or Customer:\)$/,
    ],
    ['an empty transcript', () => [tempFile('e.txt', '\n')], /e\.txt: empty transcript: no turns$/],
    [
      'over 200 turns',
      () => [tempFile('long.json', turns201)],
      /long\.json:1: too many turns: 201 \(the limit is 200\)$/,
    ],
    [
      'over 200 KB',
      () => [tempFile('huge.txt', `Agent: ${'a'.repeat(210_000)}`)],
      /huge\.txt: file is 210007 bytes; the limit is 204800 \(200 KB\)$/,
    ],
  ])('exits 2 naming the file for %s, with nothing on stdout', async (_name, files, message) => {
    const { code, stdout, stderr } = await run([STRONG, ...files()]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trimEnd()).toMatch(message);
  });

  it('exits 2 for an unknown rubric', async () => {
    const { code, stdout, stderr } = await run(['--rubric', 'no-such-pack', STRONG]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `grade: unknown rubric "no-such-pack" (no ${join(RUBRICS, 'no-such-pack.yaml')})\n`,
    );
  });

  it.each([
    [['--format', 'xml', STRONG], 'grade: unknown --format "xml" (use json, jsonl or text)'],
    [[], 'grade: no transcript files given'],
    [['--bogus', STRONG], "grade: Unknown option '--bogus'"],
  ])('exits 2 with usage for bad arguments %j', async (args, first) => {
    const { code, stdout, stderr } = await run(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toContain(first);
    expect(stderr).toContain('usage: npm run grade');
  });

  it('exits 2 when --rubric is missing', async () => {
    let stderr = '';
    const code = await runGradeCli([STRONG], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('grade: missing --rubric ID');
  });
});
