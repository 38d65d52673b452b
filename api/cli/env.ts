/** Shared start-up for the server-side CLIs: parse env or exit 2 with the field errors. */
import { ConfigError, parseConfig, type AppConfig } from '../config.ts';

/** Parses process.env; prints the invalid fields and exits 2 on error. */
export function configFromEnvOrExit(): AppConfig {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
