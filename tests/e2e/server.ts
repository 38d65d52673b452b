/**
 * Starts the real Node entry as a child process on a free port with a temp database and a known
 * demo password, and waits until it serves. Browser tests drive this server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_PASSWORD = 'e2e-demo-password';

async function freePort(): Promise<number> {
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

export interface RunningServer {
  url: string;
  dir: string;
  port: number;
  output: () => string;
  /** Graceful stop; removes the temp database. */
  stop: () => Promise<void>;
  /** Hard kill (SIGKILL) that keeps the database, to test crash recovery. */
  kill: () => Promise<void>;
}

/** Where and how to start: reuse `dir`/`port` to restart on the same database. */
export interface StartOptions {
  dir?: string;
  port?: number;
}

/** Starts Rapport and resolves once /api/health answers (and, on a new database, the seed). */
export async function startServer(
  env: Record<string, string> = {},
  opts: StartOptions = {},
): Promise<RunningServer> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'rapport-e2e-')));
  const port = opts.port ?? (await freePort());
  const expectSeed = opts.dir === undefined;
  const url = `http://localhost:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/entry.node.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, 'rapport.db')}`,
      RAPPORT_DEMO_PASSWORD: E2E_PASSWORD,
      LOG_LEVEL: 'warn',
      RAPPORT_SIGNIN_PER_MINUTE: '200',
      // Eval runs started in the browser write report files; keep them out of the repo.
      RAPPORT_EVAL_REPORTS_DIR: join(dir, 'reports'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 60_000;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      // Demo accounts are seeded just after the server starts listening; wait for them too.
      ready = res.ok && (!expectSeed || out.includes('admin@demo.rapport.test'));
    } catch {
      // not up yet
    }
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`server not ready within 60 s:\n${out}`);
  }
  return {
    url,
    dir,
    port,
    output: () => out,
    kill: async () => {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null)
        await new Promise((r) => child.once('exit', r));
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
