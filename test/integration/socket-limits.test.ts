/**
 * Limits on what one address and one socket may ask of a server: a cap on open sockets per
 * address (refused at the handshake), and a budget per socket for the reads that cost most
 * (thread:join, thread:more, thread:resync). Real server, real socket.io-clients.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../protocol/errors.ts';
import type { ConnectErrorData, ThreadSnapshot } from '../../protocol/events.ts';
import { parseTrustProxy, type TrustProxy } from '../../server/limits/trust-proxy.ts';
import { request, type ReaderOptions, type ReaderSocket } from '../support/reader-client.ts';
import { useThreadFixture } from '../support/thread-fixture.ts';

const PAGE = '/batas';

function oneHop(): TrustProxy {
  const parsed = parseTrustProxy('1');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.trust;
}

describe('socket limits', () => {
  const fx = useThreadFixture('embedded');

  /**
   * Tries a handshake; the connect error's data when Socket.IO refused it (none when the
   * connection was refused before the WebSocket upgrade).
   */
  async function handshake(
    options: ReaderOptions = {},
  ): Promise<{ ok: true; socket: ReaderSocket } | { ok: false; data: ConnectErrorData | undefined }> {
    try {
      return { ok: true, socket: await fx.reader(options) };
    } catch (err) {
      return { ok: false, data: (err as { data?: ConnectErrorData }).data };
    }
  }

  it('refuses the socket over the per-address cap at the handshake with RATE_LIMITED and a message', async () => {
    await fx.restart({ readerLimits: { maxSocketsPerAddress: 3 } });
    const first = await Promise.all([handshake(), handshake(), handshake()]);
    expect(first.map((h) => h.ok)).toEqual([true, true, true]);
    const fourth = await handshake();
    expect(fourth.ok).toBe(false);
    if (!fourth.ok) {
      expect(fourth.data?.code).toBe('RATE_LIMITED');
      expect(fourth.data?.message).toMatch(/3 open connections/);
    }
  });

  it('frees a slot when a socket closes', async () => {
    await fx.restart({ readerLimits: { maxSocketsPerAddress: 2 } });
    const a = await handshake();
    await handshake();
    expect((await handshake()).ok).toBe(false);
    if (a.ok) a.socket.disconnect();
    let again = await handshake();
    for (let i = 0; i < 20 && !again.ok; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      again = await handshake();
    }
    expect(again.ok).toBe(true);
  });

  it('does not let a burst of simultaneous handshakes past the cap', async () => {
    await fx.restart({ readerLimits: { maxSocketsPerAddress: 5 } });
    const all = await Promise.all(Array.from({ length: 30 }, () => handshake()));
    expect(all.filter((h) => h.ok)).toHaveLength(5);
  });

  it('shuts out an address that keeps trying handshakes over its cap', async () => {
    await fx.restart({ readerLimits: { maxSocketsPerAddress: 1 } });
    expect((await handshake()).ok).toBe(true);
    const refusals: Awaited<ReturnType<typeof handshake>>[] = [];
    for (let i = 0; i < 55; i += 1) refusals.push(await handshake());
    expect(refusals.every((h) => !h.ok)).toBe(true);
    // At first refused by Socket.IO with the reason; once penalized, before the upgrade.
    const dataOf = (h: (typeof refusals)[number] | undefined) => (h && !h.ok ? h.data : undefined);
    expect(dataOf(refusals[0])?.code).toBe('RATE_LIMITED');
    expect(dataOf(refusals.at(-1))).toBeUndefined();
  });

  it('counts the cap per client behind a trusted proxy, IPv6 clients per /64', async () => {
    await fx.restart({ trustProxy: oneHop(), readerLimits: { maxSocketsPerAddress: 2 } });
    const via = (address: string) => handshake({ headers: { 'x-forwarded-for': address } });
    expect((await via('2001:db8:1:2::a')).ok).toBe(true);
    expect((await via('2001:db8:1:2::b')).ok).toBe(true);
    expect((await via('2001:db8:1:2::c')).ok).toBe(false);
    expect((await via('2001:db8:1:3::a')).ok).toBe(true);
    expect((await via('203.0.113.7')).ok).toBe(true);
  });

  it('answers reads over the socket budget with RATE_LIMITED and the wait, and serves them again after it', async () => {
    await fx.restart({ readerLimits: { requestsPerSecond: 5, requestBurst: 5 } });
    const { socket } = await fx.joined(PAGE);
    // The join above took one; four more fit in the burst.
    const answers = await Promise.all([
      request(socket, 'thread:join', { page: PAGE }),
      request(socket, 'thread:more', { page: PAGE, cursor: 'x' }),
      request(socket, 'thread:resync', { page: PAGE, afterSeq: 0 }),
      request(socket, 'thread:join', { page: PAGE }),
      request(socket, 'thread:join', { page: PAGE }),
      request(socket, 'thread:join', { page: PAGE }),
    ]);
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(2);
    const waits = limited.map((a) => (a.ok ? 0 : (a.error.retryAfterMs ?? 0)));
    for (const wait of waits) expect(wait).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, Math.max(...waits)));
    expect((await request(socket, 'thread:join', { page: PAGE })).ok).toBe(true);
  });

  it('does not count posts or leaving against the read budget', async () => {
    await fx.restart({ readerLimits: { requestsPerSecond: 1, requestBurst: 1 } });
    const { socket } = await fx.joined(PAGE);
    const post = await request(socket, 'comment:create', { page: PAGE, text: 'halo', authorName: 'Ani', key: 'budget-key-1' });
    expect(post.ok).toBe(true);
    expect((await request(socket, 'thread:leave', { page: PAGE })).ok).toBe(true);
  });

  it('disconnects a socket that keeps calling after being refused, shuts its address out, and keeps serving a reader beside it', async () => {
    await fx.restart({ trustProxy: oneHop(), readerLimits: { requestsPerSecond: 5, requestBurst: 5 } });
    const flooderAddress = { headers: { 'x-forwarded-for': '203.0.113.66' } };
    const readerAddress = { headers: { 'x-forwarded-for': '198.51.100.1' } };
    const { socket: flooder } = await fx.joined(PAGE, flooderAddress);
    const { socket: reader } = await fx.joined(PAGE, readerAddress);
    const dropped = new Promise<string>((resolve) => flooder.once('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 200; i += 1) flooder.emit('thread:join', { page: PAGE }, () => undefined);
    expect(await dropped).toBe('io server disconnect');
    const stillServed: Result<ThreadSnapshot> = await request(reader, 'thread:join', { page: PAGE });
    expect(stillServed.ok).toBe(true);
    expect(reader.connected).toBe(true);
    // Coming straight back with a fresh socket (and a fresh budget) does not work for a while.
    expect((await handshake(flooderAddress)).ok).toBe(false);
    expect((await handshake(readerAddress)).ok).toBe(true);
  });
});
