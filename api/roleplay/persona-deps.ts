/**
 * The roleplay part of AppDeps for any runtime: the persona engine for the configuration, the
 * version label pinned on attempts, and the live-reply hub.
 */
import type { LlmSettings } from '../llm/settings.ts';
import { ReplyHub } from '../services/roleplay/reply-hub.ts';
import { createPersonaEngine } from './create-engine.ts';
import type { PersonaEngine } from './engine.ts';

/** Version of the offline persona rules (bump when their behaviour changes). */
export const OFFLINE_PERSONA_VERSION = 'offline-persona@1.0.0';

async function shortHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 4)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** Builds the persona engine, its prompt version and a reply hub. */
export async function buildPersonaDeps(input: {
  llm: LlmSettings | null;
  personaTemplate: string;
  fetch?: typeof fetch;
}): Promise<{ persona: PersonaEngine; personaPromptVersion: string; replies: ReplyHub }> {
  const persona = createPersonaEngine({
    llm: input.llm,
    template: input.personaTemplate,
    fetch: input.fetch,
  });
  const personaPromptVersion = input.llm
    ? `persona@${await shortHash(input.personaTemplate)}`
    : OFFLINE_PERSONA_VERSION;
  return { persona, personaPromptVersion, replies: new ReplyHub() };
}
