import { describe, expect, it } from 'vitest';
import { describeRedisTarget, nodeDefaults } from './redis-connection.ts';

describe('reaching a Redis Cluster', () => {
  it('gives every discovered node the credentials and TLS of the URLs it was given', () => {
    expect(nodeDefaults(['redis://10.0.0.1:7000', 'redis://10.0.0.2:7000'])).toEqual({});
    expect(nodeDefaults(['redis://10.0.0.1:7000', 'rediss://rembuk:p%40ss@10.0.0.2:7000'])).toEqual({
      username: 'rembuk',
      password: 'p@ss',
      socket: { tls: true },
    });
    expect(nodeDefaults(['redis://:secret@10.0.0.1:7000'])).toEqual({ password: 'secret' });
  });

  it('names one Redis or a cluster without its passwords', () => {
    expect(describeRedisTarget({ url: 'redis://:secret@10.0.0.1:6379' })).toBe('Redis at redis://***@10.0.0.1:6379');
    expect(describeRedisTarget({ clusterUrls: ['redis://a:b@10.0.0.1:7000', 'redis://10.0.0.2:7000'] })).toBe(
      'the Redis Cluster at redis://***@10.0.0.1:7000, redis://10.0.0.2:7000',
    );
  });
});
