/**
 * A tiny static web server standing in for a customer's site on another origin (another
 * port): it serves one HTML document at every path, or a specific one where set.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticOrigin {
  /** `http://127.0.0.1:PORT`, the origin the browser will send. */
  origin: string;
  /**
   * Sets the HTML served from now on, at every path or at `path` only (the Rembuk URL is
   * only known after this server has a port).
   */
  setHtml(html: string, path?: string): void;
  close(): Promise<void>;
}

export async function startStaticOrigin(): Promise<StaticOrigin> {
  let html = '<!doctype html><title>not ready</title>';
  const byPath = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const body = byPath.get(new URL(req.url ?? '/', 'http://x').pathname) ?? html;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setHtml(next, path) {
      if (path === undefined) html = next;
      else byPath.set(path, next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
