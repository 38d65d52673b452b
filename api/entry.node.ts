/**
 * Node entry: parses env, opens the local libSQL file (or server), applies migrations, seeds the
 * demo organisation on an empty database, and serves the API and the built web app on one port.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { createApp } from './app.ts';
import { ConfigError, parseConfig } from './config.ts';
import { enablePerfTrace, traceArrival, traceConnection } from './lib/perf-trace.ts';
import { createLogger } from './lib/logger.ts';
import { buildNodeRuntime } from './runtime/node.ts';
import { formatDemoAccounts } from './services/demo-seed.ts';
import { startGradingWorker } from './services/grading/jobs.ts';

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Serves built assets, and index.html for client-side routes. */
function webServer() {
  const assets = serveStatic({ root: webDist });
  let indexHtml: string | undefined;
  return async (c: Context) => {
    const res = await assets(c, async () => {});
    if (res) return res;
    indexHtml ??= existsSync(`${webDist}/index.html`)
      ? await readFile(`${webDist}/index.html`, 'utf8')
      : '<!doctype html><title>Rapport</title><p>The web app is not built. Run <code>npm run build:web</code>.</p>';
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  };
}

async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, undefined, undefined, {
    redactText: config.logRedactText,
  });
  if (config.perfTraceFile) enablePerfTrace(config.perfTraceFile);
  const runtime = await buildNodeRuntime(config, { logger });
  // Work that outlives its request (persona replies) is tracked so shutdown can wait for it.
  const pending = new Set<Promise<unknown>>();
  const background = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const deps = { ...runtime.deps, background };
  const stopWorker = startGradingWorker(deps);
  const app = createApp({
    ...deps,
    clientIp: (c) => getConnInfo(c).remote.address,
    serveWeb: webServer(),
  });
  const server = serve(
    {
      fetch: (req, env: { incoming?: { socket?: object } }) => {
        traceArrival(req, env.incoming?.socket);
        return app.fetch(req, env);
      },
      port: config.port,
      hostname: '0.0.0.0',
      // Slow clients (slow-loris) are cut off: headers and the whole request have deadlines,
      // checked every second rather than Node's default 30 s. Responses (SSE) are not limited.
      // Idle keep-alive connections stay open for a learner's thinking time between turns (they
      // are not subject to the headers deadline until a request starts).
      serverOptions: {
        headersTimeout: config.http.headersTimeoutMs,
        requestTimeout: config.http.requestTimeoutMs,
        keepAliveTimeout: config.http.keepAliveTimeoutMs,
        connectionsCheckingInterval: 1_000,
      },
    },
    (info) => {
      const url = `http://localhost:${info.port}`;
      process.stdout.write(
        `Rapport is running at ${url} (${config.llm ? 'LLM mode' : 'offline mode: offline persona engine and grader'})\n`,
      );
      // Seeding hashes five passwords; serve the sign-in page meanwhile and print them when ready.
      void runtime.seedDemo().then(
        (accounts) => {
          if (accounts.length > 0) process.stdout.write(`${formatDemoAccounts(accounts, url)}\n`);
        },
        (err: unknown) => logger.error('demo seed failed', { error: String(err) }),
      );
    },
  );
  server.on('connection', traceConnection);
  const stop = () => {
    server.close();
    void Promise.all([stopWorker(), ...pending]).finally(() => {
      runtime.close();
      process.exit(0);
    });
    // Jobs and replies hold leases, so anything cut short here is resumed at the next start.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
