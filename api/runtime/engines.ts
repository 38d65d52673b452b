/**
 * The model-facing part of AppDeps for any runtime: the persona engine and the grader, offline
 * when no LLM is configured, else over the configured OpenAI-compatible provider.
 */
import { createLlmGrader, createOfflineGrader, type Grader } from '../grading/grader.ts';
import type { LlmGraderDeps } from '../grading/llm/grader.ts';
import type { LlmSettings } from '../llm/settings.ts';
import { buildPersonaDeps } from '../roleplay/persona-deps.ts';

/** Builds the persona engine (with its reply hub and prompt version) and the grader. */
export async function buildEngines(input: {
  llm: LlmSettings | null;
  /** Prompt templates by name (`persona`, `grader-judge`). */
  templates: Record<string, string>;
  personaFetch?: typeof fetch;
  graderDeps?: LlmGraderDeps;
}) {
  const roleplay = await buildPersonaDeps({
    llm: input.llm,
    personaTemplate: input.templates.persona ?? '',
    fetch: input.personaFetch,
  });
  const grader: Grader = input.llm
    ? createLlmGrader(input.llm, { template: input.templates['grader-judge'], ...input.graderDeps })
    : createOfflineGrader();
  return { ...roleplay, grader };
}
