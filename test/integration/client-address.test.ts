/**
 * The client address behind a proxy, as the limits see it: TRUST_PROXY follows Express's
 * `trust proxy` (proxy-addr), so the address is the one our own proxy appended, never the
 * leftmost X-Forwarded-For entry a client writes itself; IPv6 clients count by their /64.
 */
import { describe, expect, it } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../../server/limits/trust-proxy.ts';
import { request, type ReaderSocket } from '../support/reader-client.ts';
import { useThreadFixture } from '../support/thread-fixture.ts';

const PAGE = '/alamat';
let n = 0;
const key = () => `addr-${Date.now().toString(36)}-${(n += 1)}`;

function trust(setting: string): TrustProxy {
  const parsed = parseTrustProxy(setting);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.trust;
}

describe('client address behind a proxy', () => {
  const fx = useThreadFixture('embedded');

  const post = (socket: ReaderSocket, text: string) => request(socket, 'comment:create', { page: PAGE, text, authorName: 'Rina', key: key() });

  /** A fresh reader (a fresh anonymous author) whose proxy reports `forwardedFor`. */
  const viaProxy = (forwardedFor: string) => fx.reader({ headers: { 'x-forwarded-for': forwardedFor } });

  /** Posts once from each X-Forwarded-For value, each from a new author; the acks' codes. */
  async function postFromEach(forwarded: readonly string[]): Promise<string[]> {
    const codes: string[] = [];
    for (const [i, value] of forwarded.entries()) {
      const ack = await post(await viaProxy(value), `komentar ${i}`);
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    return codes;
  }

  it('rotating the leftmost X-Forwarded-For entry does not escape the post limit behind one trusted hop', async () => {
    await fx.restart({ postsPerMinute: 2, trustProxy: trust('true') });
    const forged = [1, 2, 3, 4].map((i) => `10.9.9.${i}, 203.0.113.7`);
    expect(await postFromEach(forged)).toEqual(['ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('counts each real client apart behind the proxy', async () => {
    await fx.restart({ postsPerMinute: 1, trustProxy: trust('1') });
    expect(await postFromEach(['203.0.113.7', '203.0.113.8', '203.0.113.7'])).toEqual(['ok', 'ok', 'RATE_LIMITED']);
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    await fx.restart({ postsPerMinute: 2 });
    expect(await postFromEach(['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual(['ok', 'ok', 'RATE_LIMITED']);
  });

  it('counts IPv6 clients by their /64 and IPv4-mapped clients as IPv4', async () => {
    await fx.restart({ postsPerMinute: 2, trustProxy: trust('loopback') });
    expect(await postFromEach(['2001:db8:1:2::a', '2001:db8:1:2::b', '2001:db8:1:2:ffff::1'])).toEqual(['ok', 'ok', 'RATE_LIMITED']);
    expect(await postFromEach(['2001:db8:1:3::a'])).toEqual(['ok']);
    expect(await postFromEach(['::ffff:198.51.100.4', '198.51.100.4', '::ffff:c633:6404'])).toEqual(['ok', 'ok', 'RATE_LIMITED']);
  });
});
