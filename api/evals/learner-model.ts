/**
 * The simulated learner for live learner-simulation suites: the configured persona model asked
 * to write the agent's next webchat message in a skilled or a poor style. The chat so far is
 * sent as messages (data), never inside the instructions.
 */
import OpenAI from 'openai';
import type { LlmSettings } from '../llm/settings.ts';
import type { LearnerModel } from './context.ts';

const STYLE = {
  skilled:
    'You are a skilled contact-centre agent on webchat. Greet the customer by name once you know it, acknowledge their situation specifically, ask questions to find the facts, explain two options plainly, agree next steps with a time, and say what you are recording.',
  poor: 'You are a hurried, scripted contact-centre agent on webchat. Use stock apologies, do not ask questions, give one generic answer, and try to close the chat quickly.',
} as const;

/** Builds the learner model over an OpenAI-compatible server (fetch may be the caching fetch). */
export function createLearnerModel(settings: LlmSettings, fetchImpl?: typeof fetch): LearnerModel {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.retries,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return {
    async next({ brief, style, turns }) {
      const answer = await client.chat.completions.create({
        model: settings.personaModel,
        temperature: 0,
        max_tokens: 300,
        messages: [
          {
            role: 'system',
            content: `${STYLE[style]} Write only your next message.\nBrief: ${brief}`,
          },
          ...turns.map((t) =>
            t.speaker === 'agent'
              ? ({ role: 'assistant', content: t.text } as const)
              : ({ role: 'user', content: t.text } as const),
          ),
        ],
      });
      const text = answer.choices[0]?.message.content?.trim() ?? '';
      return text.length > 0 ? text.slice(0, 2000) : 'Sorry, one moment please.';
    },
  };
}
