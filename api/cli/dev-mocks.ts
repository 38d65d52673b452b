/**
 * `npm run dev:mocks`: the fake OpenAI-compatible server (realistic latency) on 127.0.0.1 and
 * Rapport in LLM mode against it, so streaming personas and LLM grading can be tried locally
 * without a provider. Options: --port (app, 8787), --ttft (ms, 600), --tps (30),
 * --error-rate, --rate-limit-rate (0–1). Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startFakeOpenAi } from './bench/fake-openai.ts';

const optionsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65535),
  ttft: z.coerce.number().int().min(0).max(30_000),
  tps: z.coerce.number().min(1).max(10_000),
  errorRate: z.coerce.number().min(0).max(1),
  rateLimitRate: z.coerce.number().min(0).max(1),
});

async function main(): Promise<void> {
  let opts: z.infer<typeof optionsSchema>;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        port: { type: 'string', default: '8787' },
        ttft: { type: 'string', default: '600' },
        tps: { type: 'string', default: '30' },
        'error-rate': { type: 'string', default: '0' },
        'rate-limit-rate': { type: 'string', default: '0' },
      },
    });
    opts = optionsSchema.parse({
      ...values,
      errorRate: values['error-rate'],
      rateLimitRate: values['rate-limit-rate'],
    });
  } catch (err) {
    process.stderr.write(
      `dev:mocks: bad option (${err instanceof Error ? err.message.split('\n')[0] : String(err)})\n`,
    );
    process.exitCode = 2;
    return;
  }
  const fake = await startFakeOpenAi({
    ttftMs: opts.ttft,
    tokensPerSecond: opts.tps,
    errorRate: opts.errorRate,
    rateLimitRate: opts.rateLimitRate,
  });
  process.stdout.write(
    `Fake OpenAI-compatible model at ${fake.baseURL} (TTFT ${opts.ttft} ms, ${opts.tps} tokens/s)\n`,
  );
  const app = spawn(process.execPath, ['--import', 'tsx', 'api/entry.node.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(opts.port),
      DATABASE_URL: process.env.DATABASE_URL ?? 'file:data/dev-mocks.db',
      OPENAI_API_KEY: 'fake-key-for-dev-mocks',
      OPENAI_BASE_URL: fake.baseURL,
      RAPPORT_PERSONA_MODEL: 'fake-persona',
      RAPPORT_GRADER_MODEL: 'fake-grader',
    },
  });
  const stop = () => app.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  app.on('exit', (code) => {
    void fake.close().then(() => {
      process.exitCode = code ?? 0;
    });
  });
}

await main();
