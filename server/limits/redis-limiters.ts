/**
 * Limiters kept in Redis, for budgets that must be one across every server on it (the
 * moderators' failed sign-ins: five wrong passwords per account, not five per server). Each
 * has a per-process memory limiter as its insurance (rate-limiter-flexible's own failover):
 * while Redis does not answer, the budget is counted per process, never switched off.
 *
 * One Redis or a Redis Cluster: rate-limiter-flexible takes node-redis's cluster client as it
 * takes the plain one (useRedisPackage; every limiter call is one key, so one slot).
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createRedisConnection, type RedisTarget } from '../store/redis-connection.ts';

export type LimiterFactory = (name: string, points: number, durationS: number) => RateLimiterAbstract;

export interface RedisLimiters {
  make: LimiterFactory;
  close(): Promise<void>;
}

export type RedisLimitersOptions = RedisTarget & { prefix: string; onError?: (err: Error) => void };

export async function connectRedisLimiters(options: RedisLimitersOptions): Promise<RedisLimiters> {
  const client = createRedisConnection(options);
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
