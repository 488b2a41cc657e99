/**
 * Which bucket a client address is counted in. One IPv4 address is one subscriber at most,
 * but an IPv6 subscriber is normally handed a whole /64 (often a /56 or /48): counting each
 * IPv6 address apart would give one machine 2^64 fresh allowances. So an IPv6 address is
 * counted by its /64, and an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`, what a
 * dual-stack socket reports for an IPv4 peer) is counted as the IPv4 address it is.
 */
import ipaddr from 'ipaddr.js';

/** The limit key of `address`: the IPv4 address, or `<first four groups>::/64` for IPv6. */
export function limitKey(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\]$/, '$1');
  // Not an address at all (a unix socket path, an empty string): keep it whole rather than
  // share one bucket with every other unparsable peer.
  if (!ipaddr.isValid(bare)) return bare;
  const parsed = ipaddr.process(bare);
  if (!(parsed instanceof ipaddr.IPv6)) return parsed.toString();
  const groups = parsed.parts.slice(0, 4).map((part) => part.toString(16));
  return `${groups.join(':')}::/64`;
}
