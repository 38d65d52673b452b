/**
 * A small structured logger (one JSON line per event). Injected into the app so tests can
 * capture logs and so message text can be redacted in one place.
 */
import { redactFields } from './log-redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Fields attached to a log line; never put secrets or learner text here unredacted. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * A logger that writes JSON lines through `write` (stdout by default). With `redactText`, free
 * text in the fields (learner messages, notes, replies, prompts) is replaced by length and hash.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  clock: () => Date = () => new Date(),
  opts: { redactText?: boolean } = {},
): Logger {
  const log = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: LogFields) => {
    if (order[lvl] < order[level]) return;
    const safe = fields && opts.redactText ? redactFields(fields) : fields;
    write(JSON.stringify({ time: clock().toISOString(), level: lvl, msg, ...safe }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps lines in memory (tests). */
export function createMemoryLogger(): Logger & {
  lines: Array<{ level: string; msg: string } & LogFields>;
} {
  const lines: Array<{ level: string; msg: string } & LogFields> = [];
  const log = (level: string) => (msg: string, fields?: LogFields) =>
    lines.push({ level, msg, ...fields });
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
