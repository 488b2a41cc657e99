/**
 * Limiters kept in Redis, for budgets that must be one across every server on it (the
 * moderators' failed sign-ins: five wrong passwords per account, not five per server). Each
 * has a per-process memory limiter as its insurance (rate-limiter-flexible's own failover):
 * while Redis does not answer, the budget is counted per process, never switched off.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';

export type LimiterFactory = (name: string, points: number, durationS: number) => RateLimiterAbstract;

export interface RedisLimiters {
  make: LimiterFactory;
  close(): Promise<void>;
}

export async function connectRedisLimiters(options: { url: string; prefix: string; onError?: (err: Error) => void }): Promise<RedisLimiters> {
  const client = createClient({ url: options.url });
  client.on('error', (err: Error) => options.onError?.(err));
  await client.connect();
  return {
    make: (name, points, duration) =>
      new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${options.prefix}:rl:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      }),
    close: () => client.close(),
  };
}
