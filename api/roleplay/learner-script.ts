/**
 * Reads a learner script for the roleplay CLI: a JSON array of strings, or a text file with one
 * turn per line (blank lines skipped). A line may be a system action instead of a message:
 * `/action ID`, `/security`, `/kb ID`, `/crm`. Problems name the line (or array item).
 */
import { z } from 'zod';
import type { Scenario } from '../content/schemas.ts';
import { MAX_TURN_CHARS } from '../transcript/schema.ts';

/** One problem with a learner script, with its 1-based line (or array item) number. */
export class LearnerScriptError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'LearnerScriptError';
  }
}

const scriptArraySchema = z.array(z.string()).min(1);
const COMMAND = /^\/(\w+)\b\s*(.*)$/;

/** Splits the file into raw lines with their positions. */
function rawLines(text: string): Array<{ where: string; line: string }> {
  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new LearnerScriptError(
        'JSON',
        `invalid JSON (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const array = scriptArraySchema.safeParse(parsed);
    if (!array.success)
      throw new LearnerScriptError('JSON', 'expected a non-empty array of strings');
    return array.data.map((line, i) => ({ where: `item ${i + 1}`, line }));
  }
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ where: `line ${i + 1}`, line: line.trim() }))
    .filter((l) => l.line.length > 0);
}

function checkCommand(where: string, line: string, scenario: Scenario): void {
  const match = COMMAND.exec(line);
  if (!match) return;
  const [, cmd = '', arg = ''] = match;
  const target = arg.trim();
  if (cmd === 'security' || cmd === 'crm') return;
  if (cmd === 'action') {
    const ids = scenario.systems.actions.map((a) => a.id);
    if (!ids.includes(target))
      throw new LearnerScriptError(where, `unknown action "${target}" (known: ${ids.join(', ')})`);
    return;
  }
  if (cmd === 'kb') {
    const ids = scenario.systems.knowledgeBase.map((a) => a.id);
    if (!ids.includes(target))
      throw new LearnerScriptError(where, `unknown article "${target}" (known: ${ids.join(', ')})`);
    return;
  }
  throw new LearnerScriptError(
    where,
    `unknown command "/${cmd}" (use /action ID, /security, /kb ID or /crm)`,
  );
}

/** Parses and checks a learner script against the scenario; throws LearnerScriptError. */
export function parseLearnerScript(text: string, scenario: Scenario): string[] {
  const lines = rawLines(text);
  if (lines.length === 0) throw new LearnerScriptError('file', 'no learner turns');
  for (const { where, line } of lines) {
    if (line.trim().length === 0) throw new LearnerScriptError(where, 'empty turn');
    if (line.length > MAX_TURN_CHARS) {
      throw new LearnerScriptError(
        where,
        `turn is over ${MAX_TURN_CHARS.toLocaleString('en-GB')} characters`,
      );
    }
    checkCommand(where, line.trim(), scenario);
  }
  return lines.map((l) => l.line.trim());
}
