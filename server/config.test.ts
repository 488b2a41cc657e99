import { describe, expect, it } from 'vitest';
import { parseConfig, redisTargetOf, storeSettingsOf } from './config.ts';

describe('server configuration', () => {
  it('needs nothing to start the demo on the embedded store', () => {
    const result = parseConfig({});
    expect(result.ok && result.config).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: true, JOURNAL_FSYNC: true });
  });

  it('reports every bad variable at once', () => {
    const result = parseConfig({ PORT: 'eighty', REDIS_URL: 'http://x', SECRET: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.split(':')[0])).toEqual(['PORT', 'REDIS_URL', 'SECRET']);
  });

  it('reads TRUST_PROXY as a hop count or trusted addresses, true meaning one hop', () => {
    const hops = (env: Record<string, string>, peer: string, hop: number) => {
      const result = parseConfig(env);
      if (!result.ok) throw new Error(result.errors.join('; '));
      return result.config.TRUST_PROXY.trust(peer, hop);
    };
    expect(hops({}, '10.0.0.1', 0)).toBe(false);
    expect(hops({ TRUST_PROXY: 'true' }, '10.0.0.1', 0)).toBe(true);
    expect(hops({ TRUST_PROXY: 'true' }, '10.0.0.1', 1)).toBe(false);
    expect(hops({ TRUST_PROXY: '2' }, '10.0.0.1', 1)).toBe(true);
    expect(hops({ TRUST_PROXY: 'loopback,10.0.0.0/8' }, '10.9.9.9', 5)).toBe(true);
    expect(hops({ TRUST_PROXY: 'loopback,10.0.0.0/8' }, '203.0.113.7', 0)).toBe(false);
  });

  it('reports a bad TRUST_PROXY and bad limits together with the rest', () => {
    const result = parseConfig({ TRUST_PROXY: 'everything', MAX_SOCKETS_PER_ADDRESS: '0', SOCKET_REQUEST_BURST: 'lots', PORT: '-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.split(':')[0]).sort()).toEqual(['MAX_SOCKETS_PER_ADDRESS', 'PORT', 'SOCKET_REQUEST_BURST', 'TRUST_PROXY']);
      expect(result.errors.find((e) => e.startsWith('TRUST_PROXY'))).toMatch(/"everything" is not an address/);
    }
  });

  it('has limits that hold by default', () => {
    const result = parseConfig({});
    expect(result.ok && result.config).toMatchObject({ MAX_SOCKETS_PER_ADDRESS: 20, SOCKET_REQUESTS_PER_SECOND: 10, SOCKET_REQUEST_BURST: 20 });
  });

  it('reads REDIS_CLUSTER_URLS as the nodes of a Redis Cluster, which the store then opens', () => {
    const result = parseConfig({ REDIS_CLUSTER_URLS: ' redis://10.0.0.1:7000, rediss://:pw@10.0.0.2:7001 ,' });
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.config.REDIS_CLUSTER_URLS).toEqual(['redis://10.0.0.1:7000', 'rediss://:pw@10.0.0.2:7001']);
    expect(storeSettingsOf(result.config).redis).toEqual({ clusterUrls: ['redis://10.0.0.1:7000', 'rediss://:pw@10.0.0.2:7001'] });
    const single = parseConfig({ REDIS_URL: 'redis://10.0.0.1:6379' });
    expect(single.ok && redisTargetOf(single.config)).toEqual({ url: 'redis://10.0.0.1:6379' });
    const none = parseConfig({});
    expect(none.ok && redisTargetOf(none.config)).toBeNull();
  });

  it('refuses a REDIS_CLUSTER_URLS that is not a list of redis:// URLs, naming what is wrong', () => {
    const result = parseConfig({ REDIS_CLUSTER_URLS: 'redis://10.0.0.1:7000,http://10.0.0.2:7001' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.stringMatching(/^REDIS_CLUSTER_URLS: .*"http:\/\/10\.0\.0\.2:7001"/)]);
    const empty = parseConfig({ REDIS_CLUSTER_URLS: ' , ' });
    expect(!empty.ok && empty.errors).toEqual([expect.stringMatching(/^REDIS_CLUSTER_URLS: must name at least one node/)]);
  });

  it('refuses REDIS_URL and REDIS_CLUSTER_URLS together, told with the other problems', () => {
    const result = parseConfig({ REDIS_URL: 'redis://10.0.0.1:6379', REDIS_CLUSTER_URLS: 'redis://10.0.0.1:7000', PORT: 'eighty' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.split(':')[0])).toEqual(['PORT', 'REDIS_CLUSTER_URLS']);
      expect(result.errors[1]).toMatch(/either REDIS_URL .* or REDIS_CLUSTER_URLS .*not both/);
    }
  });

  it('treats an empty variable as unset', () => {
    const result = parseConfig({ REDIS_URL: '' });
    expect(result.ok && result.config.REDIS_URL).toBeUndefined();
  });
});
