/**
 * The LLM persona engine: an OpenAI-compatible chat model plays the customer from the persona
 * and scenario cards plus the director state. The learner's messages are sent as chat messages
 * (data), never inside the system prompt. One retry layer of our own (the SDK's is off): 429
 * (honouring Retry-After), 5xx and timeouts are retried once, and only before any token has
 * been streamed. Failures are PersonaModelError with a kind the route can show.
 */
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { LlmSettings } from '../llm/settings.ts';
import type { Turn } from '../transcript/schema.ts';
import {
  directTurn,
  openingReply,
  type EngineChunk,
  type PersonaEngine,
  type RespondInput,
  type TokenUsage,
} from './engine.ts';
import { PersonaModelError, retryAfterMs } from './persona-errors.ts';
import { renderPersonaPrompt } from './persona-prompt.ts';
import { rejectReply, ReplyStreamFilter } from './reply-filter.ts';
import { templateStaticText } from './template.ts';

/** What the LLM persona needs; the template is prompts/templates/persona.md, read by the caller. */
export interface LlmPersonaDeps {
  settings: LlmSettings;
  template: string;
  /** Waits between attempts (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
  /** Longest Retry-After we are willing to wait before retrying; longer waits fail at once. */
  maxRetryAfterMs?: number;
  /** Most tokens in one customer reply. */
  maxOutputTokens?: number;
  /** The fetch the SDK uses (defaults to the global one). */
  fetch?: typeof fetch;
}

const chunkSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      delta: z.looseObject({ content: z.string().nullish() }).nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: z
    .looseObject({
      prompt_tokens: z.number().int().min(0),
      completion_tokens: z.number().int().min(0),
      prompt_tokens_details: z
        .looseObject({ cached_tokens: z.number().int().min(0).nullish() })
        .nullish(),
    })
    .nullish(),
});

const quietLogger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

/** Builds the OpenAI client for the persona role: explicit timeout, SDK retries off. */
export function createPersonaClient(settings: LlmSettings, fetchImpl?: typeof fetch): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    logger: quietLogger,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

/** The chat history as messages: customer turns are the model's, agent turns are user data. */
export function historyMessages(turns: readonly Turn[]): ChatCompletionMessageParam[] {
  return turns.map((t) =>
    t.speaker === 'customer'
      ? { role: 'assistant', content: t.text }
      : { role: 'user', content: t.text },
  );
}

/** Maps anything the SDK or stream throws to a PersonaModelError; `streamed`: content had arrived. */
export function toPersonaError(err: unknown, streamed: boolean): PersonaModelError {
  if (err instanceof PersonaModelError) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    return streamed
      ? new PersonaModelError('cut', 'the reply stalled')
      : new PersonaModelError('timeout', 'the persona model timed out', true);
  }
  if (err instanceof OpenAI.RateLimitError) {
    return new PersonaModelError(
      'rate_limited',
      'the persona model is rate limited',
      true,
      retryAfterMs(err.headers),
    );
  }
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const transient = err.status >= 500;
    return new PersonaModelError(
      'upstream',
      `the persona model answered ${err.status}`,
      transient && !streamed,
    );
  }
  if (err instanceof SyntaxError)
    return new PersonaModelError('malformed', 'the persona model sent a malformed stream');
  if (err instanceof OpenAI.APIConnectionError || err instanceof TypeError) {
    return streamed
      ? new PersonaModelError('cut', 'the reply was cut off')
      : new PersonaModelError('upstream', 'could not reach the persona model', true);
  }
  if (streamed) return new PersonaModelError('cut', 'the reply was cut off');
  return new PersonaModelError(
    'upstream',
    err instanceof Error ? err.message : 'persona model failure',
  );
}

interface Attempt {
  usage: TokenUsage;
  /** The model has sent content (even if none was streamed on yet). */
  received: boolean;
}

/** Creates the LLM persona engine. Build it after any test server is listening. */
export function createLlmPersonaEngine(deps: LlmPersonaDeps): PersonaEngine {
  const client = createPersonaClient(deps.settings, deps.fetch);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxWait = deps.maxRetryAfterMs ?? 10_000;
  const instructions = templateStaticText(deps.template);

  async function* attempt(
    input: RespondInput,
    messages: ChatCompletionMessageParam[],
    filter: ReplyStreamFilter,
    out: Attempt,
  ): AsyncGenerator<string> {
    // The SDK timeout only covers the wait for response headers; this idle timer also catches a
    // stream that stalls between chunks.
    const controller = new AbortController();
    const forward = () => controller.abort();
    input.signal?.addEventListener('abort', forward, { once: true });
    let stalled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, deps.settings.timeoutMs);
    };
    try {
      arm();
      yield* readStream();
      if (stalled) throw new Error('stalled');
    } catch (err) {
      if (!stalled) throw err;
      throw out.received
        ? new PersonaModelError('cut', 'the reply stalled')
        : new PersonaModelError('timeout', 'the persona model timed out', true);
    } finally {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', forward);
    }

    async function* readStream(): AsyncGenerator<string> {
      const stream = await client.chat.completions.create(
        {
          model: deps.settings.personaModel,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          max_tokens: deps.maxOutputTokens ?? 400,
          temperature: 0.8,
        },
        { signal: controller.signal },
      );
      let finished = false;
      for await (const raw of stream) {
        arm();
        const chunk = chunkSchema.safeParse(raw);
        if (!chunk.success)
          throw new PersonaModelError('malformed', 'the persona model sent an unexpected chunk');
        const { usage } = chunk.data;
        if (usage) {
          out.usage = {
            inputTokens: usage.prompt_tokens,
            outputTokens: usage.completion_tokens,
            cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
          };
        }
        for (const choice of chunk.data.choices) {
          if (choice.finish_reason) finished = true;
          const text = choice.delta?.content;
          if (text) {
            out.received = true;
            const safe = filter.push(text);
            if (safe) yield safe;
          }
        }
      }
      if (input.signal?.aborted || stalled) return;
      if (!finished) throw new PersonaModelError('cut', 'the reply was cut off');
      const tail = filter.finish();
      if (tail) yield tail;
    }
  }

  async function* respond(input: RespondInput): AsyncIterable<EngineChunk> {
    const turn = directTurn(input);
    const system = renderPersonaPrompt(deps.template, {
      ...input,
      state: turn.state,
      signals: turn.signals,
    });
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: system },
      ...historyMessages(input.turns),
    ];
    const tries = 1 + Math.max(0, deps.settings.retries);
    for (let i = 0; ; i++) {
      const filter = new ReplyStreamFilter(input.persona.name);
      const out: Attempt = {
        usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
        received: false,
      };
      let streamed = false;
      try {
        for await (const text of attempt(input, messages, filter, out)) {
          streamed = true;
          yield { type: 'delta', text };
        }
      } catch (err) {
        if (input.signal?.aborted) return;
        const failure = toPersonaError(err, out.received);
        const wait = failure.kind === 'rate_limited' ? (failure.retryAfterMs ?? 1000) : 250;
        if (streamed || !failure.retryable || i + 1 >= tries || wait > maxWait) throw failure;
        await sleep(wait);
        continue;
      }
      if (input.signal?.aborted) return;
      const text = filter.text.trim();
      const problem = rejectReply(text, { ...input, state: turn.state, instructions });
      if (problem) throw new PersonaModelError('malformed', problem);
      yield {
        type: 'done',
        text,
        state: turn.state,
        endReason: turn.state.ended ?? null,
        usage: out.usage,
      };
      return;
    }
  }

  return { mode: 'llm', open: async (cards) => openingReply(cards), respond };
}
