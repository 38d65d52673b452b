/**
 * A simulated provider prompt cache: like OpenAI's, it serves a prompt prefix it has seen
 * before once the prefix is at least 1,024 tokens, in 128-token blocks. Tokens are estimated as
 * characters / 4, so a block is 512 characters. Each block is identified by a hash chained over
 * the blocks before it, so a lookup costs one hash per block, not a scan of earlier prompts.
 */
import { createHash } from 'node:crypto';

/** Characters per estimated token. */
export const CHARS_PER_TOKEN = 4;
/** Tokens per cache block. */
export const CACHE_BLOCK_TOKENS = 128;
/** Shortest prefix (tokens) a provider caches. */
export const MIN_CACHED_TOKENS = 1024;

/** Estimated tokens of a text (characters / 4, rounded up). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Remembers prompt prefixes and answers how many tokens of a new prompt were cached. */
export class PrefixCache {
  private readonly seen = new Set<string>();

  constructor(private readonly maxEntries = 200_000) {}

  /** Cached tokens for `prompt` (the longest previously seen prefix), then remembers it. */
  lookupAndStore(prompt: string): number {
    const blockChars = CACHE_BLOCK_TOKENS * CHARS_PER_TOKEN;
    let chain = '';
    let cachedBlocks = 0;
    let stillHitting = true;
    for (let end = blockChars; end <= prompt.length; end += blockChars) {
      chain = createHash('sha1')
        .update(chain)
        .update(prompt.slice(end - blockChars, end))
        .digest('hex');
      if (stillHitting && this.seen.has(chain)) cachedBlocks += 1;
      else stillHitting = false;
      // Bounded memory: a long-running dev server forgets rather than grows without limit.
      if (this.seen.size >= this.maxEntries) this.seen.clear();
      this.seen.add(chain);
    }
    const cached = cachedBlocks * CACHE_BLOCK_TOKENS;
    return cached >= MIN_CACHED_TOKENS ? cached : 0;
  }
}
