/**
 * A fake OpenAI-compatible chat-completions server (plain node:http, 127.0.0.1 only) for the
 * benchmark and for local development: streamed persona replies and JSON-mode judge answers,
 * with a set time to first token, tokens per second, injected 5xx / 429 rates, and usage that
 * includes cached tokens from a simulated prefix cache. It records when it received each
 * request and wrote each chunk (epoch ms with fractions) so the benchmark can separate model
 * time from the time Rapport adds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readChatRequest, type ChatRequest } from './fake-request.ts';
import { isJudgeRequest, judgeAnswer, readJudgeRequest } from './fake-judge.ts';
import { personaTokens } from './fake-persona-text.ts';
import { estimateTokens, PrefixCache } from './prefix-cache.ts';
import { seededRandom } from './rng.ts';

/** Latency and fault settings. */
export interface FakeOpenAiOptions {
  /** Time to first token, ms. */
  ttftMs: number;
  /** Output speed after the first token. */
  tokensPerSecond: number;
  /** Tokens in one streamed persona reply. */
  replyTokens: number;
  /** Share of requests answered 500 (0–1). */
  errorRate: number;
  /** Share of requests answered 429 with Retry-After (0–1). */
  rateLimitRate: number;
  /** Retry-After seconds sent with a 429. */
  retryAfterSeconds: number;
  /** Seed for the fault dice. */
  seed: number;
  /** Port (0 = any free port). */
  port: number;
  /** Most requests this server answers before refusing more (a bound for runaway loops). */
  maxRequests: number;
  /**
   * When a prompt's prefix becomes cached: `processed` (like real providers) once the request's
   * time to first token has passed, so parallel requests that arrive together all miss;
   * `arrival` as soon as a request with it arrived (optimistic).
   */
  cacheOn: 'processed' | 'arrival';
}

/** Defaults: a realistic hosted small model. */
export const DEFAULT_FAKE_OPTIONS: FakeOpenAiOptions = {
  ttftMs: 400,
  tokensPerSecond: 40,
  replyTokens: 40,
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  seed: 1,
  port: 0,
  maxRequests: 1_000_000,
  cacheOn: 'processed',
};

/** One streamed reply as the fake wrote it. */
export interface StreamRecord {
  /** The last user message (the benchmark makes each one unique). */
  key: string;
  receivedAt: number;
  /** Per content chunk: when it was written and the reply length so far (characters). */
  writes: { at: number; end: number }[];
  endedAt: number | null;
}

/** One judge call. */
export interface JudgeRecord {
  criterionId: string | null;
  rubricId: string | null;
  /** First agent turn of the transcript (identifies the attempt for the benchmark). */
  firstAgentText: string;
  receivedAt: number;
  endedAt: number;
}

/** Counters and usage totals. */
export interface FakeStats {
  requests: number;
  streamed: number;
  judged: number;
  injectedErrors: number;
  injectedRateLimits: number;
  refused: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
}

/** A running fake server. */
export interface FakeOpenAi {
  /** OpenAI base URL, e.g. http://127.0.0.1:PORT/v1. */
  baseURL: string;
  port: number;
  stats: FakeStats;
  streams: Map<string, StreamRecord>;
  judges: JudgeRecord[];
  close(): Promise<void>;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const preciseNow = () => performance.timeOrigin + performance.now();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    const buf = Buffer.isBuffer(part) ? part : Buffer.from(String(part));
    size += buf.length;
    if (size > 8 * 1024 * 1024) throw new Error('request too large');
    parts.push(buf);
  }
  return Buffer.concat(parts).toString('utf8');
}

function usage(prompt: number, cached: number, completion: number) {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cached },
  };
}

