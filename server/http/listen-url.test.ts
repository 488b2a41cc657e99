import { describe, expect, it } from 'vitest';
import { listenUrl } from './listen-url.ts';

describe('the URL of a listening server', () => {
  it.each([
    ['127.0.0.1', 'IPv4', 'http://127.0.0.1:3000'],
    ['0.0.0.0', 'IPv4', 'http://127.0.0.1:3000'],
    ['192.0.2.7', 'IPv4', 'http://192.0.2.7:3000'],
    ['::1', 'IPv6', 'http://[::1]:3000'],
    ['::', 'IPv6', 'http://[::1]:3000'],
    ['2001:db8::5', 'IPv6', 'http://[2001:db8::5]:3000'],
  ])('listening on %s (%s) is %s', (address, family, url) => {
    expect(listenUrl({ address, family, port: 3000 })).toBe(url);
    expect(new URL(url).origin).toBe(url);
  });
});
