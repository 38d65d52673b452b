import { describe, expect, it } from 'vitest';
import { estimateTokens, PrefixCache } from '#api/cli/bench/prefix-cache.ts';

describe('PrefixCache', () => {
  it('caches nothing for a prompt it has not seen', () => {
    expect(new PrefixCache().lookupAndStore('x'.repeat(10_000))).toBe(0);
  });

  it('serves the longest previously seen prefix, rounded down to 128-token blocks', () => {
    const cache = new PrefixCache();
    const shared = 'a'.repeat(5_000); // 1,250 tokens: 9 whole blocks of 128
    cache.lookupAndStore(`${shared}first question`);
    expect(cache.lookupAndStore(`${shared}second question, longer`)).toBe(9 * 128);
  });

  it('caches nothing when the shared prefix is under 1,024 tokens', () => {
    const cache = new PrefixCache();
    const shared = 'b'.repeat(3_000); // 750 tokens
    cache.lookupAndStore(`${shared}one`.padEnd(6_000, '1'));
    expect(cache.lookupAndStore(`${shared}two`.padEnd(6_000, '2'))).toBe(0);
  });

  it('serves a prefix only after it was stored, when lookup and store are separate', () => {
    const cache = new PrefixCache();
    const prompt = 'c'.repeat(6_000);
    expect(cache.lookup(prompt)).toBe(0);
    expect(cache.lookup(prompt)).toBe(0);
    cache.store(prompt);
    expect(cache.lookup(`${prompt}more`)).toBe(11 * 128);
  });

  it('estimates tokens as characters divided by four, rounded up', () => {
    expect([estimateTokens(''), estimateTokens('abcd'), estimateTokens('abcde')]).toEqual([
      0, 1, 2,
    ]);
  });
});
