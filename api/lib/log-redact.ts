/**
 * Log redaction (RAPPORT_LOG_REDACT_TEXT): learner messages, case notes, persona replies and
 * model prompts are training evidence and personal data, so with the switch on they never reach
 * a log line. Fields that carry such text are replaced by their length and a short hash (enough
 * to correlate two lines about the same text, not to read it), and quoted passages inside error
 * messages and stacks are replaced the same way.
 */
import { createHash } from 'node:crypto';
import type { LogFields } from './logger.ts';

/** Field names whose values are free text from learners, personas, designers or prompts. */
export const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'text',
  'learnerText',
  'reply',
  'replyText',
  'notes',
  'caseNotes',
  'prompt',
  'system',
  'messages',
  'content',
  'transcript',
  'turns',
  'body',
]);

/** Fields that are ours (error text) but may quote free text. */
const QUOTING_FIELDS: ReadonlySet<string> = new Set(['error', 'stack', 'reason', 'cause']);

// A quoted passage of 4+ characters: "…", '…', “…”, ‘…’ or «…».
const QUOTED = /"[^"\n]{4,}"|'[^'\n]{4,}'|“[^”\n]{4,}”|‘[^’\n]{4,}’|«[^»\n]{4,}»/g;

/** The stand-in for a redacted text: its length and a short hash. */
export function redactedText(text: string): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return `[redacted ${text.length} chars sha256:${hash}]`;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactedText(value);
  if (value === null || typeof value !== 'object') return value;
  return redactedText(JSON.stringify(value) ?? '');
}

function redactDeep(value: unknown, depth: number): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (TEXT_FIELDS.has(key)) out[key] = redactValue(v);
    else if (QUOTING_FIELDS.has(key) && typeof v === 'string')
      out[key] = v.replace(QUOTED, (q) => redactedText(q.slice(1, -1)));
    else out[key] = redactDeep(v, depth + 1);
  }
  return out;
}

/** Returns `fields` with every free-text value replaced by its length and hash. */
export function redactFields(fields: LogFields): LogFields {
  const out = redactDeep(fields, 0);
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? { ...out } : {};
}
