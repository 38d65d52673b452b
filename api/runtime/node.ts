/**
 * Builds the app's dependencies for Node (the server entry, CLIs and tests share this):
 * opens the database, applies migrations, creates auth, and seeds the demo organisation.
 */
import type { Client } from '@libsql/client';
import { createAuth, type PasswordHasher } from '../auth.ts';
import type { AppConfig } from '../config.ts';
import { perfTraceOn, traceClient } from '../lib/perf-trace.ts';
import { createDb, type Db } from '../db/client.ts';
import { applyMigrations, openLibsqlClient } from '../db/client.node.ts';
import type { AppDeps } from '../deps.ts';
import { systemClock, type Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { loadContent } from '../content/load.ts';
import { repoRoot } from '../content/repo-root.ts';
import { loadTemplates } from '../content/bundle-file.ts';
import { buildEngines } from './engines.ts';
import { failInterruptedRuns } from '../evals/live-store.ts';
import { LiveRuns } from '../services/evals/live-runs.ts';
import { createNodeEvalSource } from '../services/evals/node-source.ts';
import { seedDemoIfEmpty, type DemoAccount } from '../services/demo-seed.ts';

/** Options a caller may override (tests pass a memory logger, a fixed clock, a fast hasher). */
export interface NodeDepsOptions {
  logger: Logger;
  clock?: Clock;
  hasher?: PasswordHasher;
}

/** Dependencies plus what the entry needs to report and shut down. */
export interface NodeRuntime {
  deps: AppDeps;
  client: Client;
  /** Seeds the demo organisation when configured and the database is empty (run after listen). */
  seedDemo(): Promise<DemoAccount[]>;
  close(): void;
}

/** Opens and migrates the database and builds AppDeps (minus web serving). */
export async function buildNodeRuntime(
  config: AppConfig,
  opts: NodeDepsOptions,
): Promise<NodeRuntime> {
  const client = await openLibsqlClient(config.databaseUrl, config.databaseAuthToken, {
    synchronous: config.databaseSynchronous,
  });
  if (perfTraceOn()) traceClient(client);
  const db: Db = createDb({ client });
  await applyMigrations(db);
  const clock = opts.clock ?? systemClock;
  const auth = createAuth({ config, db, logger: opts.logger, hasher: opts.hasher });
  // No eval run of an earlier process can still be going: end the cut-short ones as errors.
  const interrupted = await failInterruptedRuns(db, clock.now().getTime());
  if (interrupted.length > 0)
    opts.logger.warn('eval runs interrupted by a restart marked as error', { runs: interrupted });
  const content = await loadContent(repoRoot);
  for (const issue of content.issues) {
    opts.logger.warn('content issue (run npm run content:check)', { ...issue });
  }
  const templates = await loadTemplates(repoRoot);
  const engines = await buildEngines({ llm: config.llm, templates });
  const deps: AppDeps = {
    config,
    db,
    llm: config.llm,
    clock,
    logger: opts.logger,
    auth,
    content,
    ...engines,
    // Designers run eval suites from the web; the suites are read from this checkout.
    evals: {
      source: createNodeEvalSource({
        root: repoRoot,
        llm: config.llm,
        reportsDir: config.evalReportsDir,
      }),
      runs: new LiveRuns(),
    },
  };
  const seedDemo = async () =>
    config.demoSeed ? seedDemoIfEmpty({ auth, db, clock }, config.demoPassword) : [];
  return { deps, client, seedDemo, close: () => client.close() };
}
