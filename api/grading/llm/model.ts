/**
 * The judge model: LangChain's ChatOpenAI pointed at any OpenAI-compatible server, with an
 * explicit timeout and SDK retries off (maxRetries 0) because judge.ts owns the retry policy.
 */
import type { AIMessage} from '@langchain/core/messages';
import { type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
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

/** The model's text, or the refusal it gave instead. */
export function answerText(message: AIMessage): { text: string; refusal: string | null } {
  const refusal = message.additional_kwargs?.refusal;
  const text = typeof message.content === 'string' ? message.content : message.text;
  return { text, refusal: typeof refusal === 'string' && refusal ? refusal : null };
}
