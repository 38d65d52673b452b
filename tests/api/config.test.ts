import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '#api/config.ts';

describe('parseConfig', () => {
  it('gives the embedded offline defaults when nothing is set', () => {
    expect(parseConfig({})).toEqual({
      env: 'development',
      port: 8787,
      databaseUrl: 'file:data/rapport.db',
      databaseAuthToken: undefined,
      databaseSynchronous: 'normal',
      authSecret: expect.any(String),
      appOrigin: undefined,
      llm: null,
      signInPerMinute: 10,
      rateLimits: {
        sendPerMinute: 30,
        sendPerIpPerMinute: 600,
        submitPerMinute: 10,
        submitPerIpPerMinute: 120,
        evalRunsPerMinute: 10,
        evalRunsPerIpPerMinute: 30,
        playgroundPerMinute: 20,
      },
      defaultMonthlyTokenBudget: undefined,
      logRedactText: false,
      replyLeaseMs: 30_000,
      sessionCacheMs: 5_000,
      perfTraceFile: undefined,
      gradingLeaseMs: 120_000,
      http: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 65_000 },
      demoSeed: true,
      demoPassword: undefined,
      logLevel: 'info',
      evalReportsDir: undefined,
    });
  });

  it('redacts log text by default in production only, and reads the budget default', () => {
    const prod = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) };
    expect(parseConfig(prod).logRedactText).toBe(true);
    expect(parseConfig({ ...prod, RAPPORT_LOG_REDACT_TEXT: 'off' }).logRedactText).toBe(false);
    expect(parseConfig({ RAPPORT_LOG_REDACT_TEXT: 'on' }).logRedactText).toBe(true);
    expect(parseConfig({ RAPPORT_DEFAULT_MONTHLY_TOKEN_BUDGET: '2000000' })).toMatchObject({
      defaultMonthlyTokenBudget: 2_000_000,
    });
    expect(() => parseConfig({ RAPPORT_DEFAULT_MONTHLY_TOKEN_BUDGET: '0' })).toThrow(ConfigError);
  });

  it('switches to LLM mode when an API key is set, with per-role models and our retry policy', () => {
    const config = parseConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
      RAPPORT_PERSONA_MODEL: 'persona-model',
      RAPPORT_GRADER_MODEL: 'grader-model',
    });
    expect(config.llm).toEqual({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:9999/v1',
      personaModel: 'persona-model',
      graderModel: 'grader-model',
      timeoutMs: 30_000,
      retries: 1,
      judgeStaggerMs: 500,
    });
  });

  it('treats an empty API key as offline mode', () => {
    expect(parseConfig({ OPENAI_API_KEY: '' }).llm).toBeNull();
  });

  it('names every bad field and the reason', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', OPENAI_BASE_URL: 'not a url' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.field)).toEqual([
      'PORT',
      'DATABASE_URL',
      'OPENAI_BASE_URL',
    ]);
    expect((error as ConfigError).message).toContain(
      'DATABASE_URL: must start with file:, libsql:, http(s): or ws(s):',
    );
  });

  it('refuses production without a long AUTH_SECRET and never seeds demo accounts there', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_SECRET: must be set to at least 32 characters/,
    );
    const config = parseConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) });
    expect(config.demoSeed).toBe(false);
  });
});
