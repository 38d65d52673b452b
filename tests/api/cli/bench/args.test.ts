import { describe, expect, it } from 'vitest';
import { HUMAN_THINK_MS, parseBenchArgs } from '#api/cli/bench/args.ts';

describe('bench options', () => {
  it('plays 1, 50 and 200 chats at a human pace by default', () => {
    expect(parseBenchArgs([])).toEqual({
      chats: 200,
      turns: 6,
      ttft: 400,
      tps: 40,
      gradings: 50,
      gradingConcurrency: 10,
      replyTokens: 40,
      think: HUMAN_THINK_MS,
      ramp: null,
      errorRate: 0,
      rateLimitRate: 0,
      levels: [1, 50, 200],
      gradeCliTranscripts: 100,
      offlineRounds: 5,
      timeoutSeconds: 1800,
      smoke: false,
      cpuProfDir: null,
      cacheOn: 'processed',
      judgeStagger: null,
    });
    expect(HUMAN_THINK_MS).toBe(10_000);
  });

  it('keeps the smoke run fast and takes a stress pace when asked', () => {
    const smoke = parseBenchArgs(['--smoke']);
    expect([smoke.chats, smoke.turns, smoke.think, smoke.levels]).toEqual([3, 2, 50, [1, 3]]);
    expect(parseBenchArgs(['--think', '500']).think).toBe(500);
  });

  it('refuses a bad option with a one-line reason', () => {
    expect(() => parseBenchArgs(['--think=-1'])).toThrow(/^bad option --think: /);
    expect(() => parseBenchArgs(['--chats', '10', '--gradings', '20'])).toThrow(
      'bad option --gradings: cannot exceed the largest number of chats',
    );
  });
});
