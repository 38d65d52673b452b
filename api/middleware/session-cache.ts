/**
 * A short-lived, per-process memo of "this Cookie header is this actor". Every API request used
 * to verify the signed session cookie (HMAC) and read the session, the user and the memberships:
 * three queries and a signature check per request, and a chat turn makes three requests.
 *
 * Revocation still takes effect within `ttlMs` (5 s by default) on every instance, and at once
 * on this one: signing out through this instance forgets that cookie, and changing a person's
 * roles forgets every entry of that person. See docs/decisions/008-performance.md.
 */
import type { AppDeps } from '../deps.ts';
import type { Actor } from '../lib/actor.ts';

/** How long a resolved session is reused before it is looked up again. */
export const SESSION_CACHE_MS = 5_000;
/**
 * Share of the TTL by which an entry's lifetime is randomly shortened (0–50 %). Sessions cached
 * in the same second (a class starting together) would otherwise all expire in the same second
 * and be looked up again at once: at 200 chats, ~100 lookups landed together every 5 s and
 * stalled the event loop for up to a second (docs/performance.md).
 */
export const SESSION_CACHE_JITTER = 0.5;
/** Most entries kept; the oldest are dropped first. */
export const SESSION_CACHE_MAX = 10_000;

interface Entry {
  actor: Actor | null;
  userId: string;
  until: number;
}

/** Cookie header → actor, for a few seconds. */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * `random` (0 ≤ r < 1) shortens each entry's lifetime by up to `jitter` × the TTL; the default
   * (always 0) keeps the full TTL.
   */
  constructor(
    private readonly now: () => number,
    private readonly ttlMs = SESSION_CACHE_MS,
    private readonly max = SESSION_CACHE_MAX,
    private readonly random: () => number = () => 0,
    private readonly jitter = SESSION_CACHE_JITTER,
  ) {}

  /** The cached actor (null: signed in without an organisation), or undefined on a miss. */
  get(cookie: string): Actor | null | undefined {
    const entry = this.entries.get(cookie);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(cookie);
      return undefined;
    }
    return entry.actor;
  }

  /** Remembers a resolved session until the TTL or the session's own expiry, whichever is first. */
  set(cookie: string, userId: string, actor: Actor | null, sessionExpiresAt: Date): void {
    if (this.ttlMs <= 0) return;
    const lifetime = this.ttlMs * (1 - this.jitter * this.random());
    const until = Math.min(this.now() + lifetime, sessionExpiresAt.getTime());
    this.entries.delete(cookie);
    this.entries.set(cookie, { actor, userId, until });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets one Cookie header (sign-out, sign-in, any auth request that carries it). */
  forgetCookie(cookie: string | undefined): void {
    if (cookie) this.entries.delete(cookie);
  }

  /** Forgets every entry of one person (their roles changed). */
  forgetUser(userId: string): void {
    for (const [cookie, entry] of this.entries) {
      if (entry.userId === userId) this.entries.delete(cookie);
    }
  }
}

// One cache per app instance, keyed by its auth object, so tests that build many apps never
// share entries and no module-level state outlives an app.
const caches = new WeakMap<object, SessionCache>();

/** The session cache of the app built from `deps`. */
export function sessionCacheFor(deps: Pick<AppDeps, 'auth' | 'clock' | 'config'>): SessionCache {
  let cache = caches.get(deps.auth);
  if (!cache) {
    cache = new SessionCache(
      () => deps.clock.now().getTime(),
      deps.config.sessionCacheMs,
      SESSION_CACHE_MAX,
      Math.random,
    );
    caches.set(deps.auth, cache);
  }
  return cache;
}
