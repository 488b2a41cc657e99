import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustProxy } from './trust-proxy.ts';

/** A real IncomingMessage from `peer`, carrying `forwardedFor` as X-Forwarded-For. */
function requestFrom(peer: string, forwardedFor?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const req = new IncomingMessage(socket);
  if (forwardedFor !== undefined) req.headers['x-forwarded-for'] = forwardedFor;
  return req;
}

function clientFor(setting: string, peer: string, forwardedFor?: string): string {
  const parsed = parseTrustProxy(setting);
  if (!parsed.ok) throw new Error(parsed.error);
  return clientAddressOf(requestFrom(peer, forwardedFor), parsed.trust);
}

describe('TRUST_PROXY', () => {
  const rows: readonly [string, string, string, string | undefined, string][] = [
    ['off: the peer is the client, whatever the header says', 'false', '198.51.100.1', '203.0.113.9', '198.51.100.1'],
    ['one hop: the entry our proxy appended is the client', '1', '10.0.0.2', '6.6.6.6, 203.0.113.9', '203.0.113.9'],
    ['true means one hop, never "trust everything"', 'true', '10.0.0.2', '6.6.6.6, 203.0.113.9', '203.0.113.9'],
    ['one hop without a header: the peer is the client', 'true', '10.0.0.2', undefined, '10.0.0.2'],
    ['two hops: the entry the second proxy appended', '2', '10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.3', '203.0.113.9'],
    ['a hop count longer than the chain gives its leftmost entry', '3', '10.0.0.2', '203.0.113.9', '203.0.113.9'],
    ['loopback trusts a proxy on this machine', 'loopback', '127.0.0.1', '6.6.6.6, 203.0.113.9', '203.0.113.9'],
    ['loopback does not trust a peer elsewhere', 'loopback', '198.51.100.1', '203.0.113.9', '198.51.100.1'],
    ['a trusted subnet is skipped wherever it sits', '10.0.0.0/8', '10.0.0.2', '6.6.6.6, 203.0.113.9, 10.1.1.1', '203.0.113.9'],
    ['a list of addresses and names', 'loopback, 10.0.0.0/8', '127.0.0.1', '203.0.113.9, 10.4.4.4', '203.0.113.9'],
    ['uniquelocal covers IPv6 private proxies', 'uniquelocal', 'fd00::2', '2001:db8::7', '2001:db8::7'],
  ];
  it.each(rows)('%s', (_name, setting, peer, forwardedFor, client) => {
    expect(clientFor(setting, peer, forwardedFor)).toBe(client);
  });

  it('rotating the leftmost entry never changes the client behind one trusted hop', () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientFor('1', '10.0.0.2', `10.9.9.${i}, 203.0.113.9`)));
    expect([...seen]).toEqual(['203.0.113.9']);
  });

  it('names every entry that is not an address, a subnet or a known name', () => {
    const parsed = parseTrustProxy('loopback, nonsense, 10.0.0.0/99');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/"nonsense", "10\.0\.0\.0\/99" are not an address/);
  });

  it('refuses an absurd hop count', () => {
    expect(parseTrustProxy('1000').ok).toBe(false);
  });
});
