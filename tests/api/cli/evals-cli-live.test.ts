import { http, HttpResponse } from 'msw';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalsCli } from '../../../api/cli/evals-cli.ts';
import { repoRoot } from '../../../api/content/repo-root.ts';
import { useMswServer } from '../../helpers/msw.ts';
import { FAKE_BASE_URL, realisticFetch, replyStream } from '../../mocks/openai-chat-stream.ts';
import { completion, judgeAnswer } from '../../mocks/openai.ts';

const server = useMswServer();

describe('npm run evals -- --live', () => {
  it('answers a rerun from the cache without calling the model', async () => {
    const calls = { persona: 0, judge: 0 };
    server.use(
      http.post(`${FAKE_BASE_URL}/chat/completions`, async ({ request }) => {
        const body = (await request.json()) as { stream?: boolean };
        if (body.stream) {
          calls.persona += 1;
          return replyStream(['ok, ', 'go on then']);
        }
        calls.judge += 1;
        return HttpResponse.json(completion(judgeAnswer('not_yet', [])));
      }),
    );
    const work = await mkdtemp(join(tmpdir(), 'rapport-evals-live-'));
    const run = async () => {
      let stdout = '';
      const code = await runEvalsCli(
        [
          '--live',
          '--suites-dir',
          join(repoRoot, 'tests/fixtures/evals/pass'),
          '--db',
          `file:${join(work, 'evals.db')}`,
          '--reports-dir',
          join(work, 'reports'),
          '--cache-dir',
          join(work, 'cache'),
          'fixture-persona',
          'fixture-injection',
        ],
        {
          stdout: (t) => (stdout += t),
          stderr: () => {},
          stderrIsTTY: false,
          root: repoRoot,
          llm: {
            apiKey: 'k',
            baseURL: FAKE_BASE_URL,
            personaModel: 'persona-model',
            graderModel: 'judge-model',
            timeoutMs: 2000,
            retries: 0,
          },
          databaseUrl: 'file:unused.db',
          fetch: realisticFetch,
        },
      );
      return { code, stdout };
    };
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('PASS fixture-persona [live] 2/2 cases passed');
    const firstCalls = { ...calls };
    expect(firstCalls.persona).toBe(2);
    expect(firstCalls.judge).toBeGreaterThan(0);

    const second = await run();
    expect(second.code).toBe(0);
    expect(calls).toEqual(firstCalls);
    expect(second.stdout).toContain(`cache: ${2 + firstCalls.judge} hits, 0 misses`);
  });
});
