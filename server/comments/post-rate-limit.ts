/**
 * A per-address cap on posts, so one machine cannot flood a thread by minting anonymous
 * authors. Per-author pacing is the moderation engine's velocity rule; this is the floor
 * under it. Addresses are counted by their limit key (an IPv6 client by its /64).
 *
 * rate-limiter-flexible, because it is well kept and has a Redis twin: with several servers
 * on one Redis the allowance must be one budget, not one per process. Its windows are fixed
 * (the first post opens a window of one minute), so the wait it reports is exact.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createRedisConnection, type RedisTarget } from '../store/redis-connection.ts';
import { ALLOW, keyedLimit, type RateDecision } from '../limits/keyed-limit.ts';
import { limitKey } from '../limits/limit-key.ts';

export type { RateDecision } from '../limits/keyed-limit.ts';

export interface PostRateLimit {
  /** Takes one post from the address's allowance. */
  consume(address: string): Promise<RateDecision>;
  /** The wait the address faces now, taking nothing (for a post another limit refuses). */
  peek(address: string): Promise<RateDecision>;
}

export interface RedisPostRateLimit extends PostRateLimit {
  close(): Promise<void>;
}

const WINDOW_SECONDS = 60;

/** `postsPerMinute` 0 switches the limit off (benchmarks, trusted intranets). */
export function createPostRateLimit(options: { postsPerMinute: number }): PostRateLimit {
  if (options.postsPerMinute <= 0) return { consume: () => Promise.resolve(ALLOW), peek: () => Promise.resolve(ALLOW) };
  return fromLimiter(new RateLimiterMemory({ points: options.postsPerMinute, duration: WINDOW_SECONDS }));
}

/** Where Redis is (REDIS_URL, or REDIS_CLUSTER_URLS: the limiter takes node-redis's cluster client too) and the limit. */
export type RedisPostRateLimitOptions = RedisTarget & PostLimitSettings;

interface PostLimitSettings {
  /** REDIS_PREFIX: the limiter's keys are `<prefix>:rl:post:<limit key>`. */
  prefix: string;
  postsPerMinute: number;
  /** Told once when Redis stops answering (and once when it is back). */
  onWarning?: (message: string, details: Record<string, unknown>) => void;
}

/**
 * The per-address post limit kept in Redis, shared by every server on it. When Redis does
 * not answer, the limit fails over to a per-process memory limiter with the same allowance
 * and says so: posts are not let through unlimited, and a limiter outage alone does not
 * stop a site from taking comments (with the Redis store, posting fails anyway until Redis is back).
 */
export async function createRedisPostRateLimit(options: RedisPostRateLimitOptions): Promise<RedisPostRateLimit> {
  const client = createRedisConnection(options);
  // Reported through onWarning on the first failed call; the client reconnects by itself.
  client.on('error', () => undefined);
  await client.connect();
  if (options.postsPerMinute <= 0) {
    return { consume: () => Promise.resolve(ALLOW), peek: () => Promise.resolve(ALLOW), close: () => client.close() };
  }
  const redis = new RateLimiterRedis({
    storeClient: client,
    useRedisPackage: true,
    // Fail at once while disconnected, instead of queueing the call until Redis is back.
    rejectIfRedisNotReady: true,
    keyPrefix: `${options.prefix}:rl:post`,
    points: options.postsPerMinute,
    duration: WINDOW_SECONDS,
  });
  const fromRedis = fromLimiter(redis);
  const fallback = createPostRateLimit({ postsPerMinute: options.postsPerMinute });
  let degraded = false;
  const guarded = async (run: (limit: PostRateLimit) => Promise<RateDecision>): Promise<RateDecision> => {
    try {
      const decision = await run(fromRedis);
      if (degraded) {
        degraded = false;
        options.onWarning?.('post rate limit is back on Redis', {});
      }
      return decision;
    } catch (err) {
      if (!degraded) {
        degraded = true;
        options.onWarning?.('post rate limit cannot reach Redis: limiting per process until it is back', { err });
      }
      return run(fallback);
    }
  };
  return {
    consume: (address) => guarded((limit) => limit.consume(address)),
    peek: (address) => guarded((limit) => limit.peek(address)),
    close: () => client.close(),
  };
}

/** The address's budget: an address counts by its limit key (an IPv6 client by its /64). */
function fromLimiter(limiter: RateLimiterAbstract): PostRateLimit {
  const limit = keyedLimit(limiter);
  return {
    consume: (address) => limit.consume(limitKey(address)),
    peek: (address) => limit.peek(limitKey(address)),
  };
}
