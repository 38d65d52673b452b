/** Generated passwords for invites and demo accounts: readable, 16+ characters, random. */

const WORDS_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random password like `k7mq-x2pt-9hrw-c4nd` (four groups of four, ~80 bits). */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => WORDS_ALPHABET[b % WORDS_ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
