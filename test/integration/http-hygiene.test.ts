/**
 * HTTP hygiene against a real server on port 0: security headers on every answer, a CSP on
 * the demo that its page satisfies, Vary: Origin on every API answer, the demo's script URL
 * never taken from Host, a malformed Host answered 400 without a stack trace, and embed.js
 * cached by ETag and served precompressed by Accept-Encoding.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_STYLE_HASHES, renderArticlePage } from '../../demo/article-page.ts';
import { createApp, type App } from '../../server/app.ts';
import { createSitePolicies } from '../../server/sites/site-policies.ts';
import { createPostRateLimit } from '../../server/comments/post-rate-limit.ts';
import { createAuthorTokens } from '../../server/identity/author-token.ts';
import type { LogDestination } from '../../server/log-destination.ts';
import { createLogger } from '../../server/logger.ts';
import { createSiteRegistry } from '../../server/sites/site-registry.ts';
import { openStore, type OpenedStore } from '../support/stores.ts';

const ALLOWED = 'https://berita.example';
const CANONICAL = '/2025/03/11/artikel-uji/';

interface Running {
  app: App;
  url: string;
  logs: Record<string, unknown>[];
}

/** A logger that keeps every line, to prove what was (not) logged. */
function capturingDestination(lines: Record<string, unknown>[]): LogDestination {
  return {
    write: (line) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
    stats: () => ({ droppedLines: 0, lastError: null, queuedBytes: 0 }),
    flush: () => Promise.resolve(),
  };
}

async function start(opened: OpenedStore, distDir: string, publicUrl?: string): Promise<Running> {
  const logs: Record<string, unknown>[] = [];
  const sites = createSiteRegistry([{ id: 'demo', name: 'Demo', origins: [ALLOWED] }]);
  const app = createApp({
    store: opened.store,
    sites,
    tokens: createAuthorTokens(randomBytes(32)),
    policies: createSitePolicies({ store: opened.store, fromFile: () => undefined, sites: () => ['demo'] }),
    rateLimit: createPostRateLimit({ postsPerMinute: 0 }),
    logger: createLogger({ level: 'debug', format: 'json', destination: capturingDestination(logs) }),
    clock: Date.now,
    newId: () => randomBytes(12).toString('base64url'),
    distDir,
    demo: {
      site: 'demo',
      render: (lang: 'id' | 'en', embedOrigin: string) => renderArticlePage({ lang, embedOrigin, site: 'demo', canonicalPath: CANONICAL }),
      inlineStyleHashes: ARTICLE_STYLE_HASHES,
    },
    ...(publicUrl ? { publicUrl } : {}),
  });
  const url = await app.listen(0, '127.0.0.1');
  return { app, url, logs };
}

/** One request written byte for byte on a TCP socket: fetch would refuse or fix a bad Host. */
function rawRequest(url: string, head: string): Promise<{ status: number; raw: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // Not end(): a half-closed socket lets the server drop the answer to an async handler.
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let raw = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      raw += chunk;
    });
    socket.once('error', reject);
    socket.once('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0), raw }));
  });
}

const EMBED_SOURCE = `/* embed.js for the test */ console.log(${JSON.stringify('x'.repeat(4_000))});\n`;

