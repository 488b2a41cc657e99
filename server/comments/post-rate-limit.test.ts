import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createClient } from 'redis';
import { startRedisServer } from '../../test/support/redis-server.ts';
import { createPostRateLimit, createRedisPostRateLimit } from './post-rate-limit.ts';

describe('post rate limit', () => {
  it('lets an address post its allowance, then tells it how long to wait', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
    const refused = await limit.consume('10.0.0.1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterMs).toBeGreaterThan(50_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('counts each address separately', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 1 });
    expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
    expect(await limit.consume('10.0.0.2')).toEqual({ ok: true });
  });

  it('is off when the allowance is 0', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 0 });
    for (let i = 0; i < 100; i += 1) expect((await limit.consume('10.0.0.1')).ok).toBe(true);
  });

  it('counts an IPv6 client by its /64', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 1 });
    expect(await limit.consume('2001:db8:1:2::1')).toEqual({ ok: true });
    expect((await limit.consume('2001:db8:1:2::2')).ok).toBe(false);
  });

  it('peeks at the wait without using the allowance', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 1 });
    expect(await limit.peek('10.0.0.1')).toEqual({ ok: true });
    expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
    const peeked = await limit.peek('10.0.0.1');
    expect(peeked.ok).toBe(false);
  });
});

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const admin = createClient({ url });
  await admin.connect();
  const keys = await admin.keys(`${prefix}:*`);
  if (keys.length > 0) await admin.del(keys);
  await admin.close();
}

describe('post rate limit in Redis', () => {
  it('keeps its counters under the prefix and shares them between limiters', async () => {
    const url = inject('redisUrl');
    const prefix = `unit-${randomUUID()}`;
    const a = await createRedisPostRateLimit({ url, prefix, postsPerMinute: 2 });
    const b = await createRedisPostRateLimit({ url, prefix, postsPerMinute: 2 });
    try {
      expect(await a.consume('10.0.0.1')).toEqual({ ok: true });
      expect(await b.consume('10.0.0.1')).toEqual({ ok: true });
      const third = await a.consume('10.0.0.1');
      expect(third.ok).toBe(false);
      if (!third.ok) expect(third.retryAfterMs).toBeGreaterThan(50_000);
      expect((await b.peek('10.0.0.1')).ok).toBe(false);
    } finally {
      await a.close();
      await b.close();
      await deleteRedisKeys(url, prefix);
    }
  });

  it('falls back to a per-process limit with one warning when Redis stops answering', async () => {
    const redis = await startRedisServer();
    const warnings: string[] = [];
    const limit = await createRedisPostRateLimit({ url: redis.url, prefix: 'down', postsPerMinute: 2, onWarning: (m) => warnings.push(m) });
    try {
      expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
      await redis.stop();
      expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
      expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
      expect((await limit.consume('10.0.0.1')).ok).toBe(false);
      expect(warnings).toEqual(['post rate limit cannot reach Redis: limiting per process until it is back']);
    } finally {
      await limit.close().catch(() => undefined);
    }
  });
});