/** Starts the fake server on 127.0.0.1. */
export async function startFakeOpenAi(
  options: Partial<FakeOpenAiOptions> = {},
): Promise<FakeOpenAi> {
  const opts = { ...DEFAULT_FAKE_OPTIONS, ...options };
  const dice = seededRandom(opts.seed);
  const cache = new PrefixCache();
  const streams = new Map<string, StreamRecord>();
  const judges: JudgeRecord[] = [];
  const stats: FakeStats = {
    requests: 0,
    streamed: 0,
    judged: 0,
    injectedErrors: 0,
    injectedRateLimits: 0,
    refused: 0,
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
  };
  const msPerToken = 1000 / opts.tokensPerSecond;
  const cachedTokens = (prompt: string): number => {
    const cached = cache.lookup(prompt);
    if (opts.cacheOn === 'arrival') cache.store(prompt);
    else setTimeout(() => cache.store(prompt), opts.ttftMs).unref();
    return cached;
  };
  const model = (req: ChatRequest) => req.model;

  async function streamReply(req: ChatRequest, res: ServerResponse, receivedAt: number) {
    const record: StreamRecord = { key: req.lastUser, receivedAt, writes: [], endedAt: null };
    streams.set(req.lastUser, record);
    stats.streamed += 1;
    const tokens = personaTokens(Math.min(opts.replyTokens, req.maxTokens ?? 4096), stats.streamed);
    const prompt = estimateTokens(req.promptText);
    const cached = cachedTokens(req.promptText);
    let closed = false;
    res.on('close', () => (closed = true));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (body: object) => `data: ${JSON.stringify(body)}\n\n`;
    const base = {
      id: `chatcmpl-fake-${stats.streamed}`,
      object: 'chat.completion.chunk',
      created: Math.floor(receivedAt / 1000),
      model: model(req),
    };
    let end = 0;
    for (let i = 0; i < tokens.length && !closed; i++) {
      // Scheduled against the start, so timer lateness does not accumulate over the reply.
      await sleep(receivedAt + opts.ttftMs + i * msPerToken - preciseNow());
      if (closed) break;
      end += tokens[i]!.length;
      const at = preciseNow();
      res.write(
        chunk({
          ...base,
          choices: [{ index: 0, delta: { content: tokens[i] }, finish_reason: null }],
        }),
      );
      record.writes.push({ at, end });
    }
    if (closed) return;
    res.write(chunk({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    if (req.includeUsage)
      res.write(chunk({ ...base, choices: [], usage: usage(prompt, cached, tokens.length) }));
    res.end('data: [DONE]\n\n');
    record.endedAt = preciseNow();
    stats.inputTokens += prompt;
    stats.cachedInputTokens += cached;
    stats.outputTokens += tokens.length;
  }

  async function answerOnce(req: ChatRequest, res: ServerResponse, receivedAt: number) {
    const judge = isJudgeRequest(req.system, req.allUser);
    const info = judge ? readJudgeRequest(req.system, req.allUser) : null;
    const content = info ? judgeAnswer(info) : personaTokens(opts.replyTokens).join('');
    const completion = estimateTokens(content);
    const prompt = estimateTokens(req.promptText);
    const cached = cachedTokens(req.promptText);
    await sleep(receivedAt + opts.ttftMs + completion * msPerToken - preciseNow());
    if (res.destroyed) return;
    sendJson(res, 200, {
      id: `chatcmpl-fake-${stats.requests}`,
      object: 'chat.completion',
      created: Math.floor(receivedAt / 1000),
      model: model(req),
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: usage(prompt, cached, completion),
    });
    stats.inputTokens += prompt;
    stats.cachedInputTokens += cached;
    stats.outputTokens += completion;
    if (info) {
      stats.judged += 1;
      judges.push({
        criterionId: info.criterionId,
        rubricId: info.rubricId,
        firstAgentText: info.agentTurns[0]?.text ?? '',
        receivedAt,
        endedAt: preciseNow(),
      });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const receivedAt = preciseNow();
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      return sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    }
    stats.requests += 1;
    if (stats.requests > opts.maxRequests) {
      stats.refused += 1;
      return sendJson(res, 503, {
        error: { message: 'fake server request limit reached', type: 'server_error' },
      });
    }
    const parsed = readChatRequest(await readBody(req));
    if (!parsed.ok)
      return sendJson(res, 400, {
        error: { message: parsed.reason, type: 'invalid_request_error' },
      });
    const roll = dice();
    if (roll < opts.rateLimitRate) {
      stats.injectedRateLimits += 1;
      return sendJson(
        res,
        429,
        { error: { message: 'Rate limit reached (injected)', type: 'rate_limit_error' } },
        { 'retry-after': String(opts.retryAfterSeconds) },
      );
    }
    if (roll < opts.rateLimitRate + opts.errorRate) {
      stats.injectedErrors += 1;
      return sendJson(res, 500, {
        error: { message: 'Internal error (injected)', type: 'server_error' },
      });
    }
    if (parsed.request.stream) return streamReply(parsed.request, res, receivedAt);
    return answerOnce(parsed.request, res, receivedAt);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: String(err), type: 'server_error' } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    stats,
    streams,
    judges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
