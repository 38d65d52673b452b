/**
 * Parses a transcript file (BRIEF §4.1) from JSON or from plain text. Pure: takes the file's
 * text and its name (for error messages) and returns a validated Transcript, or throws a
 * TranscriptParseError naming the file, the line where it is known, and the reason.
 */
import { basename, extname } from 'node:path';
import { findJsonSyntaxProblem } from './json-error.ts';
import {
  MAX_TURN_CHARS,
  MAX_TURNS,
  transcriptSchema,
  type Transcript,
  type Turn,
} from './schema.ts';

/** Largest transcript file accepted, in bytes (UTF-8). */
export const MAX_TRANSCRIPT_BYTES = 200 * 1024;

/** A transcript that cannot be accepted; nothing from it should be stored or graded. */
export class TranscriptParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'TranscriptParseError';
  }
}

/** Parses JSON when the text starts with `{`, plain text otherwise. */
export function parseTranscript(text: string, file: string): Transcript {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TRANSCRIPT_BYTES) {
    throw new TranscriptParseError(
      file,
      undefined,
      `file is ${bytes} bytes; the limit is ${MAX_TRANSCRIPT_BYTES} (200 KB)`,
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  return body.trimStart().startsWith('{')
    ? parseJsonTranscript(body, file)
    : parseTextTranscript(body, file);
}

/** The id a transcript gets when its file does not carry one: the file name without extension. */
export function idFromFileName(file: string): string {
  return basename(file, extname(file)) || 'transcript';
}

function lineAtOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Parses the JSON interchange format; a missing `id` defaults to the file name. */
export function parseJsonTranscript(text: string, file: string): Transcript {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const problem = findJsonSyntaxProblem(text);
    const fallback = err instanceof Error ? err.message : String(err);
    throw new TranscriptParseError(
      file,
      problem?.line,
      `invalid JSON: ${problem?.reason ?? fallback}`,
    );
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('id' in raw)) {
    raw = { ...raw, id: idFromFileName(file) };
  }
  return validate(raw, file, (turnIndex) => jsonTurnLine(text, turnIndex));
}

/** Best-effort line of the Nth `"speaker"` key, so JSON errors can point at a turn. */
function jsonTurnLine(text: string, turnIndex: number): number | undefined {
  const re = /"speaker"\s*:/g;
  let match: RegExpExecArray | null;
  let seen = 0;
  while ((match = re.exec(text)) !== null) {
    if (seen === turnIndex) return lineAtOffset(text, match.index);
    seen += 1;
  }
  return undefined;
}

const LABEL = /^([A-Za-z][A-Za-z ]{0,24}):(.*)$/;

/**
 * Parses plain text: `Agent:` / `Customer:` lines start turns, other lines continue the
 * previous turn (an indented line is always a continuation, even if it contains a colon), and a
 * `Case notes:` line starts the case notes, which run to the end of the file.
 */
export function parseTextTranscript(text: string, file: string): Transcript {
  const lines = text.split(/\r?\n/);
  const turns: Turn[] = [];
  const turnLines: number[] = [];
  const notes: string[] = [];
  let inNotes = false;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (inNotes) {
      notes.push(line);
      return;
    }
    const label = /^\s/.test(line) ? null : LABEL.exec(line);
    const name = label?.[1]?.trim().toLowerCase();
    const rest = (label?.[2] ?? '').trim();
    if (name === 'agent' || name === 'customer') {
      turns.push({ speaker: name, text: rest });
      turnLines.push(lineNo);
    } else if (name === 'case notes') {
      inNotes = true;
      if (rest) notes.push(rest);
    } else if (label && (turns.length === 0 || /^[A-Z]\w*$/.test(label[1] ?? ''))) {
      throw new TranscriptParseError(
        file,
        lineNo,
        `unknown speaker "${label[1]}" (use Agent: or Customer:)`,
      );
    } else if (line.trim() === '') {
      return;
    } else if (turns.length === 0) {
      throw new TranscriptParseError(
        file,
        lineNo,
        'expected a line starting with Agent: or Customer:',
      );
    } else {
      const last = turns[turns.length - 1]!;
      last.text = last.text ? `${last.text}\n${line.trim()}` : line.trim();
    }
  });
  const raw = { id: idFromFileName(file), turns, caseNotes: notes.join('\n').trim() };
  return validate(raw, file, (turnIndex) => turnLines[turnIndex]);
}

/** Shared checks for both formats, so JSON and text give the same errors. */
function validate(
  raw: unknown,
  file: string,
  lineOfTurn: (turn: number) => number | undefined,
): Transcript {
  if (typeof raw === 'object' && raw !== null && 'turns' in raw && Array.isArray(raw.turns)) {
    const turns: unknown[] = raw.turns;
    if (turns.length === 0)
      throw new TranscriptParseError(file, undefined, 'empty transcript: no turns');
    if (turns.length > MAX_TURNS) {
      throw new TranscriptParseError(
        file,
        lineOfTurn(MAX_TURNS),
        `too many turns: ${turns.length} (the limit is ${MAX_TURNS})`,
      );
    }
  }
  const parsed = transcriptSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [first, turnIndex, field] = issue.path;
    const inTurn = first === 'turns' && typeof turnIndex === 'number';
    const where = issue.path.map(String).join('.') || 'transcript';
    const reason =
      inTurn && field === 'speaker'
        ? `turn ${turnIndex}: unknown speaker (use "agent" or "customer")`
        : `${where}: ${issue.message}`;
    throw new TranscriptParseError(file, inTurn ? lineOfTurn(turnIndex) : undefined, reason);
  }
  const transcript = parsed.data;
  transcript.turns.forEach((turn, index) => {
    if (turn.text.trim() === '') {
      throw new TranscriptParseError(file, lineOfTurn(index), `turn ${index} is empty`);
    }
    if (turn.text.length > MAX_TURN_CHARS) {
      throw new TranscriptParseError(
        file,
        lineOfTurn(index),
        `turn ${index} is ${turn.text.length} characters (the limit is ${MAX_TURN_CHARS})`,
      );
    }
  });
  return transcript;
}
