/**
 * A tiny OpenAI-compatible chat server on 127.0.0.1 for process-level fault tests: streamed
 * persona replies that can be told to stall (slow-loris model: headers and the first chunks, then
 * silence until the client gives up). Judge calls are not served (these tests do not grade).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const PIECES = ['Hi, yes — ', "I'm moving in on Saturday ", 'and need the power on.'];

/** A running fake model. */
export interface FakeModel {
  baseURL: string;
  /** When true, each new stream sends two chunks and then stalls. */
  stall: boolean;
  /** Streams started, and streams that stalled then were closed by the client. */
  stats: { streams: number; stalled: number; abandoned: number };
  close(): Promise<void>;
}

function chunk(res: ServerResponse, body: object) {
  res.write(
    `data: ${JSON.stringify({ id: 'chatcmpl-fault', object: 'chat.completion.chunk', created: 0, model: 'fake', ...body })}\n\n`,
  );
}

/** Starts the fake model on a free port. */
export async function startFakeModel(): Promise<FakeModel> {
  const model: FakeModel = {
    baseURL: '',
    stall: false,
    stats: { streams: 0, stalled: 0, abandoned: 0 },
    close: async () => {},
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end('{"error":{"message":"not found"}}');
      }
      model.stats.streams++;
      const stall = model.stall;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const [first = '', second = '', third = ''] = PIECES;
      chunk(res, { choices: [{ index: 0, delta: { content: first }, finish_reason: null }] });
      chunk(res, { choices: [{ index: 0, delta: { content: second }, finish_reason: null }] });
      if (stall) {
        model.stats.stalled++;
        res.on('close', () => model.stats.abandoned++);
        return; // silence: the client's idle timer must end this
      }
      chunk(res, { choices: [{ index: 0, delta: { content: third }, finish_reason: 'stop' }] });
      chunk(res, {
        choices: [],
        usage: {
          prompt_tokens: 200,
          completion_tokens: 14,
          total_tokens: 214,
          prompt_tokens_details: { cached_tokens: 100 },
        },
      });
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  model.baseURL = `http://127.0.0.1:${port}/v1`;
  model.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return model;
}
