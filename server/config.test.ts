import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

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

  it('treats an empty variable as unset', () => {
    const result = parseConfig({ REDIS_URL: '' });
    expect(result.ok && result.config.REDIS_URL).toBeUndefined();
  });
});
