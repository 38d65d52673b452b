/**
 * Reads the parts of a stored case's details the case view shows (assertions, verdicts, the
 * transcript, director states). Details are free-form JSON per suite kind, so each part is
 * checked before use and anything unrecognised is shown as raw JSON instead.
 */

/** A persona-fidelity assertion result. */
export interface AssertionRow {
  name: string;
  passed: boolean;
  detail: string;
}

/** A grader verdict against the label. */
export interface VerdictRow {
  criterion: string;
  expected: string;
  actual: string;
}

/** A transcript turn. */
export interface TurnRow {
  speaker: string;
  text: string;
}

/** The director state after a customer turn. */
export interface DirectorRow {
  mood: number;
  patience: number;
  factsRevealed: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function rows<T>(v: unknown, read: (o: Record<string, unknown>) => T | null): T[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((item) => {
    const row = isObject(item) ? read(item) : null;
    return row === null ? [] : [row];
  });
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null ? 'none' : String(v));

/** The known parts of a case's details, and the rest as JSON. */
export function readCaseDetails(details: Record<string, unknown>) {
  const { assertions, verdicts, transcript, caseNotes, director, ...rest } = details;
  return {
    assertions: rows<AssertionRow>(assertions, (o) =>
      typeof o.name === 'string' && typeof o.passed === 'boolean'
        ? { name: o.name, passed: o.passed, detail: str(o.detail ?? '') }
        : null,
    ),
    verdicts: rows<VerdictRow>(verdicts, (o) =>
      typeof o.criterion === 'string'
        ? { criterion: o.criterion, expected: str(o.label), actual: str(o.got) }
        : null,
    ),
    transcript: rows<TurnRow>(transcript, (o) =>
      typeof o.speaker === 'string' && typeof o.text === 'string'
        ? { speaker: o.speaker, text: o.text }
        : null,
    ),
    caseNotes: typeof caseNotes === 'string' ? caseNotes : '',
    director: rows<DirectorRow>(director, (o) =>
      typeof o.mood === 'number' && typeof o.patience === 'number'
        ? {
            mood: o.mood,
            patience: o.patience,
            factsRevealed: Array.isArray(o.factsRevealed) ? o.factsRevealed.map(str) : [],
          }
        : null,
    ),
    rest,
  };
}

/**
 * The transcript as plain text (`Agent:` / `Customer:` lines, the format the CLI reads), with
 * the director state after each customer line when the case has it.
 */
export function transcriptText(turns: TurnRow[], director: DirectorRow[], notes: string): string {
  let customer = 0;
  const lines = turns.map((t, i) => {
    const who = t.speaker === 'agent' ? 'Agent' : 'Customer';
    const state = t.speaker === 'customer' ? director[customer++] : undefined;
    const tail = state
      ? `\n    [mood ${state.mood}/10, patience ${state.patience}${state.factsRevealed.length ? `, facts: ${state.factsRevealed.join(', ')}` : ''}]`
      : '';
    return `${i}. ${who}: ${t.text}${tail}`;
  });
  return notes ? `${lines.join('\n')}\n\nCase notes:\n${notes}` : lines.join('\n');
}
