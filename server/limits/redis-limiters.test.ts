import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { addTestModerator } from '../../test/support/moderators.ts';
import { deleteClusterKeys, useRedisCluster } from '../../test/support/redis-cluster.ts';
import { deleteRedisKeys, openStore, type OpenedStore } from '../../test/support/stores.ts';
import { createRedisPostRateLimit, type RedisPostRateLimit } from '../comments/post-rate-limit.ts';
import { createModeratorAuth } from '../moderators/moderator-auth.ts';
import type { RedisTarget } from '../store/redis-connection.ts';
import { connectRedisLimiters, type RedisLimiters } from './redis-limiters.ts';

/** The same cases on one Redis and on a three-master Redis Cluster (REDIS_CLUSTER_URLS). */
function describeLimitersOn(name: string, target: () => Promise<RedisTarget>, cleanup: (target: RedisTarget, prefix: string) => Promise<void>) {
  describe(`limiters kept in Redis (${name})`, () => {
    const prefix = `limits-${randomUUID()}`;
    const open: (RedisLimiters | RedisPostRateLimit)[] = [];
    let opened: OpenedStore | undefined;
    afterEach(async () => {
      await Promise.all(open.splice(0).map((l) => l.close()));
      await opened?.dispose();
      await cleanup(await target(), prefix);
    });

    it('count failed sign-ins once across two servers, so an account is refused on both after its budget', async () => {
      opened = await openStore('embedded');
      await addTestModerator(opened.store, Date.now());
      const redis = await target();
      const serverOf = async () => {
        const limiters = await connectRedisLimiters({ ...redis, prefix });
        open.push(limiters);
        return createModeratorAuth({ store: opened!.store, clock: Date.now, failuresPerAccount: 3, limiter: limiters.make });
      };
      const [a, b] = [await serverOf(), await serverOf()];
      expect(await a.signIn('dewi@example.com', 'wrong-1', '192.0.2.1')).toMatchObject({ code: 'SIGN_IN_FAILED' });
      expect(await b.signIn('dewi@example.com', 'wrong-2', '192.0.2.2')).toMatchObject({ code: 'SIGN_IN_FAILED' });
      expect(await a.signIn('dewi@example.com', 'wrong-3', '192.0.2.3')).toMatchObject({ code: 'SIGN_IN_FAILED' });
      // Three failures spread over two servers: the fourth attempt is refused on either, whatever the password.
      expect(await b.signIn('dewi@example.com', 'kata-sandi-dewi-123', '192.0.2.4')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    });

    it('share one post allowance per address between two servers, addresses counted apart', async () => {
      const redis = await target();
      const warnings: string[] = [];
      const limitOf = async () => {
        const limit = await createRedisPostRateLimit({ ...redis, prefix, postsPerMinute: 2, onWarning: (m) => warnings.push(m) });
        open.push(limit);
        return limit;
      };
      const [a, b] = [await limitOf(), await limitOf()];
      // Addresses whose keys fall in different slots (on a cluster, most likely on different masters).
      const addresses = Array.from({ length: 6 }, (_, i) => `198.51.100.${i + 1}`);
      for (const address of addresses) {
        expect(await a.consume(address)).toEqual({ ok: true });
        expect(await b.consume(address)).toEqual({ ok: true });
        const third = await a.consume(address);
        expect(third.ok).toBe(false);
        if (!third.ok) expect(third.retryAfterMs).toBeGreaterThan(50_000);
        expect((await b.peek(address)).ok).toBe(false);
      }
      // Counted in Redis all along, never by the per-process fallback.
      expect(warnings).toEqual([]);
    });
  });
}

describeLimitersOn(
  'one Redis',
  () => Promise.resolve({ url: inject('redisUrl') }),
  (target, prefix) => deleteRedisKeys(target.url ?? '', prefix),
);

const cluster = useRedisCluster();

describeLimitersOn(
  'Redis Cluster',
  () => Promise.resolve({ clusterUrls: cluster.urls }),
  (target, prefix) => deleteClusterKeys(target.clusterUrls ?? [], prefix),
);
