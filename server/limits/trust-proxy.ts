/**
 * `TRUST_PROXY`, read the way Express reads its `trust proxy` setting, through `proxy-addr`:
 * the client address is the first address, walking X-Forwarded-For from the right (the
 * entry our own proxy wrote), that is not a trusted proxy. The leftmost entry is whatever
 * the client chose to send, so it is never taken on trust.
 *
 * Accepted values:
 * - `false`, `0`, `no`, `off` (default): no proxy; the socket's peer is the client;
 * - a hop count `n` ≥ 1: the n proxies directly in front of us are trusted;
 * - `true`, `yes`, `on`: one hop (the proxy directly in front). Express's "trust everything"
 *   is deliberately not offered: it hands the choice of address, and so of rate limit, to the client;
 * - a comma-separated list of addresses, CIDR subnets and the names `loopback`, `linklocal`,
 *   `uniquelocal`: those proxies are trusted wherever they appear in the chain.
 */
import proxyAddr from 'proxy-addr';
import type { IncomingMessage } from 'node:http';

/** proxy-addr's trust function: is `address`, `hop` steps from us, a proxy we trust? */
export type TrustProxy = (address: string, hop: number) => boolean;

export type TrustProxyParse = { ok: true; trust: TrustProxy; description: string } | { ok: false; error: string };

const OFF = new Set(['false', '0', 'no', 'off']);
const ONE_HOP = new Set(['true', 'yes', 'on']);
const MAX_HOPS = 10;

/** Trust no proxy: the socket's peer is the client. */
export const trustNoProxy: TrustProxy = () => false;

/** Parses a TRUST_PROXY value; an unusable one comes back as an error sentence. */
export function parseTrustProxy(raw: string): TrustProxyParse {
  const value = raw.trim().toLowerCase();
  if (OFF.has(value) || value === '') return { ok: true, trust: trustNoProxy, description: 'no proxy' };
  if (ONE_HOP.has(value)) return { ok: true, trust: hops(1), description: '1 hop' };
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n > MAX_HOPS) return { ok: false, error: `a hop count must be at most ${MAX_HOPS} (got ${n})` };
    return { ok: true, trust: hops(n), description: `${n} hop${n === 1 ? '' : 's'}` };
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((entry) => !compiles(entry));
  if (bad.length > 0) {
    return {
      ok: false,
      error: `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not an address, subnet, loopback, linklocal or uniquelocal; use false, a hop count, or such a list`,
    };
  }
  return { ok: true, trust: proxyAddr.compile(entries), description: entries.join(', ') };
}

/** The client's address for a request (a Socket.IO handshake's `socket.request`, or Express's req). */
export function clientAddressOf(request: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(request, trust);
}

function hops(n: number): TrustProxy {
  return (_address, hop) => hop < n;
}

function compiles(entry: string): boolean {
  try {
    proxyAddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}
