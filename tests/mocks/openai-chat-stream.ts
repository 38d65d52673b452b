/**
 * msw helpers for an OpenAI-compatible streamed chat completion: SSE bodies built from content
 * pieces, with options to end cleanly, stop without a finish, break mid-stream or send junk.
 */
import { HttpResponse } from 'msw';

/** The base URL the persona tests point the client at. */
export const FAKE_BASE_URL = 'http://llm.test/v1';

/** One streamed chunk carrying a piece of content. */
export function contentChunk(content: string): object {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'persona-test',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  };
}

/** The chunk that ends the choice. */
export function finishChunk(reason = 'stop'): object {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'persona-test',
    choices: [{ index: 0, delta: {}, finish_reason: reason }],
  };
}

/** The trailing usage chunk sent with `stream_options.include_usage`. */
export function usageChunk(prompt: number, completion: number, cached: number): object {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'persona-test',
    choices: [],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: cached },
    },
  };
}

/** How the fake stream ends. */
export type StreamEnding = 'done' | 'no-finish' | 'error' | 'stall';

/** An SSE response from raw `data:` payloads (objects are JSON-encoded, strings sent as is). */
export function sseResponse(
  payloads: (object | string)[],
  ending: StreamEnding = 'done',
): HttpResponse<ReadableStream> {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of payloads) {
        controller.enqueue(
          encoder.encode(`data: ${typeof p === 'string' ? p : JSON.stringify(p)}\n\n`),
        );
      }
      // Erroring a stream drops chunks still queued, so break the connection a moment later.
      if (ending === 'error')
        setTimeout(() => controller.error(new TypeError('connection reset')), 20);
      else if (ending === 'done') {
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
      } else if (ending === 'no-finish') controller.close();
      // 'stall': never close, the client's idle timer must end it.
    },
  });
  return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** A complete reply streamed in the given pieces, with usage. */
export function replyStream(
  pieces: string[],
  usage: [number, number, number] = [120, 9, 64],
): HttpResponse<ReadableStream> {
  return sseResponse([...pieces.map(contentChunk), finishChunk(), usageChunk(...usage)]);
}

/**
 * A fetch for the OpenAI client that gives msw-mocked bodies real fetch behaviour: aborting the
 * request errors the body, and cancelling the body returns at once. msw clones mocked responses,
 * and cancelling a body whose clone is unread never settles (mswjs/interceptors#712), which
 * would hang the SDK whenever it stops reading a stream early.
 */
export const realisticFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!response.body) return response;
  const reader = response.body.getReader();
  const signal = init?.signal ?? undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener(
        'abort',
        () => {
          controller.error(new DOMException('The operation was aborted.', 'AbortError'));
          reader.cancel().catch(() => {});
        },
        { once: true },
      );
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        controller.error(err);
      }
    },
    cancel() {
      reader.cancel().catch(() => {});
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};
