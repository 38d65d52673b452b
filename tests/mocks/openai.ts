/**
 * msw mock of an OpenAI-compatible chat completions endpoint for judge tests. Each test gives a
 * `reply` function that sees the parsed request and returns the answer (or an HTTP error).
 */
import { delay, http, HttpResponse } from 'msw';
import { z } from 'zod';

export const LLM_BASE_URL = 'http://llm.test/v1';

const requestSchema = z.looseObject({
  model: z.string(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.string().nullable() })),
});

/** A chat completions request as the mock sees it. */
export interface MockRequest {
  body: z.infer<typeof requestSchema> & Record<string, unknown>;
  /** The criterion id named in the system prompt. */
  criterion: string;
  /** How many requests for this criterion came before this one. */
  attempt: number;
}

export type MockReply =
  | {
      content: string | null;
      refusal?: string;
      usage?: { prompt: number; cached: number; completion: number };
      delayMs?: number;
    }
  | { status: number; headers?: Record<string, string>; delayMs?: number };

/** Body of a successful chat completion. */
export function completion(
  content: string | null,
  usage = { prompt: 100, cached: 60, completion: 20 },
  refusal?: string,
) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1,
    model: 'judge-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: refusal ?? null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: usage.prompt,
      completion_tokens: usage.completion,
      total_tokens: usage.prompt + usage.completion,
      prompt_tokens_details: { cached_tokens: usage.cached },
    },
  };
}

/** The handler; `requests` collects every request seen, in arrival order. */
export function chatCompletionsHandler(
  reply: (req: MockRequest) => MockReply,
  requests: MockRequest[] = [],
) {
  const attempts = new Map<string, number>();
  return http.post(`${LLM_BASE_URL}/chat/completions`, async ({ request }) => {
    const body = requestSchema.parse(await request.json());
    // The criterion to judge is named in the last message that names one (the task message).
    const named = body.messages.filter(
      (m) => /^Criterion id: /m.test(m.content ?? '') && m.role === 'user',
    );
    const criterion = /^Criterion id: (\S+)$/m.exec(named.at(-1)?.content ?? '')?.[1] ?? 'unknown';
    const attempt = attempts.get(criterion) ?? 0;
    attempts.set(criterion, attempt + 1);
    const req: MockRequest = { body, criterion, attempt };
    requests.push(req);
    const answer = reply(req);
    if (answer.delayMs) await delay(answer.delayMs);
    if ('status' in answer) {
      return HttpResponse.json(
        { error: { message: `status ${answer.status}`, type: 'test' } },
        { status: answer.status, headers: answer.headers },
      );
    }
    return HttpResponse.json(completion(answer.content, answer.usage, answer.refusal));
  });
}

/** A judge answer as JSON text. */
export function judgeAnswer(
  verdict: 'met' | 'not_yet',
  evidence: { turn: number | 'caseNotes'; quote: string }[],
  feedback = 'Feedback.',
): string {
  return JSON.stringify({ verdict, evidence, feedback });
}
