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
    const cached = this.lookup(prompt);
    this.store(prompt);
    return cached;
  }

  /** Cached tokens for `prompt`: the longest prefix stored before, if ≥ the provider minimum. */
  lookup(prompt: string): number {
    let cachedBlocks = 0;
    for (const chain of blockChain(prompt)) {
      if (!this.seen.has(chain)) break;
      cachedBlocks += 1;
    }
    const cached = cachedBlocks * CACHE_BLOCK_TOKENS;
    return cached >= MIN_CACHED_TOKENS ? cached : 0;
  }

  /** Remembers every block prefix of `prompt` (a provider does this once it has processed it). */
  store(prompt: string): void {
    for (const chain of blockChain(prompt)) {
      // Bounded memory: a long-running dev server forgets rather than grows without limit.
      if (this.seen.size >= this.maxEntries) this.seen.clear();
      this.seen.add(chain);
    }
  }
}

/** The chained hash of each whole block of `prompt`, in order. */
function blockChain(prompt: string): string[] {
  const blockChars = CACHE_BLOCK_TOKENS * CHARS_PER_TOKEN;
  const chains: string[] = [];
  let chain = '';
  for (let end = blockChars; end <= prompt.length; end += blockChars) {
    chain = createHash('sha1')
      .update(chain)
      .update(prompt.slice(end - blockChars, end))
      .digest('hex');
    chains.push(chain);
  }
  return chains;
}
