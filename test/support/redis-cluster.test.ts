import { createCluster } from 'redis';
import { describe, expect, it } from 'vitest';
import { useRedisCluster } from './redis-cluster.ts';

describe('the test Redis Cluster', () => {
  const cluster = useRedisCluster();

  it('has three masters that share the 16,384 slots, and keys land on more than one of them', async () => {
    const client = createCluster({ rootNodes: cluster.urls.map((url) => ({ url })) });
    await client.connect();
    try {
      expect(client.masters).toHaveLength(3);
      const keys = Array.from({ length: 30 }, (_, i) => `probe:${i}`);
      for (const key of keys) await client.set(key, key);
      for (const key of keys) expect(await client.get(key)).toBe(key);
      const sizes = await Promise.all(client.masters.map(async (master) => (await client.nodeClient(master)).dbSize()));
      expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(keys.length);
    } finally {
      await client.close();
    }
  });

  it('keeps the keys of one hash tag in one slot, so a multi-key script on them is allowed', async () => {
    const client = createCluster({ rootNodes: cluster.urls.map((url) => ({ url })) });
    await client.connect();
    try {
      const result = await client.eval(
        "redis.call('SET', KEYS[1], ARGV[1]); redis.call('SET', KEYS[2], ARGV[1]); return redis.call('MGET', KEYS[1], KEYS[2])",
        {
          keys: ['t:{demo:/a/}:x', 't:{demo:/a/}:y'],
          arguments: ['same-slot'],
        },
      );
      expect(result).toEqual(['same-slot', 'same-slot']);
      await expect(
        client.eval("return redis.call('MGET', KEYS[1], KEYS[2])", { keys: ['t:{demo:/a/}:x', 't:{demo:/b/}:x'], arguments: [] }),
      ).rejects.toThrow(/CROSSSLOT|different slots|slot/i);
    } finally {
      await client.close();
    }
  });
});
