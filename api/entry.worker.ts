/**
 * Cloudflare Workers entry: the same `createApp` over a hosted libSQL database (Turso) reached
 * with the HTTP client. Static web assets are served by Workers Assets (wrangler.toml); API
 * requests run here. A bad setting answers 500 BAD_ENVIRONMENT instead of starting half-configured.
 * Migrations are applied before deploy with `npm run db:migrate` (see docs/decisions/002).
 */
import { createClient } from '@libsql/client/web';
import { createApp } from './app.ts';
import { createAuth } from './auth.ts';
import { ConfigError, parseConfig } from './config.ts';
import bundleJson from './content/bundle.generated.json' with { type: 'json' };
import { parseContentBundle } from './content/bundle-file.ts';
import { createDb } from './db/client.ts';
import { buildEngines } from './runtime/engines.ts';
import { AppError, errorEnvelope } from './lib/errors.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';

type WorkerEnv = Record<string, unknown>;

let cached: { env: WorkerEnv; app: Promise<ReturnType<typeof createApp>> } | undefined;

async function buildApp(env: WorkerEnv) {
  const config = parseConfig({ NODE_ENV: 'production', ...env });
  const logger = createLogger(config.logLevel, (line) => console.log(line));
  const client = createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  const db = createDb({ client });
  const auth = createAuth({ config, db, logger });
  const { templates, ...content } = parseContentBundle(bundleJson);
  const engines = await buildEngines({ llm: config.llm, templates });
  return createApp({
    content,
    ...engines,
    config,
    db,
    llm: config.llm,
    clock: systemClock,
    logger,
    auth,
    clientIp: (c) => c.req.header('cf-connecting-ip'),
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    let app: Awaited<ReturnType<typeof buildApp>>;
    try {
      // Bindings are fixed for an isolate's life, so one app per isolate is enough.
      if (!cached || cached.env !== env) cached = { env, app: buildApp(env) };
      app = await cached.app;
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
    return app.fetch(request, env, ctx as never);
  },
};
