/**
 * Eval runs on stored versions: a designer may run suites against personas or scenarios saved
 * in the browser instead of the shipped files. The stored cards replace the files' cards of the
 * same id in the run's content, so every suite that plays that persona or scenario uses them,
 * and the run's versions record says which version ran.
 */
import type { ContentBundle } from '../../content/load.ts';
import type { Persona, Scenario } from '../../content/schemas.ts';
import type { Actor } from '../../lib/actor.ts';
import { loadVersionCard, type VersionDeps } from '../content/versions.ts';

/** Cards to use instead of the shipped ones. */
export interface ContentOverrides {
  personas: Persona[];
  scenarios: Scenario[];
}

/** Loads and checks the stored versions asked for (NOT_FOUND / VALIDATION_FAILED otherwise). */
export async function loadOverrides(
  deps: VersionDeps,
  actor: Actor,
  wanted: readonly { kind: 'persona' | 'scenario'; id: string; version: string }[],
): Promise<ContentOverrides> {
  const overrides: ContentOverrides = { personas: [], scenarios: [] };
  for (const w of wanted) {
    if (w.kind === 'persona')
      overrides.personas.push(await loadVersionCard(deps, actor, 'persona', w.id, w.version));
    else overrides.scenarios.push(await loadVersionCard(deps, actor, 'scenario', w.id, w.version));
  }
  return overrides;
}

/** The bundle with the overriding cards in place of the files' cards of the same id. */
export function applyOverrides(content: ContentBundle, o: ContentOverrides): ContentBundle {
  const swap = <T extends { id: string }>(cards: T[], replacements: T[]) =>
    cards.map((card) => replacements.find((r) => r.id === card.id) ?? card);
  return {
    ...content,
    personas: swap(content.personas, o.personas),
    scenarios: swap(content.scenarios, o.scenarios),
  };
}
