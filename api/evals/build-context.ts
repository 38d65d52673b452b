/**
 * Builds the EvalContext for a mode: offline rules by default; with --live, the configured LLM
 * persona, judge and simulated learner, each wrapped in the response cache.
 */
import { createHash } from 'node:crypto';
import { loadContent } from '../content/load.ts';
import { createLlmGrader, createOfflineGrader } from '../grading/grader.ts';
import { createJudgeModel } from '../grading/llm/model.ts';
import { JUDGE_PROMPT_VERSION } from '../grading/llm/prompt.ts';
import { OFFLINE_PROMPT_VERSION } from '../grading/offline/grader.ts';
import type { LlmSettings } from '../llm/settings.ts';
import { createLlmPersonaEngine } from '../roleplay/llm-persona.ts';
import { createOfflinePersonaEngine } from '../roleplay/offline-engine.ts';
import { OFFLINE_PERSONA_VERSION } from '../roleplay/persona-deps.ts';
import { loadTemplate } from '../roleplay/template.ts';
import { cachingFetch, cachingJudgeModel, type ResponseCache } from './cache.ts';
import type { EvalContext } from './context.ts';
import { createLearnerModel } from './learner-model.ts';

/** What the context is built from; `live` carries the settings and the cache. */
export interface ContextInput {
  root: string;
  live: { settings: LlmSettings; cache: ResponseCache; fetch?: typeof fetch } | null;
}

/** Loads content and the persona template, and wires the engines for the mode. */
export async function buildEvalContext(input: ContextInput): Promise<EvalContext> {
  const [content, personaTemplate] = await Promise.all([
    loadContent(input.root),
    loadTemplate(input.root, 'persona'),
  ]);
  const base = { root: input.root, content, personaTemplate };
  if (!input.live) {
    return {
      ...base,
      mode: 'offline',
      persona: createOfflinePersonaEngine(),
      grader: createOfflineGrader(),
      promptVersions: { persona: OFFLINE_PERSONA_VERSION, grader: OFFLINE_PROMPT_VERSION },
      learner: null,
    };
  }
  const { settings, cache } = input.live;
  const fetchImpl = cachingFetch(cache, input.live.fetch ?? fetch);
  const templateHash = createHash('sha256').update(personaTemplate).digest('hex').slice(0, 8);
  return {
    ...base,
    mode: 'live',
    persona: createLlmPersonaEngine({ settings, template: personaTemplate, fetch: fetchImpl }),
    grader: createLlmGrader(settings, {
      model: cachingJudgeModel(cache, createJudgeModel(settings), settings.graderModel),
    }),
    promptVersions: {
      persona: `persona@${templateHash} ${settings.personaModel}`,
      grader: `${JUDGE_PROMPT_VERSION} ${settings.graderModel}`,
    },
    learner: createLearnerModel(settings, fetchImpl),
  };
}
