/**
 * Reads eval suites from YAML and validates them. Every problem is reported with the file, the
 * path inside it, the line where the YAML has one, and the reason, so a bad suite is easy to fix.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { suiteSchema, type Suite } from './suite-schema.ts';

/** One problem in one suite file. */
export interface SuiteIssue {
  file: string;
  path: string;
  line?: number;
  message: string;
}

/** Thrown when any suite file is invalid; lists every problem. */
export class SuiteError extends Error {
  constructor(readonly issues: SuiteIssue[]) {
    super(issues.map(formatSuiteIssue).join('\n'));
    this.name = 'SuiteError';
  }
}

/** `file:line at path: reason` (line and path when known). */
export function formatSuiteIssue(i: SuiteIssue): string {
  const where = i.line === undefined ? i.file : `${i.file}:${i.line}`;
  return `${where}${i.path ? ` at ${i.path}` : ''}: ${i.message}`;
}

/** Parses one suite file's text; `file` is the name shown in errors. Pure, for tests and tools. */
export function parseSuite(file: string, text: string): { suite?: Suite; issues: SuiteIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        file,
        path: '',
        line: e.linePos?.[0]?.line,
        message: `YAML error: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  const parsed = suiteSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) => {
        const path = i.path.map(String);
        return { file, path: path.join('.'), line: lineOf(doc, lines, path), message: i.message };
      }),
    };
  }
  const expected = basename(file).replace(/\.ya?ml$/, '');
  if (parsed.data.id !== expected) {
    const message = `id "${parsed.data.id}" must match the file name "${expected}"`;
    return { issues: [{ file, path: 'id', line: lineOf(doc, lines, ['id']), message }] };
  }
  return { suite: parsed.data, issues: [] };
}

/** The line of the deepest node that exists along `path`. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  path: string[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Lists the suite files (`*.yaml`) in `dir`, sorted. */
export async function listSuiteFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort();
}

/**
 * Loads suites from `dir`: the named ones (by id), or all. Throws SuiteError with every problem
 * in the files it reads, or for a requested suite that does not exist.
 */
export async function loadSuites(dir: string, ids: string[], root: string): Promise<Suite[]> {
  let names: string[];
  try {
    names = await listSuiteFiles(dir);
  } catch (err) {
    const message = `cannot read folder: ${err instanceof Error ? err.message : String(err)}`;
    throw new SuiteError([{ file: relative(root, dir) || dir, path: '', message }]);
  }
  const known = names.map((n) => n.replace(/\.ya?ml$/, ''));
  const missing = ids.filter((id) => !known.includes(id));
  if (missing.length > 0) {
    throw new SuiteError(
      missing.map((id) => ({
        file: join(relative(root, dir), `${id}.yaml`),
        path: '',
        message: `no such suite (known: ${known.join(', ') || 'none'})`,
      })),
    );
  }
  const chosen = ids.length === 0 ? names : names.filter((n, i) => ids.includes(known[i] ?? ''));
  const suites: Suite[] = [];
  const issues: SuiteIssue[] = [];
  for (const name of chosen) {
    const path = join(dir, name);
    const result = parseSuite(relative(root, path), await readFile(path, 'utf8'));
    issues.push(...result.issues);
    if (result.suite) suites.push(result.suite);
  }
  if (issues.length > 0) throw new SuiteError(issues);
  // Run in the order asked for on the command line.
  return ids.length === 0 ? suites : ids.flatMap((id) => suites.filter((s) => s.id === id));
}
