/**
 * A budget of points per key over rate-limiter-flexible (memory or Redis): take one, or ask
 * the wait without taking anything. The post limit and the moderators' failed sign-ins both
 * count this way; only their keys and numbers differ.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface KeyedLimit {
  /** Takes one point from the key's budget; refused (with the wait) when none is left. */
  consume(key: string): Promise<RateDecision>;
  /** The wait the key faces now, taking nothing. */
  peek(key: string): Promise<RateDecision>;
  /** Gives the key its whole budget back. */
  reset(key: string): Promise<void>;
}

export const ALLOW: RateDecision = { ok: true };

export function keyedLimit(limiter: RateLimiterAbstract): KeyedLimit {
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return ALLOW;
      } catch (res) {
        if (res instanceof RateLimiterRes) return refusal(res);
        throw res;
      }
    },
    async peek(key) {
      const res = await limiter.get(key);
      return res && res.consumedPoints >= limiter.points ? refusal(res) : ALLOW;
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

function refusal(res: RateLimiterRes): RateDecision {
  return { ok: false, retryAfterMs: Math.max(1, res.msBeforeNext) };
}
