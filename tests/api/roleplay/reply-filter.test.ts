import { describe, expect, it } from 'vitest';
import { ReplyStreamFilter } from '#api/roleplay/reply-filter.ts';

const feed = (pieces: string[]) => {
  const f = new ReplyStreamFilter('Aroha Ngata');
  const out = pieces.map((p) => f.push(p));
  return [...out, f.finish()];
};

describe('ReplyStreamFilter', () => {
  it('passes the first words of a normal reply through at once instead of holding them back', () => {
    expect(feed(['Hi, ', 'my power ', 'is off.'])).toEqual(['Hi, ', 'my power ', 'is off.', '']);
  });

  it('still holds a possible label until the colon decides it, then drops agent lines', () => {
    expect(feed(['Agent', ': I can help', ' with that'])).toEqual(['', '', '', '']);
    expect(feed(['ok thanks\n', 'Agent: sure'])).toEqual(['ok thanks\n', '', '']);
  });

  it('strips the customer label from the persona own line', () => {
    expect(feed(['Aroha Ngata', ': yes please'])).toEqual(['', 'yes please', '']);
  });
});
