import { describe, expect, it } from 'vitest';
import { fnv1a, inIqaSample } from '#api/services/review/iqa-sample.ts';

describe('IQA sampling', () => {
  it('hashes with FNV-1a 32-bit (published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('samples none at 0 %, all at 100 %, and the same id the same way every time', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `sgn_${i}`);
    expect(ids.filter((id) => inIqaSample(id, 0))).toEqual([]);
    expect(ids.filter((id) => inIqaSample(id, 100))).toEqual(ids);
    // 'a' hashes to 3826002220, which is 20 mod 100: in a 21 % sample, not in a 20 % one.
    expect(inIqaSample('a', 21)).toBe(true);
    expect(inIqaSample('a', 20)).toBe(false);
  });

  it('samples close to the configured share of many ids', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `sgn_${i.toString(36)}`);
    const share = ids.filter((id) => inIqaSample(id, 10)).length / ids.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
  });
});
