import { http } from 'msw';
import { setupServer } from 'msw/node';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRoleplayCli } from '../../../api/cli/roleplay-cli.ts';
import { FIXTURE_CONTENT_DIR } from '../../helpers/roleplay-fixtures.ts';
import { FAKE_BASE_URL, realisticFetch, replyStream } from '../../mocks/openai-chat-stream.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function run(learnerLines: string[], status = 200) {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-roleplay-llm-'));
  const path = join(dir, 'learner.json');
  await writeFile(path, JSON.stringify(learnerLines), 'utf8');
  server.use(
    http.post(`${FAKE_BASE_URL}/chat/completions`, () =>
      status === 200 ? replyStream(['ok, ', 'go on']) : new Response('{}', { status }),
    ),
  );
  let stdout = '';
  let stderr = '';
  const code = await runRoleplayCli(
    ['--scenario', 'energy-bill', '--content-dir', FIXTURE_CONTENT_DIR, path],
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      repoRoot: REPO_ROOT,
      llm: {
        apiKey: 'k',
        baseURL: FAKE_BASE_URL,
        personaModel: 'p',
        graderModel: 'g',
        timeoutMs: 2000,
        retries: 0,
      },
      fetch: realisticFetch,
    },
  );
  return { code, stdout, stderr };
}

describe('roleplay CLI with an LLM configured', () => {
  it('plays the LLM persona when --offline is not given', async () => {
    const { code, stdout } = await run(['Hello Edith, how can I help?']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).turns.at(-1)).toEqual({ speaker: 'customer', text: 'ok, go on' });
  });

  it('exits 1 with the failure kind when the persona model fails', async () => {
    const { code, stdout, stderr } = await run(['Hello Edith'], 400);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toBe(
      'roleplay: the persona model failed (upstream): the persona model answered 400\n',
    );
  });
});
