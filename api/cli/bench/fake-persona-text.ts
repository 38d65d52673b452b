/**
 * What the fake persona says: ordinary customer words, split into tokens of about four
 * characters each, in character (nothing the reply filter would reject or hold back as a label).
 */

const WORDS = (
  'Right so it is still not working and I have tried turning it off and on again twice now ' +
  'which is really frustrating because I need it for work tomorrow morning and nobody has ' +
  'called me back like they promised last week so what are you actually going to do about it'
).split(' ');

/** `count` tokens of reply text; the first has no leading space, the rest do. */
export function personaTokens(count: number, salt = 0): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[(i + salt) % WORDS.length]!;
    tokens.push(i === 0 ? word : ` ${word}`);
  }
  if (tokens.length > 0) tokens[tokens.length - 1] += '.';
  return tokens;
}
