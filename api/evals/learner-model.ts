/**
 * The simulated learner for live learner-simulation suites: the configured persona model asked
 * to write the agent's next webchat message in a skilled, an average or a poor style. The chat
 * so far is sent as messages (data), never inside the instructions. An empty or unusable answer
 * is asked for once more and then fails the case: a stand-in line would quietly make every
 * learner look alike.
 */
import OpenAI from 'openai';
import type { LlmSettings } from '../llm/settings.ts';
import type { LearnerModel } from './context.ts';

/** The learner model gave no usable message (after one more try). */
export class LearnerModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LearnerModelError';
  }
}

const STYLE = {
  skilled:
    'You are a skilled contact-centre agent on webchat. Greet the customer by name once you know it, acknowledge their situation specifically, ask questions to find the facts, explain two options plainly, agree next steps with a time, and say what you are recording.',
  average:
    'You are an average contact-centre agent on webchat. Be polite and acknowledge the problem in general terms, ask one question, offer one option only, and do not agree a time for next steps.',
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
      const ask = (retry: boolean) =>
        client.chat.completions.create({
          model: settings.personaModel,
          temperature: 0,
          max_tokens: 300,
          messages: [
            {
              role: 'system',
              // The retry's prompt differs, so a cached empty answer is not simply replayed.
              content: `${STYLE[style]} Write only your next message.${retry ? ' Your previous answer was empty: write the message text.' : ''}\nBrief: ${brief}`,
            },
            ...turns.map((t) =>
              t.speaker === 'agent'
                ? ({ role: 'assistant', content: t.text } as const)
                : ({ role: 'user', content: t.text } as const),
            ),
          ],
        });
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await ask(attempt > 0);
        // A server may send a 200 without choices or content; the SDK does not check.
        const text = answer.choices?.[0]?.message?.content?.trim() ?? '';
        if (text.length > 0) return text.slice(0, 2000);
      }
      throw new LearnerModelError('the learner model sent no message twice in a row');
    },
  };
}
