/**
 * Starts Rapport's Node entry as a child process against the fake model, with a file database
 * in a temp folder, and waits until /api/health answers (bounded: 60 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running Rapport server. */
export interface AppProcess {
  url: string;
  pid: number;
  dbFile: string;
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s); keeps the temp folder. */
  stop(): Promise<void>;
  /** Deletes the temp folder. */
  cleanup(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts the app in LLM mode against `llmBaseURL`. */
export async function startApp(opts: {
  llmBaseURL: string;
  demoPassword: string;
  env?: Record<string, string>;
  /** Where the server's output goes as well as being kept (dev:mocks shows it). */
  echo?: (text: string) => void;
  port?: number;
  /** Writes a V8 CPU profile of the server into this folder when it stops (`--cpu-prof`). */
  cpuProfDir?: string | null;
}): Promise<AppProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-'));
  const dbFile = join(dir, 'rapport.db');
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const keep = (d: Buffer) => {
    const text = d.toString();
    out = (out + text).slice(-20_000);
    opts.echo?.(text);
  };
  const profile = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const args = [...profile, '--import', 'tsx', 'api/entry.node.ts'];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      APP_ORIGIN: url,
      DATABASE_URL: `file:${dbFile}`,
      RAPPORT_DEMO_PASSWORD: opts.demoPassword,
      OPENAI_API_KEY: 'fake-key-for-bench',
      OPENAI_BASE_URL: opts.llmBaseURL,
      RAPPORT_PERSONA_MODEL: 'fake-persona',
      RAPPORT_GRADER_MODEL: 'fake-grader',
      RAPPORT_LLM_TIMEOUT_MS: '30000',
      RAPPORT_LLM_RETRIES: '1',
      RAPPORT_SIGNIN_PER_MINUTE: '10000',
      // Every simulated learner connects from 127.0.0.1, so the per-IP limits are lifted.
      RAPPORT_SEND_PER_IP_PER_MINUTE: '1000000',
      RAPPORT_SUBMIT_PER_IP_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      // Opt-in per-stage trace of the server (api/lib/perf-trace.ts), for investigations.
      ...(process.env.RAPPORT_PERF_TRACE
        ? { RAPPORT_PERF_TRACE: process.env.RAPPORT_PERF_TRACE }
        : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Rapport exited early:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Rapport did not start within 60 s:\n${out}`);
    }
    try {
      // The demo accounts are seeded just after the server listens; wait for them as well.
      if ((await fetch(`${url}/api/health`)).ok && out.includes('admin@demo.rapport.test')) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    dbFile,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
