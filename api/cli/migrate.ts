/** `npm run db:migrate` — applies pending migrations to DATABASE_URL (local file or hosted libSQL). */
import { createDb } from '../db/client.ts';
import { applyMigrations, openLibsqlClient } from '../db/client.node.ts';
import { configFromEnvOrExit } from './env.ts';

const config = configFromEnvOrExit();
const client = await openLibsqlClient(config.databaseUrl, config.databaseAuthToken, {
  synchronous: config.databaseSynchronous,
});
await applyMigrations(createDb({ client }));
client.close();
process.stdout.write(`Migrations applied to ${config.databaseUrl.replace(/\/\/[^@]*@/, '//')}\n`);
