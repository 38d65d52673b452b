import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '#api/cli/bench/fake-openai.ts';
import { personaTokens } from '#api/cli/bench/fake-persona-text.ts';
import { parseJudgeOutput } from '#api/grading/llm/output.ts';
import { renderTranscriptData } from '#api/grading/llm/prompt.ts';

let fake: FakeOpenAi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const client = (baseURL: string) => new OpenAI({ apiKey: 'k', baseURL, maxRetries: 0 });
const longSystem = `You play a customer. ${'Stay in character and answer briefly. '.repeat(150)}`;

async function streamOnce(f: FakeOpenAi, user: string) {
  const stream = await client(f.baseURL).chat.completions.create({
    model: 'fake',
    stream: true,
    stream_options: { include_usage: true },
    messages: [
      { role: 'system', content: longSystem },
      { role: 'user', content: user },
    ],
  });
  const pieces: string[] = [];
  let finish: string | null = null;
  let usage: unknown = null;
  for await (const chunk of stream) {
    for (const c of chunk.choices) {
      if (c.delta.content) pieces.push(c.delta.content);
      finish = c.finish_reason ?? finish;
    }
    if (chunk.usage) usage = chunk.usage;
  }
  return { pieces, finish, usage };
}

describe('fake OpenAI server', () => {
  it('streams the reply in one chunk per token, then a finish and the usage', async () => {
    fake = await startFakeOpenAi({ ttftMs: 5, tokensPerSecond: 1000, replyTokens: 5 });
    const { pieces, finish } = await streamOnce(fake, 'hello (ref a.0)');
    expect(pieces).toEqual(personaTokens(5, 1));
    expect(finish).toBe('stop');
    const record = fake.streams.get('hello (ref a.0)');
    expect(record?.writes.map((w) => w.end)).toEqual(
      pieces.map((_, i) => pieces.slice(0, i + 1).join('').length),
    );
    expect(record!.writes[0]!.at - record!.receivedAt).toBeGreaterThanOrEqual(4);
  });

  it('reports cached tokens once a prompt prefix of 1,024 tokens or more was seen before', async () => {
    fake = await startFakeOpenAi({ ttftMs: 0, tokensPerSecond: 10_000, replyTokens: 3 });
    const first = await streamOnce(fake, 'first turn');
    const second = await streamOnce(fake, 'second turn');
    const promptTokens = Math.ceil(`<|system|>\n${longSystem}\n<|user|>\nfirst turn\n`.length / 4);
    expect(first.usage).toEqual({
      prompt_tokens: promptTokens,
      completion_tokens: 3,
      total_tokens: promptTokens + 3,
      prompt_tokens_details: { cached_tokens: 0 },
    });
    const cachedBlocks = Math.floor(`<|system|>\n${longSystem}\n<|user|>\n`.length / 512);
    expect(second.usage).toMatchObject({
      prompt_tokens_details: { cached_tokens: cachedBlocks * 128 },
    });
  });

  it('caches a prefix only once a request with it was processed (cacheOn: processed)', async () => {
    fake = await startFakeOpenAi({ ttftMs: 30, tokensPerSecond: 10_000, replyTokens: 3 });
    const together = await Promise.all([streamOnce(fake, 'one'), streamOnce(fake, 'two')]);
    const later = await streamOnce(fake, 'three');
    const cached = (u: unknown) =>
      (u as { prompt_tokens_details: { cached_tokens: number } }).prompt_tokens_details
        .cached_tokens;
    expect(together.map((r) => cached(r.usage))).toEqual([0, 0]);
    expect(cached(later.usage)).toBeGreaterThan(0);
  });

  it('caches a prefix as soon as it arrived with cacheOn: arrival', async () => {
    fake = await startFakeOpenAi({
      ttftMs: 30,
      tokensPerSecond: 10_000,
      replyTokens: 3,
      cacheOn: 'arrival',
    });
    const together = await Promise.all([streamOnce(fake, 'one'), streamOnce(fake, 'two')]);
    const cached = together.map(
      (r) =>
        (r.usage as { prompt_tokens_details: { cached_tokens: number } }).prompt_tokens_details
          .cached_tokens,
    );
    expect(cached.filter((n) => n > 0)).toHaveLength(1);
  });

  it('answers a JSON-mode judge call with a valid verdict quoting an agent turn', async () => {
    fake = await startFakeOpenAi({ ttftMs: 0, tokensPerSecond: 10_000 });
    const data = renderTranscriptData({
      id: 't',
      channel: 'webchat',
      turns: [
        { speaker: 'customer', text: 'It broke.' },
        { speaker: 'agent', text: 'I am sorry it broke, that is annoying. Let me fix it.' },
      ],
      caseNotes: '',
    });
    const answer = await client(fake.baseURL).chat.completions.create({
      model: 'fake-grader',
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        {
          role: 'system',
          content: 'Rubric pack: core-webchat version 1.0.0\nCriterion id: empathy\n',
        },
        { role: 'user', content: data },
      ],
    });
    expect(parseJudgeOutput(answer.choices[0]?.message.content ?? '')).toEqual({
      ok: true,
      output: {
        verdict: 'met',
        evidence: [{ turn: 1, quote: 'I am sorry it broke, that is annoying.' }],
        feedback: 'You showed empathy in turn 1. Keep doing this, and say what happens next.',
      },
    });
    expect(fake.judges).toMatchObject([{ criterionId: 'empathy', rubricId: 'core-webchat' }]);
    expect(fake.stats.judged).toBe(1);
  });

  it('injects 429s with Retry-After and 500s at the set rates', async () => {
    fake = await startFakeOpenAi({ rateLimitRate: 1, retryAfterSeconds: 2 });
    const limited = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    await fake.close();
    fake = await startFakeOpenAi({ errorRate: 1 });
    const failed = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(failed.status).toBe(500);
    expect([fake.stats.injectedErrors, fake.stats.injectedRateLimits]).toEqual([1, 0]);
  });

  it('refuses requests past its request limit', async () => {
    fake = await startFakeOpenAi({ maxRequests: 0 });
    const res = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect([res.status, fake.stats.refused]).toEqual([503, 1]);
  });
});
