/**
 * Which server a browser's WebSocket landed on behind the test nginx: the proxy names its
 * upstream in every answer (UPSTREAM_HEADER), the 101 of a WebSocket upgrade included, and
 * Chromium's DevTools protocol shows that answer's headers (a page's own script cannot).
 */
import type { Page } from 'playwright-core';
import { UPSTREAM_HEADER } from './nginx-proxy.ts';

export interface SocketUpstreams {
  /** The upstream that answered each WebSocket handshake the page completed, oldest first. */
  readonly all: readonly string[];
  /** The latest one, or null before the first. */
  last(): string | null;
}

/** Starts recording the page's WebSocket handshakes; call before the page opens its socket. */
export async function recordSocketUpstreams(page: Page): Promise<SocketUpstreams> {
  const all: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    // nginx lists every upstream it tried ("a, b" when a refused): the last one answered.
    all.push(headers[UPSTREAM_HEADER]?.split(',').at(-1)?.trim() ?? '(no upstream header)');
  });
  await cdp.send('Network.enable');
  return { all, last: () => all.at(-1) ?? null };
}
