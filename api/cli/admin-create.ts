/**
 * `npm run admin:create -- --email E --name N [--organisation "Name"]` — creates the first admin
 * (and the organisation) in production, where no demo accounts exist. Prints a one-time password.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAuth } from '../auth.ts';
import { createDb } from '../db/client.ts';
import { applyMigrations, openLibsqlClient } from '../db/client.node.ts';
import { systemClock } from '../lib/clock.ts';
import { createLogger } from '../lib/logger.ts';
import { createAccount, createOrganisation } from '../services/accounts.ts';
import { appendAudit } from '../services/audit.ts';
import { generatePassword } from '../services/passwords.ts';
import { configFromEnvOrExit } from './env.ts';
import { AppError } from '../lib/errors.ts';

const argsSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1),
  organisation: z.string().trim().min(1).default('My Contact Centre'),
});

function fail(message: string): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
  },
  strict: true,
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  fail(
    `${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\nUsage: npm run admin:create -- --email you@example.org --name "Your Name" [--organisation "Name"]`,
  );
}
const args = parsed.data;
const config = configFromEnvOrExit();
const client = await openLibsqlClient(config.databaseUrl, config.databaseAuthToken, {
  synchronous: config.databaseSynchronous,
});
const db = createDb({ client });
await applyMigrations(db);
const logger = createLogger('warn');
const auth = createAuth({ config, db, logger });
const slug =
  args.organisation
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'org';
const organisationId = `org_${crypto.randomUUID().slice(0, 8)}`;
const password = generatePassword();
try {
  await createOrganisation(db, {
    id: organisationId,
    name: args.organisation,
    slug: `${slug}-${organisationId.slice(4)}`,
    llmMonthlyTokenBudget: config.defaultMonthlyTokenBudget ?? null,
  });
  const { id } = await createAccount(auth, db, {
    email: args.email,
    name: args.name,
    password,
    organisationId,
    roles: ['admin'],
  });
  await appendAudit(db, systemClock, {
    organisationId,
    actorId: null,
    action: 'user.admin_created',
    entityType: 'user',
    entityId: id,
    after: { email: args.email.toLowerCase(), roles: ['admin'] },
  });
} catch (err) {
  client.close();
  if (err instanceof AppError) fail(err.message);
  throw err;
}
client.close();
process.stdout.write(
  `Admin ${args.email} created in "${args.organisation}". One-time password: ${password}\n`,
);
