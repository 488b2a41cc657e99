import { describe, expect, it } from 'vitest';
import { isValidHost } from './host-header.ts';

describe('checking a Host header', () => {
  it.each([
    ['a name', 'example.com'],
    ['a name and port', 'comments.example.com:8443'],
    ['localhost with a port', 'localhost:3000'],
    ['an IPv4 address and port', '127.0.0.1:3000'],
    ['an IPv6 literal', '[::1]'],
    ['an IPv6 literal and port', '[2001:db8::1]:443'],
    ['an IPv4-mapped IPv6 literal', '[::ffff:192.0.2.1]:80'],
    ['a container name with an underscore', 'rembuk_web:3000'],
    ['port 65535', 'example.com:65535'],
  ])('accepts %s (%s)', (_label, value) => {
    expect(isValidHost(value)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['an unclosed IPv6 literal', '[::1'],
    ['an IPv6 address without brackets', '::1'],
    ['brackets around a name', '[example.com]'],
    ['a space', 'a b'],
    ['a path', 'example.com/evil'],
    ['user info', 'user@example.com'],
    ['a port out of range', 'example.com:70000'],
    ['an empty port', 'example.com:'],
    ['two ports', 'example.com:80:80'],
    ['a quote', 'example.com"'],
    ['angle brackets', '<script>'],
    ['a name over 253 characters', `${'a'.repeat(254)}`],
  ])('refuses %s (%j)', (_label, value) => {
    expect(isValidHost(value)).toBe(false);
  });
});
