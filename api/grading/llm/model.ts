/**
 * The judge model: LangChain's ChatOpenAI pointed at any OpenAI-compatible server, with an
 * explicit timeout and SDK retries off (maxRetries 0) because judge.ts owns the retry policy.
 */
import type { AIMessage } from '@langchain/core/messages';
import { type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { LlmSettings } from '../../llm/settings.ts';

/** What the judge needs from a chat model: one call, one message back. */
export interface JudgeModel {
  invoke(messages: BaseMessage[]): Promise<AIMessage>;
}

/** Builds the judge model from settings. Construct it after any test HTTP mock is listening. */
export function createJudgeModel(settings: LlmSettings): JudgeModel {
  const chat = new ChatOpenAI({
    model: settings.graderModel,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL },
    temperature: 0,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    // LangChain drops `message.refusal` from chat completions; the raw response keeps it.
    __includeRawResponse: true,
  });
  return {
    invoke: (messages) => chat.invoke(messages, { response_format: { type: 'json_object' } }),
  };
}

/** Token counts from one model answer (LangChain maps prompt_tokens_details.cached_tokens to cache_read). */
export function usageOf(message: AIMessage): { input: number; cached: number; output: number } {
  const u = message.usage_metadata;
  return {
    input: u?.input_tokens ?? 0,
    cached: u?.input_token_details?.cache_read ?? 0,
    output: u?.output_tokens ?? 0,
  };
}

const rawRefusal = z.object({
  choices: z.array(z.object({ message: z.object({ refusal: z.string().nullish() }) })).min(1),
});

/** The model's text, or the refusal it gave instead (an empty answer counts as a refusal). */
export function answerText(message: AIMessage): { text: string; refusal: string | null } {
  const text = typeof message.content === 'string' ? message.content : message.text;
  const raw = rawRefusal.safeParse(message.additional_kwargs?.__raw_response);
  const refusal = raw.success ? raw.data.choices[0]?.message.refusal : null;
  if (refusal) return { text, refusal };
  return { text, refusal: text.trim() === '' ? 'the model returned an empty answer' : null };
}
