/**
 * The content bundle as one JSON file for runtimes without a file system (Workers). Generated
 * by `npm run content:bundle` (run by postinstall and before the Worker build) from the YAML
 * files, which stay the source of truth.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { loadContent, type ContentBundle } from './load.ts';
import {
  personaSchema,
  rubricPackSchema,
  scenarioSchema,
  standardDefinitionSchema,
} from './schemas.ts';

/** Where the generated bundle is written (git-ignored). */
export const BUNDLE_PATH = 'api/content/bundle.generated.json';

/** Loads the YAML content under `root` and writes the bundle; returns its counts. */
export async function writeContentBundle(root: string) {
  const bundle = await loadContent(root);
  const templates = await loadTemplates(root);
  await writeFile(join(root, BUNDLE_PATH), `${JSON.stringify({ ...bundle, templates })}\n`);
  return {
    rubrics: bundle.rubrics.length,
    personas: bundle.personas.length,
    scenarios: bundle.scenarios.length,
    issues: bundle.issues.length,
  };
}

/** Schema of the generated bundle, so a stale or hand-edited file is caught at start. */
export const contentBundleSchema = z.object({
  rubrics: z.array(rubricPackSchema),
  personas: z.array(personaSchema),
  scenarios: z.array(scenarioSchema),
  standards: z.array(standardDefinitionSchema).optional(),
  issues: z.array(z.object({ file: z.string(), path: z.string(), message: z.string() })),
  templates: z.record(z.string(), z.string()),
});

/** Validates a bundle read from JSON. */
export function parseContentBundle(
  json: unknown,
): ContentBundle & { templates: Record<string, string> } {
  return contentBundleSchema.parse(json);
}

/** Every prompt template (`prompts/templates/*.md`) by name. */
export async function loadTemplates(root: string): Promise<Record<string, string>> {
  const dir = join(root, 'prompts', 'templates');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const entries = await Promise.all(
    names.map(async (n) => [n.replace(/\.md$/, ''), await readFile(join(dir, n), 'utf8')] as const),
  );
  return Object.fromEntries(entries);
}
