/**
 * The learner-simulation suite run live (`npm run evals -- --live learner-simulation`) against a
 * mocked OpenAI-compatible server: a model plays skilled, average and poor learners, the persona
 * streams its replies, the judge grades. The mock grades by the learner's skill, so the grader
 * must order the three levels; it also sends a 429, an empty learner answer and a malformed
 * judge answer, which the runner must survive.
 */
import { http, HttpResponse } from 'msw';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runEvalsCli } from '#api/cli/evals-cli.ts';
import { repoRoot } from '#api/content/repo-root.ts';
import { useMswServer } from '#tests/helpers/msw.ts';
import { FAKE_BASE_URL, realisticFetch, replyStream } from '#tests/mocks/openai-chat-stream.ts';
import { completion, judgeAnswer } from '#tests/mocks/openai.ts';

const server = useMswServer();

const requestSchema = z.looseObject({
  stream: z.boolean().optional(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.string().nullable() })),
});

/** What each simulated learner writes; the marker word tells the mock judge who wrote it. */
const LINES = {
  skilled:
    'SKILLED: Thanks for waiting, I can see this bill is a real worry. Two options: a payment plan or a meter check. I will call you back at 3pm and I have noted this on your account.',
  average:
    'AVERAGE: Sorry about that. Can you tell me the account number? I can set up a payment plan.',
  poor: 'POOR: Sorry for any inconvenience. Bills are correct. Anything else?',
} as const;

/** Criteria the mock judge finds met, by the learner's skill. */
const MET: Record<keyof typeof LINES, string[]> = {
  skilled: [
    'greeting',
    'security_check',
    'rapport',
    'empathy',
    'options',
    'follow_up_recorded',
    'close',
  ],
  average: ['greeting', 'rapport'],
  poor: [],
};

function levelOf(text: string): keyof typeof LINES {
  if (text.includes('SKILLED:')) return 'skilled';
  if (text.includes('AVERAGE:')) return 'average';
  return 'poor';
}

describe('npm run evals -- --live learner-simulation', () => {
  it('orders skilled, average and poor learners through the grader, surviving a 429, an empty answer and a malformed judge answer', async () => {
    const seen = { learner: 0, persona: 0, judge: 0, tooMany: 0, empty: 0, malformed: 0 };
    server.use(
      http.post(`${FAKE_BASE_URL}/chat/completions`, async ({ request }) => {
        const body = requestSchema.parse(await request.json());
        if (body.stream) {
          seen.persona += 1;
          return replyStream(['mm ok. ', 'what happens now?']);
        }
        const system = body.messages[0]?.content ?? '';
        const task = body.messages.map((m) => m.content ?? '').join('\n');
        // The criterion to judge is named in the last user message that names one (the pack in
        // the system prompt names them all; a retry adds a nudge after it).
        const named = body.messages.filter(
          (m) => m.role === 'user' && /^Criterion id: /m.test(m.content ?? ''),
        );
        const criterion = /^Criterion id: (\S+)$/m.exec(named.at(-1)?.content ?? '')?.[1];
        if (!criterion) {
          seen.learner += 1;
          // The very first learner call is rate limited; the client waits and tries again.
          if (seen.learner === 1) {
            seen.tooMany += 1;
            return HttpResponse.json(
              { error: { message: 'slow down', type: 'rate_limit' } },
              { status: 429, headers: { 'retry-after-ms': '1' } },
            );
          }
          // One answer without content: the learner model asks once more.
          if (seen.learner === 5) {
            seen.empty += 1;
            return HttpResponse.json(completion(''));
          }
          const style = system.includes('skilled')
            ? 'skilled'
            : system.includes('average')
              ? 'average'
              : 'poor';
          return HttpResponse.json(completion(LINES[style]));
        }
        seen.judge += 1;
        // The first judge answer is not JSON: the judge asks once more.
        if (seen.judge === 1) {
          seen.malformed += 1;
          return HttpResponse.json(completion('I think this one is met, probably.'));
        }
        const level = levelOf(task);
        const met = MET[level].includes(criterion);
        // Evidence must quote the cited agent turn verbatim, or the grader drops the `met`.
        const quote = LINES[level].slice(0, 30);
        return HttpResponse.json(
          completion(judgeAnswer(met ? 'met' : 'not_yet', met ? [{ turn: 1, quote }] : [])),
        );
      }),
    );
    const work = await mkdtemp(join(tmpdir(), 'rapport-learner-live-'));
    let stdout = '';
    let stderr = '';
    const code = await runEvalsCli(
      [
        '--live',
        '--db',
        `file:${join(work, 'evals.db')}`,
        '--reports-dir',
        join(work, 'reports'),
        '--cache-dir',
        join(work, 'cache'),
        'learner-simulation',
      ],
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        stderrIsTTY: false,
        root: repoRoot,
        llm: {
          apiKey: 'k',
          baseURL: FAKE_BASE_URL,
          personaModel: 'persona-model',
          graderModel: 'judge-model',
          timeoutMs: 5000,
          retries: 1,
        },
        databaseUrl: 'file:unused.db',
        fetch: realisticFetch,
      },
    );
    expect(code, stdout).toBe(0);
    expect(stderr).toContain('[6/6] learner-simulation');
    expect(stdout).toContain('PASS learner-simulation [live] 6/6 cases passed');
    expect(stdout).toContain('verdict_ordering = 1 (needs >= 1)');
    expect({ tooMany: seen.tooMany, empty: seen.empty, malformed: seen.malformed }).toEqual({
      tooMany: 1,
      empty: 1,
      malformed: 1,
    });

    const files = await readdir(join(work, 'reports'));
    const jsonFile = files.find((f) => f.endsWith('.json')) ?? '';
    const report = JSON.parse(await readFile(join(work, 'reports', jsonFile), 'utf8')) as {
      suites: {
        suite: string;
        mode: string;
        status: string;
        figures: unknown[];
        cases: { id: string; outcome: string }[];
      }[];
    };
    const [suite] = report.suites;
    expect(suite?.suite).toBe('learner-simulation');
    expect([suite?.mode, suite?.status]).toEqual(['live', 'passed']);
    expect(suite?.cases.map((c) => [c.id, c.outcome])).toEqual([
      ['skilled-energy-bill-shock', 'pass'],
      ['average-energy-bill-shock', 'pass'],
      ['poor-energy-bill-shock', 'pass'],
      ['skilled-telco-roaming', 'pass'],
      ['average-telco-roaming', 'pass'],
      ['poor-telco-roaming', 'pass'],
    ]);
    expect(suite?.figures).toContainEqual({
      name: 'verdict_ordering',
      value: 1,
      threshold: { op: '>=', value: 1 },
      passed: true,
      detail: {
        metByScenario: {
          'energy-bill-shock': { skilled: 7, average: 2, poor: 0 },
          'telco-roaming-bill-complaint': { skilled: 7, average: 2, poor: 0 },
        },
        ordered: 2,
        compared: 2,
      },
    });
    const html = await readFile(
      join(work, 'reports', jsonFile.replace(/\.json$/, '.html')),
      'utf8',
    );
    expect(html).toContain('verdict_ordering');
    expect(html).toContain('SKILLED: Thanks for waiting');
  });
});
