/**
 * Labelled transcript sets (`evals/golden/`, `evals/injection/`): one JSON file per case, holding
 * a transcript (BRIEF §4.1), an assessor's verdict per core criterion and descriptive tags.
 * Graders are measured against these files, so every file is validated strictly and a broken
 * file is reported by name, path and reason instead of being skipped.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { transcriptSchema, verdict } from '../transcript/schema.ts';

/** The four core criteria every labelled case carries a verdict for. */
export const CORE_CRITERIA = ['rapport', 'empathy', 'options', 'follow_up_recorded'] as const;
export type CoreCriterion = (typeof CORE_CRITERIA)[number];

/** One assessor judgement: the verdict and a one-line reason a reviewer can check. */
export const criterionLabelSchema = z.strictObject({
  verdict,
  rationale: z.string().trim().min(1),
});

/** Tags are `family:value`, lower-case kebab (e.g. `hard:stock-empathy-dismissive`). */
export const tagSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[a-z0-9-]+$/, 'tag must look like family:value');

/**
 * A labelled file. The four core labels are required; further criteria (e.g. `greeting`) may be
 * labelled too, so a pack-specific set can grow without a new format.
 */
export const labelledTranscriptSchema = z.strictObject({
  transcript: transcriptSchema,
  labels: z
    .strictObject({
      rapport: criterionLabelSchema,
      empathy: criterionLabelSchema,
      options: criterionLabelSchema,
      follow_up_recorded: criterionLabelSchema,
    })
    .catchall(criterionLabelSchema),
  tags: z.array(tagSchema).default([]),
});

export type LabelledTranscript = z.infer<typeof labelledTranscriptSchema>;

/** A parsed case with the file it came from (relative to the set's folder). */
export interface LabelledCase extends LabelledTranscript {
  file: string;
}

/** One problem in one labelled file. */
export interface LabelledSetIssue {
  file: string;
  path: string;
  message: string;
}

/** Thrown by loadLabelledSet when any file in the folder is invalid; lists every problem. */
export class LabelledSetError extends Error {
  constructor(readonly issues: LabelledSetIssue[]) {
    super(issues.map((i) => `${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`).join('\n'));
    this.name = 'LabelledSetError';
  }
}

/** File names are `NNN-short-slug.json` so sets sort stably and cases are easy to cite. */
export const LABELLED_FILE_NAME = /^\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;

/** Validates one file's text; returns the case or the issues found. Pure, for tests and tools. */
export function parseLabelledFile(
  file: string,
  text: string,
): { value?: LabelledCase; issues: LabelledSetIssue[] } {
  const issues: LabelledSetIssue[] = [];
  if (!LABELLED_FILE_NAME.test(file)) {
    issues.push({ file, path: '', message: 'file name must look like NNN-short-slug.json' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    issues.push({
      file,
      path: '',
      message: `JSON error: ${err instanceof Error ? err.message : String(err)}`,
    });
    return { issues };
  }
  const parsed = labelledTranscriptSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      issues.push({ file, path: i.path.map(String).join('.'), message: i.message });
    return { issues };
  }
  return issues.length > 0 ? { issues } : { value: { file, ...parsed.data }, issues };
}

/**
 * Loads every `*.json` in `dir`, sorted by name, and checks that transcript ids are unique.
 * Throws LabelledSetError (all problems at once) if any file is invalid or the folder is unreadable.
 */
export async function loadLabelledSet(dir: string): Promise<LabelledCase[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new LabelledSetError([
      { file: dir, path: '', message: `cannot read folder: ${String(err)}` },
    ]);
  }
  const cases: LabelledCase[] = [];
  const issues: LabelledSetIssue[] = [];
  const firstFileById = new Map<string, string>();
  for (const name of names) {
    const result = parseLabelledFile(name, await readFile(join(dir, name), 'utf8'));
    issues.push(...result.issues);
    if (!result.value) continue;
    const id = result.value.transcript.id;
    const earlier = firstFileById.get(id);
    if (earlier)
      issues.push({
        file: name,
        path: 'transcript.id',
        message: `id "${id}" is already used by ${earlier}`,
      });
    else firstFileById.set(id, name);
    cases.push(result.value);
  }
  if (issues.length > 0) throw new LabelledSetError(issues);
  return cases;
}
