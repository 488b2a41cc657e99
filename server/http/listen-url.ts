/**
 * The base URL of a listening server, from its socket address. When it listens on every
 * interface (0.0.0.0, ::) the URL names loopback: an address a browser on this machine can
 * open. Anyone else reaches the server by a name this process cannot know: PUBLIC_URL.
 */
import type { AddressInfo } from 'node:net';

export function listenUrl(address: Pick<AddressInfo, 'address' | 'family' | 'port'>): string {
  const ipv6 = address.family === 'IPv6';
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${ipv6 ? `[${host}]` : host}:${address.port}`;
}
