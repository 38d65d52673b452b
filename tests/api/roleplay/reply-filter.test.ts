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

  it('streams words that cannot start a label from the first token', () => {
    expect(feed(['Right', ' so', ' it', ' is'])).toEqual(['Right', ' so', ' it', ' is', '']);
    expect(feed(['which', ' is'])).toEqual(['which', ' is', '']);
  });

  it('holds only while the line is still a prefix of a label word or of the persona name', () => {
    expect(feed(['I', ' have', ' tried'])).toEqual(['', 'I have', ' tried', '']);
    expect(feed(['**Aroha', ' Ng', 'ata**', ': hi'])).toEqual(['', '', '', 'hi', '']);
    expect(feed(['Agent', ' is', ' what I asked for'])).toEqual([
      '',
      'Agent is',
      ' what I asked for',
      '',
    ]);
    expect(feed(['  _Support_ ', ': how can I help'])).toEqual(['', '', '']);
  });

  it('still holds a possible label until the colon decides it, then drops agent lines', () => {
    expect(feed(['Agent', ': I can help', ' with that'])).toEqual(['', '', '', '']);
    expect(feed(['ok thanks\n', 'Agent: sure'])).toEqual(['ok thanks\n', '', '']);
  });

  it('strips the customer label from the persona own line', () => {
    expect(feed(['Aroha Ngata', ': yes please'])).toEqual(['', 'yes please', '']);
  });
});
