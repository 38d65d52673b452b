/**
 * Picks the persona engine for the app's configuration: the LLM persona when a provider is
 * configured, else the offline one (the UI says which is in use via `engine.mode`).
 */
import type { LlmSettings } from '../llm/settings.ts';
import type { PersonaEngine } from './engine.ts';
import { createLlmPersonaEngine } from './llm-persona.ts';
import { createOfflinePersonaEngine } from './offline-engine.ts';

/** What createPersonaEngine needs; `template` is prompts/templates/persona.md (see loadTemplate). */
export interface PersonaEngineConfig {
  llm: LlmSettings | null;
  template: string;
  fetch?: typeof fetch;
}

/** The LLM persona engine when `llm` is set, the offline engine otherwise. */
export function createPersonaEngine(config: PersonaEngineConfig): PersonaEngine {
  if (!config.llm) return createOfflinePersonaEngine();
  return createLlmPersonaEngine({
    settings: config.llm,
    template: config.template,
    fetch: config.fetch,
  });
}
