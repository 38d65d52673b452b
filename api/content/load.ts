/**
 * Loads content files (rubric packs, personas, scenarios) from the repo's data folders and
 * validates them with the zod schemas. Errors name the file, the path inside it and the reason,
 * so a designer can fix a YAML file without reading code.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  personaSchema,
  rubricPackSchema,
  scenarioSchema,
  type Persona,
  type RubricPack,
  type Scenario,
} from './schemas.ts';

/** One problem found in one content file. */
export interface ContentIssue {
  file: string;
  path: string;
  message: string;
}

/** Everything under `rubrics/` and `prompts/`, validated, with the problems found. */
export interface ContentBundle {
  rubrics: RubricPack[];
  personas: Persona[];
  scenarios: Scenario[];
  issues: ContentIssue[];
}

/** Thrown when a single requested content file is missing or invalid. */
export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(issues.map((i) => `${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`).join('\n'));
    this.name = 'ContentError';
  }
}

async function listYaml(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch {
    return [];
  }
}

/** Parses and validates one YAML file; returns the value or the issues found. */
export async function loadYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  displayRoot: string,
): Promise<{ value?: z.infer<S>; issues: ContentIssue[] }> {
  const name = relative(displayRoot, file);
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, 'utf8'));
  } catch (err) {
    const message =
      err instanceof YAMLParseError
        ? `YAML error: ${err.message.split('\n')[0]}`
        : `cannot read file: ${err instanceof Error ? err.message : String(err)}`;
    return { issues: [{ file: name, path: '', message }] };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) => ({
        file: name,
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    };
  }
  return { value: parsed.data, issues: [] };
}

async function loadFolder<S extends z.ZodType>(
  root: string,
  folder: string,
  schema: S,
): Promise<{ values: z.infer<S>[]; issues: ContentIssue[] }> {
  const dir = join(root, folder);
  const values: z.infer<S>[] = [];
  const issues: ContentIssue[] = [];
  for (const name of await listYaml(dir)) {
    const result = await loadYamlFile(join(dir, name), schema, root);
    issues.push(...result.issues);
    if (result.value !== undefined) {
      const id = (result.value as { id: string }).id;
      const expected = name.replace(/\.ya?ml$/, '');
      if (id !== expected) {
        issues.push({
          file: join(folder, name),
          path: 'id',
          message: `id "${id}" must match the file name "${expected}"`,
        });
      }
      values.push(result.value);
    }
  }
  return { values, issues };
}

/**
 * Loads every rubric pack, persona and scenario under `root` (the repo root) and checks
 * references between them (scenario → persona, scenario → rubric packs).
 */
export async function loadContent(root: string): Promise<ContentBundle> {
  const [rubrics, personas, scenarios] = await Promise.all([
    loadFolder(root, 'rubrics', rubricPackSchema),
    loadFolder(root, 'prompts/personas', personaSchema),
    loadFolder(root, 'prompts/scenarios', scenarioSchema),
  ]);
  const issues = [...rubrics.issues, ...personas.issues, ...scenarios.issues];
  const personaIds = new Set(personas.values.map((p) => p.id));
  const rubricIds = new Set(rubrics.values.map((r) => r.id));
  for (const s of scenarios.values) {
    const file = `prompts/scenarios/${s.id}.yaml`;
    if (!personaIds.has(s.persona)) {
      issues.push({ file, path: 'persona', message: `unknown persona "${s.persona}"` });
    }
    s.rubrics.forEach((r, i) => {
      if (!rubricIds.has(r))
        issues.push({ file, path: `rubrics.${i}`, message: `unknown rubric pack "${r}"` });
    });
  }
  return {
    rubrics: rubrics.values,
    personas: personas.values,
    scenarios: scenarios.values,
    issues,
  };
}

/** Loads one rubric pack by id from `root/rubrics/<id>.yaml`, throwing ContentError if invalid. */
export async function loadRubricPack(root: string, id: string): Promise<RubricPack> {
  const result = await loadYamlFile(join(root, 'rubrics', `${id}.yaml`), rubricPackSchema, root);
  if (!result.value) throw new ContentError(result.issues);
  return result.value;
}
