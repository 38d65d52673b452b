/**
 * Loads the roleplay test fixtures (three personas, three scenarios) from
 * tests/fixtures/content, so roleplay tests never depend on the real content library.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../api/content/load.ts';
import type { Persona, Scenario } from '../../api/content/schemas.ts';

/** Root of the fixture content (holds prompts/ and rubrics/). */
export const FIXTURE_CONTENT_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'content',
);

/** One scenario with its persona. */
export interface FixtureCards {
  scenario: Scenario;
  persona: Persona;
}

/** Loads a fixture scenario and its persona by scenario id. */
export async function loadFixtureCards(scenarioId: string): Promise<FixtureCards> {
  const bundle = await loadContent(FIXTURE_CONTENT_DIR);
  if (bundle.issues.length > 0)
    throw new Error(`fixture content invalid: ${JSON.stringify(bundle.issues)}`);
  const scenario = bundle.scenarios.find((s) => s.id === scenarioId);
  const persona = bundle.personas.find((p) => p.id === scenario?.persona);
  if (!scenario || !persona) throw new Error(`no fixture scenario ${scenarioId}`);
  return { scenario, persona };
}
