/**
 * Checking a persona or scenario a designer edited as YAML in the browser: safe YAML parsing
 * (core schema, no custom tags, capped aliases and size), the same zod schema as the files, the
 * references a file would be checked for, and a version bumped above every known one. Pure: the
 * database side lives in services/content/versions.ts.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentBundle } from './load.ts';
import { personaSchema, scenarioSchema, type Persona, type Scenario } from './schemas.ts';

/** Largest YAML document a designer may save (a real card is under 10 KB). */
export const MAX_CONTENT_YAML_BYTES = 64 * 1024;

/** Which content can be edited in the browser. */
export type EditableKind = 'persona' | 'scenario';

/** One problem with the edited YAML: where (`voice.typos`, `rubrics.0`, '' for the document). */
export interface EditIssue {
  path: string;
  message: string;
}

/** The card an edit parses to. */
export type EditedCard<K extends EditableKind> = K extends 'persona' ? Persona : Scenario;

/** The result of checking an edit: the card, or the issues found. */
export type EditCheck<K extends EditableKind> =
  { ok: true; card: EditedCard<K> } | { ok: false; issues: EditIssue[] };

const schemas = { persona: personaSchema, scenario: scenarioSchema } as const;

/** Parses untrusted YAML text: no custom tags, no merge keys, few aliases, unique keys. */
function parseSafely(text: string): { value?: unknown; issues: EditIssue[] } {
  if (new TextEncoder().encode(text).length > MAX_CONTENT_YAML_BYTES)
    return {
      issues: [{ path: '', message: `YAML is larger than ${MAX_CONTENT_YAML_BYTES} bytes` }],
    };
  const doc = parseDocument(text, {
    schema: 'core',
    customTags: [],
    merge: false,
    uniqueKeys: true,
  });
  // An unknown tag is only a warning to the yaml package; here it is an error.
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      issues: problems.map((e) => {
        const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        const where = e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : 'error';
        return { path: '', message: `YAML ${where}: ${first}` };
      }),
    };
  }
  if (!isMap(doc.contents))
    return { issues: [{ path: '', message: 'the document must be a mapping (key: value lines)' }] };
  try {
    return { value: doc.toJS({ maxAliasCount: 20 }), issues: [] };
  } catch (err) {
    return {
      issues: [
        { path: '', message: `YAML error: ${err instanceof Error ? err.message : 'unreadable'}` },
      ],
    };
  }
}

function duplicates(path: string, ids: readonly string[]): EditIssue[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [{ path: `${path}.${i}.id`, message: `duplicate id "${id}"` }];
  });
}

/** References a scenario file is checked for: its persona and rubric packs exist, ids are unique. */
function scenarioReferences(s: Scenario, content: ContentBundle): EditIssue[] {
  const issues: EditIssue[] = [];
  if (!content.personas.some((p) => p.id === s.persona))
    issues.push({ path: 'persona', message: `unknown persona "${s.persona}"` });
  s.rubrics.forEach((r, i) => {
    if (!content.rubrics.some((p) => p.id === r))
      issues.push({ path: `rubrics.${i}`, message: `unknown rubric pack "${r}"` });
  });
  issues.push(
    ...duplicates(
      'hiddenFacts',
      s.hiddenFacts.map((f) => f.id),
    ),
    ...duplicates(
      'systems.knowledgeBase',
      s.systems.knowledgeBase.map((a) => a.id),
    ),
    ...duplicates(
      'systems.actions',
      s.systems.actions.map((a) => a.id),
    ),
  );
  return issues;
}

/**
 * Checks edited YAML for the persona or scenario `id`: parses it safely, validates it with the
 * file schema, requires the same id, and checks references against the shipped content.
 */
export function checkEdit<K extends EditableKind>(
  kind: K,
  id: string,
  text: string,
  content: ContentBundle,
): EditCheck<K> {
  const parsed = parseSafely(text);
  if (parsed.issues.length > 0) return { ok: false, issues: parsed.issues };
  const result: z.ZodSafeParseResult<Persona | Scenario> = schemas[kind].safeParse(parsed.value);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    };
  }
  const card = result.data;
  const issues: EditIssue[] = [];
  if (card.id !== id)
    issues.push({ path: 'id', message: `must stay "${id}" (this edits ${kind} "${id}")` });
  if (kind === 'scenario') issues.push(...scenarioReferences(card as Scenario, content));
  // The schema was picked by `kind`, so the card is that kind's.
  return issues.length > 0 ? { ok: false, issues } : { ok: true, card: card as EditedCard<K> };
}

function semverParts(v: string): [number, number, number] {
  const [a = 0, b = 0, c = 0] = v.split('.').map((n) => Number.parseInt(n, 10) || 0);
  return [a, b, c];
}

/** Orders semver strings (1.0.10 after 1.0.9). */
export function compareSemver(a: string, b: string): number {
  const [x, y] = [semverParts(a), semverParts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The next version: the patch above the highest of `known` (`1.0.0`, `1.0.3` → `1.0.4`). */
export function nextVersion(known: readonly string[]): string {
  const highest = [...known].sort(compareSemver).at(-1) ?? '0.0.0';
  const [major, minor, patch] = semverParts(highest);
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * The YAML text with its top-level `version` set. Only the value's characters are replaced, so
 * the designer's comments and layout stay exactly as written.
 */
export function withVersion(text: string, version: string): string {
  const doc = parseDocument(text, { schema: 'core', customTags: [], merge: false });
  const node = doc.get('version', true);
  if (!isScalar(node) || !node.range) {
    doc.set('version', version);
    return doc.toString();
  }
  const [start, end] = node.range;
  return `${text.slice(0, start)}${version}${text.slice(end)}`;
}
