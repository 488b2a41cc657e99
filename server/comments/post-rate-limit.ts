/**
 * A per-address cap on posts, so one machine cannot flood a thread by minting anonymous
 * authors. Per-author pacing is the moderation engine's velocity rule; this is the floor
 * under it. rate-limiter-flexible because it is well kept and has a Redis twin for when
 * several servers must share one budget.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface PostRateLimit {
  consume(address: string): Promise<RateDecision>;
}

/** `postsPerMinute` 0 switches the limit off (benchmarks, trusted intranets). */
export function createPostRateLimit(options: { postsPerMinute: number }): PostRateLimit {
  if (options.postsPerMinute <= 0) return { consume: async () => ({ ok: true }) };
  const limiter = new RateLimiterMemory({ points: options.postsPerMinute, duration: 60 });
  return {
    async consume(address) {
      try {
        await limiter.consume(address);
        return { ok: true };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(1, res.msBeforeNext) };
        throw res;
      }
    },
  };
}
