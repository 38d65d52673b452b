/** `npm run audit:verify` — recomputes the audit hash chain; exit 1 with the first broken link. */
import { createDb } from '../db/client.ts';
import { openLibsqlClient } from '../db/client.node.ts';
import { verifyAuditChain } from '../services/audit.ts';
import { configFromEnvOrExit } from './env.ts';

const config = configFromEnvOrExit();
const client = await openLibsqlClient(config.databaseUrl, config.databaseAuthToken, {
  synchronous: config.databaseSynchronous,
});
const result = await verifyAuditChain(createDb({ client }));
client.close();
if (result.ok) {
  process.stdout.write(`Audit chain verified: ${result.rows} rows, no broken links.\n`);
} else {
  process.stdout.write(
    `Audit chain BROKEN at row ${result.brokenAt} of ${result.rows}: ${result.reason}.\n`,
  );
  process.exit(1);
}
