import { describe, expect, it } from 'vitest';
import { limitKey } from './limit-key.ts';

describe('limit key of a client address', () => {
  const rows: readonly [string, string, string][] = [
    ['an IPv4 address is its own key', '203.0.113.7', '203.0.113.7'],
    ['an IPv4-mapped IPv6 address counts as the IPv4 address', '::ffff:203.0.113.7', '203.0.113.7'],
    ['an IPv4-mapped address in hex groups counts as the IPv4 address', '::ffff:cb00:7107', '203.0.113.7'],
    ['an IPv6 address counts by its /64', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['another address in the same /64 shares the key', '2001:db8:1:2::ffff', '2001:db8:1:2::/64'],
    ['the next /64 has its own key', '2001:db8:1:3::1', '2001:db8:1:3::/64'],
    ['a compressed address is expanded before cutting', '2001:db8::1', '2001:db8:0:0::/64'],
    ['upper case and leading zeros do not make a new key', '2001:0DB8:0001:0002::1', '2001:db8:1:2::/64'],
    ['IPv6 loopback', '::1', '0:0:0:0::/64'],
    ['a bracketed address is unwrapped', '[2001:db8:1:2::1]', '2001:db8:1:2::/64'],
    ['something that is no address is kept whole', 'not-an-address', 'not-an-address'],
  ];
  it.each(rows)('%s', (_name, address, key) => {
    expect(limitKey(address)).toBe(key);
  });
});
