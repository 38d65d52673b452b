/**
 * The app's request limits on writes that spend model tokens or server time: per user (one
 * account cannot flood) and per client IP (many accounts from one address cannot either). Each
 * answers RATE_LIMITED with Retry-After; the IP is the one the platform reports (socket address
 * on Node, cf-connecting-ip on Workers), never a client-sent header.
 */
import type { Context } from 'hono';
import type { RateLimitConfig } from '../config.ts';
import type { AppEnv, AppLimits } from '../deps.ts';
import { RateLimiter } from './rate-limit.ts';

const MINUTE = 60_000;

/** Builds one instance's limiters from the configured per-minute figures. */
export function createLimits(config: RateLimitConfig, now: () => number): AppLimits {
  const perMinute = (max: number) => new RateLimiter(max, MINUTE, now);
  return {
    send: perMinute(config.sendPerMinute),
    sendIp: perMinute(config.sendPerIpPerMinute),
    submit: perMinute(config.submitPerMinute),
    submitIp: perMinute(config.submitPerIpPerMinute),
    evalRun: perMinute(config.evalRunsPerMinute),
    evalRunIp: perMinute(config.evalRunsPerIpPerMinute),
    playground: perMinute(config.playgroundPerMinute),
  };
}

/** Which pair of limiters guards an action. */
const PAIRS = {
  send: ['sendIp', 'send'],
  submit: ['submitIp', 'submit'],
  evalRun: ['evalRunIp', 'evalRun'],
  playground: [null, 'playground'],
} as const satisfies Record<string, readonly [keyof AppLimits | null, keyof AppLimits]>;

/**
 * Counts one `action` by `userId` from the request's client IP; throws RATE_LIMITED when either
 * limit is reached. The IP is checked first so a flood of accounts from one address is stopped
 * without spending any user's allowance.
 */
export function limitRequest(
  c: Context<AppEnv>,
  action: keyof typeof PAIRS,
  userId: string,
  what: string,
): void {
  const [ipLimiter, userLimiter] = PAIRS[action];
  const ip = c.var.deps.clientIp?.(c);
  if (ipLimiter && ip) c.var.limits[ipLimiter].hit(`ip:${ip}`, `${what} from this network address`);
  c.var.limits[userLimiter].hit(userId, what);
}
