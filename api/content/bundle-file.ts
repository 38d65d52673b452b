/**
 * The content bundle as one JSON file for runtimes without a file system (Workers). Generated
 * by `npm run content:bundle` (run by postinstall and before the Worker build) from the YAML
 * files, which stay the source of truth.
 */
import { writeFile } from 'node:fs/promises';
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
  await writeFile(join(root, BUNDLE_PATH), `${JSON.stringify(bundle)}\n`);
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
});

/** Validates a bundle read from JSON. */
export function parseContentBundle(json: unknown): ContentBundle {
  return contentBundleSchema.parse(json);
}