function writeDist(dir: string): void {
  const file = join(dir, 'embed.js');
  writeFileSync(file, EMBED_SOURCE);
  writeFileSync(`${file}.gz`, gzipSync(EMBED_SOURCE, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(EMBED_SOURCE));
}

function header(res: Response, name: string): string {
  return res.headers.get(name) ?? '';
}

function varyList(res: Response): string[] {
  return header(res, 'vary')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
}

describe('HTTP hygiene', () => {
  let opened: OpenedStore;
  let distDir: string;
  let server: Running;

  beforeAll(async () => {
    opened = await openStore('embedded');
    distDir = mkdtempSync(join(tmpdir(), 'rembuk-dist-'));
    writeDist(distDir);
    server = await start(opened, distDir);
  });
  afterAll(async () => {
    await server?.app.close(1_000);
    await opened?.dispose();
    rmSync(distDir, { recursive: true, force: true });
  });

  describe('the demo page', () => {
    it('loads embed.js from the address the server listens on, whatever Host the request names', async () => {
      const { raw } = await rawRequest(server.url, `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
      expect(raw).toContain(`<script src="${server.url}/embed.js"`);
      expect(raw).not.toContain('evil.example');
    });

    it('loads embed.js from PUBLIC_URL when one is set', async () => {
      const other = await start(opened, distDir, 'https://comments.example.com/');
      try {
        const html = await (await fetch(`${other.url}/en`)).text();
        expect(html).toContain('<script src="https://comments.example.com/embed.js"');
      } finally {
        await other.app.close(1_000);
      }
    });

    it.each([
      ['an unclosed IPv6 literal', '[::1'],
      ['a space', 'a b'],
      ['a path', 'example.com/evil'],
      ['user info', 'user@example.com'],
      ['a port out of range', 'example.com:70000'],
    ])('answers a Host with %s 400, and logs no error or stack trace', async (_label, host) => {
      const before = server.logs.length;
      const { status, raw } = await rawRequest(server.url, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(status).toBe(400);
      expect(raw).toContain('"code":"INVALID_INPUT"');
      expect(raw).not.toMatch(/at .*\.ts:\d+/);
      const logged = server.logs.slice(before);
      expect(logged.filter((l) => Number(l['level']) >= 50)).toEqual([]);
      expect(JSON.stringify(logged)).not.toContain('stack');
    });

    it('carries a CSP the page satisfies: no inline script, its one style by hash, framing refused', async () => {
      const res = await fetch(`${server.url}/`);
      const html = await res.text();
      const csp = header(res, 'content-security-policy');
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name = '', ...values]) => [name, values]),
      );
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual([server.url]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toBeUndefined();
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      // Every <style> in the page is allowed by its hash, and nothing else inline is.
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
        (m) =>
          `'sha256-${createHash('sha256')
            .update(m[1] ?? '')
            .digest('base64')}'`,
      );
      expect(styles.length).toBeGreaterThan(0);
      for (const hash of styles) expect(directives.get('style-src')).toContain(hash);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/\sstyle=/i);
      // The widget talks to its server over WebSocket.
      expect(directives.get('connect-src')).toEqual([server.url, server.url.replace(/^http/, 'ws')]);
    });

    it.each(['/', '/en', '/healthz', '/api/v1/threads/demo/%2Fx', '/embed.js', '/nowhere'])(
      '%s carries nosniff, a Referrer-Policy and refuses to be framed',
      async (path) => {
        const res = await fetch(`${server.url}${path}`);
        expect(header(res, 'x-content-type-options')).toBe('nosniff');
        expect(header(res, 'referrer-policy')).toBe('no-referrer');
        expect(header(res, 'x-frame-options')).toBe('DENY');
        expect(header(res, 'content-security-policy')).toContain("frame-ancestors 'none'");
        expect(header(res, 'x-powered-by')).toBe('');
      },
    );
  });

  describe('the API', () => {
    const thread = '/api/v1/threads/demo/%2Fvary';
    it.each([
      ['an allowed origin', thread, { origin: ALLOWED }, 200],
      ['no Origin', thread, {}, 200],
      ['a refused origin', thread, { origin: 'https://stranger.example' }, 403],
      ['an unknown site', '/api/v1/threads/nosuch/%2Fx', {}, 404],
      ['a bad page id', '/api/v1/threads/demo/%E0%A4%A', {}, 400],
      ['an unknown endpoint', '/api/v2/nothing', { origin: ALLOWED }, 404],
    ] as const)('says Vary: Origin and is never stored by caches, with %s', async (_label, path, headers, status) => {
      const res = await fetch(`${server.url}${path}`, { headers });
      expect(res.status).toBe(status);
      expect(varyList(res)).toContain('origin');
      expect(header(res, 'cache-control')).toBe('no-store');
      expect(header(res, 'content-type')).toMatch(/^application\/json/);
    });

    it('says Vary: Origin on a preflight too', async () => {
      const res = await fetch(`${server.url}${thread}`, { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'GET' } });
      expect(res.status).toBe(204);
      expect(varyList(res)).toContain('origin');
    });

    it('gives JSON a CSP that allows nothing', async () => {
      const res = await fetch(`${server.url}${thread}`);
      expect(header(res, 'content-security-policy')).toMatch(/^default-src 'none';/);
    });
  });

  describe('embed.js', () => {
    const get = (headers: Record<string, string> = {}) => fetch(`${server.url}/embed.js`, { headers });

    it('is a script any site may load: CORP cross-origin, CORS *, JavaScript, revalidated after 5 minutes', async () => {
      const res = await get({ 'accept-encoding': 'identity' });
      expect(res.status).toBe(200);
      expect(header(res, 'cross-origin-resource-policy')).toBe('cross-origin');
      expect(header(res, 'access-control-allow-origin')).toBe('*');
      expect(header(res, 'content-type')).toBe('text/javascript; charset=utf-8');
      expect(header(res, 'cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
      expect(await res.text()).toBe(EMBED_SOURCE);
    });

    it.each([
      ['br, gzip', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['br;q=0, *', 'gzip'],
      ['identity', 'identity'],
      ['deflate', 'identity'],
      ['', 'identity'],
    ])('answers Accept-Encoding "%s" with %s, the right bytes and Vary: Accept-Encoding', async (accept, expected) => {
      // Node's fetch always asks for gzip and br, so this goes over a raw socket.
      const { raw } = await rawRequest(
        server.url,
        `GET /embed.js HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: ${accept}\r\nConnection: close\r\n\r\n`,
      );
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.slice(0, split).toLowerCase();
      const body = Buffer.from(raw.slice(split + 4), 'latin1');
      expect(head).toMatch(/^http\/1\.1 200/);
      expect(head).toMatch(/\r\nvary: [^\r]*accept-encoding/);
      expect(head).toContain('content-type: text/javascript; charset=utf-8');
      if (expected === 'identity') {
        expect(head).not.toContain('content-encoding');
        expect(body.toString()).toBe(EMBED_SOURCE);
      } else {
        expect(head).toContain(`content-encoding: ${expected}`);
        const plain = expected === 'br' ? brotliDecompressSync(body) : gunzipSync(body);
        expect(plain.toString()).toBe(EMBED_SOURCE);
      }
    });

    it('has an ETag per encoding and answers a matching If-None-Match with an empty 304', async () => {
      const tags = new Map<string, string>();
      for (const encoding of ['br', 'gzip', 'identity']) {
        const res = await get({ 'accept-encoding': encoding });
        const etag = header(res, 'etag');
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
        tags.set(encoding, etag);
        const again = await get({ 'accept-encoding': encoding, 'if-none-match': etag });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        expect(header(again, 'etag')).toBe(etag);
        expect(header(again, 'cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
        const listed = await get({ 'accept-encoding': encoding, 'if-none-match': `"other", W/${etag}` });
        expect(listed.status).toBe(304);
      }
      expect(new Set(tags.values()).size).toBe(3);
      // Another encoding's tag is another representation: the full answer.
      const crossed = await get({ 'accept-encoding': 'gzip', 'if-none-match': tags.get('br') ?? '' });
      expect(crossed.status).toBe(200);
    });

    it('answers HEAD with the headers and no body', async () => {
      const res = await fetch(`${server.url}/embed.js`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
      expect(res.status).toBe(200);
      expect(header(res, 'content-encoding')).toBe('br');
      expect(Number(header(res, 'content-length'))).toBeGreaterThan(0);
      expect(await res.text()).toBe('');
    });
  });
});
