/**
 * Cloudflare Workers entry: the same `createApp` over a hosted libSQL database (Turso) reached
 * with the HTTP client. Static web assets are served by Workers Assets (wrangler.toml); API
 * requests run here. A bad setting answers 500 BAD_ENVIRONMENT instead of starting half-configured.
 * Migrations are applied before deploy with `npm run db:migrate` (see docs/decisions/002).
 * Work that outlives a response (persona replies, grading kicked by a submit) is handed to the
 * request's `waitUntil`; a Cron Trigger runs due grading jobs every minute, so jobs left by an
 * evicted isolate are resumed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createClient } from '@libsql/client/web';
import { createApp } from './app.ts';
import { createAuth } from './auth.ts';
import { ConfigError, parseConfig } from './config.ts';
import bundleJson from './content/bundle.generated.json' with { type: 'json' };
import { parseContentBundle } from './content/bundle-file.ts';
import { createDb } from './db/client.ts';
import type { AppDeps } from './deps.ts';
import { runDueGradings } from './services/grading/jobs.ts';
import { buildEngines } from './runtime/engines.ts';
import { AppError, errorEnvelope } from './lib/errors.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';

type WorkerEnv = Record<string, unknown>;

/** The part of the Workers ExecutionContext this entry uses. */
interface WorkerContext {
  waitUntil(work: Promise<unknown>): void;
}

// The current request's context, so deps.background can reach its waitUntil.
const requestContext = new AsyncLocalStorage<WorkerContext>();

let cached: { env: WorkerEnv; built: ReturnType<typeof buildApp> } | undefined;

async function buildApp(env: WorkerEnv) {
  const config = parseConfig({ NODE_ENV: 'production', ...env });
  const logger = createLogger(config.logLevel, (line) => console.log(line), undefined, {
    redactText: config.logRedactText,
  });
  const client = createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  const db = createDb({ client });
  const auth = createAuth({ config, db, logger });
  const { templates, ...content } = parseContentBundle(bundleJson);
  const engines = await buildEngines({ llm: config.llm, templates });
  const deps: AppDeps = {
    content,
    ...engines,
    config,
    db,
    llm: config.llm,
    clock: systemClock,
    logger,
    auth,
    clientIp: (c) => c.req.header('cf-connecting-ip'),
    background: (work) => requestContext.getStore()?.waitUntil(work),
  };
  return { deps, app: createApp(deps) };
}

/** The app for these bindings, built once per isolate (bindings are fixed for its life). */
function appFor(env: WorkerEnv) {
  if (!cached || cached.env !== env) cached = { env, built: buildApp(env) };
  return cached.built;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    let app: Awaited<ReturnType<typeof buildApp>>['app'];
    try {
      app = (await appFor(env)).app;
    } catch (err) {
      cached = undefined;
      const requestId = crypto.randomUUID();
      if (err instanceof ConfigError) {
        console.log(
          JSON.stringify({
            level: 'error',
            msg: 'bad environment',
            requestId,
            fields: err.issues.map((i) => i.field),
          }),
        );
        const body = errorEnvelope(
          new AppError('BAD_ENVIRONMENT', 'The server is misconfigured.'),
          requestId,
        );
        return Response.json(body, { status: 500, headers: { 'x-request-id': requestId } });
      }
      throw err;
    }
    return requestContext.run(ctx, () => app.fetch(request, env, ctx as never));
  },

  /** Cron Trigger: run due grading jobs (queued, backed off, or left running by a lost isolate). */
  async scheduled(_event: unknown, env: WorkerEnv, ctx: WorkerContext): Promise<void> {
    const { deps } = await appFor(env);
    ctx.waitUntil(runDueGradings(deps, 20));
  },
};
