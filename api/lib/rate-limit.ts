/**
 * A per-key sliding-window limiter kept in memory (per process). Good for one Node instance;
 * a multi-instance deployment should move these counters to the database like sign-in's.
 */
import { AppError } from './errors.ts';

/** Counts hits per key within `windowMs`; throws RATE_LIMITED with a retry time when over. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records one hit for `key`, or throws when the key is over its limit. */
  hit(key: string, what: string): void {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.max) {
      const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
      this.hits.set(key, recent);
      throw new AppError('RATE_LIMITED', `Too many ${what}. Try again in ${retryAfter} s.`, {
        retryAfter,
      });
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
  }

  private prune(now: number) {
    for (const [k, times] of this.hits)
      if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(k);
  }
}
