/**
 * A response cache for live evals: model answers keyed by a hash of the prompt, one JSON file
 * each under `evals/.cache/`, so a rerun of the same suite makes no model calls. Two wrappers
 * plug it in without touching the engines: a `fetch` for the persona's OpenAI client (streams
 * are stored whole and replayed), and a JudgeModel for the grader's judge chain.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';
import type { JudgeModel } from '../grading/llm/model.ts';

/** A key–value store of JSON answers with hit/miss counts. */
export interface ResponseCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  readonly stats: { hits: number; misses: number };
}

/** SHA-256 of the JSON of `parts`: the cache key of one prompt. */
export function promptHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A cache of one file per key in `dir` (created on first write). */
export function createFileCache(dir: string): ResponseCache {
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    async get(key) {
      try {
        const value: unknown = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8'));
        stats.hits += 1;
        return value;
      } catch {
        stats.misses += 1;
        return undefined;
      }
    },
    async set(key, value) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${key}.json`), JSON.stringify(value), 'utf8');
    },
  };
}

const storedResponse = z.strictObject({
  status: z.number().int(),
  contentType: z.string(),
  body: z.string(),
});

/**
 * A fetch that answers repeated POSTs (same URL and body) from the cache. Only successful
 * answers are stored, so a failure is retried on the next run.
 */
export function cachingFetch(cache: ResponseCache, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== 'POST') return inner(request);
    const body = await request.clone().text();
    const key = promptHash(['fetch', request.url, body]);
    const hit = storedResponse.safeParse(await cache.get(key));
    if (hit.success) {
      return new Response(hit.data.body, {
        status: hit.data.status,
        headers: { 'content-type': hit.data.contentType },
      });
    }
    const response = await inner(request);
    if (!response.ok) return response;
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? 'application/json';
    await cache.set(key, { status: response.status, contentType, body: text });
    return new Response(text, {
      status: response.status,
      headers: { 'content-type': contentType },
    });
  };
}

const storedMessage = z.strictObject({
  content: z.string(),
  usage: z.strictObject({ input: z.number(), output: z.number(), cached: z.number() }),
  refusal: z.string().nullable(),
});

const rawRefusal = z.object({
  choices: z.array(z.object({ message: z.object({ refusal: z.string().nullish() }) })).min(1),
});

/** Wraps a judge model so identical prompts (same model name, same messages) are answered once. */
export function cachingJudgeModel(
  cache: ResponseCache,
  inner: JudgeModel,
  modelName: string,
): JudgeModel {
  return {
    async invoke(messages: BaseMessage[]) {
      const key = promptHash(['judge', modelName, messages.map((m) => [m.getType(), m.content])]);
      const hit = storedMessage.safeParse(await cache.get(key));
      if (hit.success) return toMessage(hit.data);
      const answer = await inner.invoke(messages);
      const u = answer.usage_metadata;
      const raw = rawRefusal.safeParse(answer.additional_kwargs?.__raw_response);
      const stored = {
        content: typeof answer.content === 'string' ? answer.content : answer.text,
        usage: {
          input: u?.input_tokens ?? 0,
          output: u?.output_tokens ?? 0,
          cached: u?.input_token_details?.cache_read ?? 0,
        },
        refusal: raw.success ? (raw.data.choices[0]?.message.refusal ?? null) : null,
      };
      if (stored.refusal === null && stored.content.trim() !== '') await cache.set(key, stored);
      return answer;
    },
  };
}

function toMessage(stored: z.infer<typeof storedMessage>): AIMessage {
  return new AIMessage({
    content: stored.content,
    usage_metadata: {
      input_tokens: stored.usage.input,
      output_tokens: stored.usage.output,
      total_tokens: stored.usage.input + stored.usage.output,
      input_token_details: { cache_read: stored.usage.cached },
    },
    additional_kwargs: {
      __raw_response: { choices: [{ message: { refusal: stored.refusal } }] },
    },
  });
}
