/**
 * What the fault tests share: two real servers (child processes) on a redis-server of their
 * own (AOF, appendfsync always, restartable on its port and folder), behind a real nginx;
 * readers in Chromium on a customer's page (another origin) whose widget reaches the servers
 * through the proxy, each browser context pinned to a server by the test proxy's cookie (the
 * other server its backup, so it fails over through the proxy); load from real socket.io
 * clients on each server's own port. What a reader shows is compared with what the store holds
 * (read back through the protocol), comment by comment and in order.
 *
 * `useFaultsHarness()` inside a test file registers the beforeAll/afterAll that start and stop it all.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Result } from '../../protocol/errors.ts';
import type { CommentCreated } from '../../protocol/events.ts';
import { launchChromium, watchPage } from '../e2e/browser.ts';
import { readerPageHtml } from '../e2e/reader-page.ts';
import { startStaticOrigin, type StaticOrigin } from '../e2e/static-origin.ts';
import { PIN_COOKIE } from './nginx-proxy.ts';
import { connectReader, request, type ReaderSocket } from './reader-client.ts';
import { startRestartableRedis, type RestartableRedis } from './restartable-redis.ts';
import { startServersBehindNginx, type ServersBehindNginx } from './servers-behind-nginx.ts';
import { recordSocketUpstreams, type SocketUpstreams } from './socket-upstream.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const WAIT = 5_000;
/** How long a reader's catching up may take after a fault is over (a reconnect, a resync), for a loaded CI machine. */
export const CATCH_UP = 15_000;

export interface ShownComment {
  id: string;
  text: string;
  /** The like count as shown ("1 like"). */
  likes: string;
}

export interface StoredView {
  id: string;
  text: string;
  likes: number;
}

export interface Posted {
  text: string;
  ok: boolean;
  code: string | null;
  /** When the answer came (ms since the epoch). */
  at: number;
  server: number;
}

export interface Load {
  /** Every answer so far, in the order they came. */
  readonly results: Posted[];
  /** Stops every poster after its current post and resolves with every answer. */
  stop(): Promise<Posted[]>;
}

export interface FaultsHarness {
  readonly redis: RestartableRedis;
  readonly servers: ServersBehindNginx;
  /** A reader in Chromium on the customer's page for thread `pageId`, its context pinned to server `i` through the proxy. */
  readerPage(name: string, i: number, pageId: string): Promise<{ context: BrowserContext; page: Page; upstreams: SocketUpstreams }>;
  /** A reader straight on server `i`'s port, as nginx would reach it. */
  readerOn(i: number, token?: string): Promise<ReaderSocket>;
  create(socket: ReaderSocket, page: string, text: string): Promise<Result<CommentCreated>>;
  /** The thread as the store holds it, every page of it, newest first, read through server `i`. */
  stored(i: number, page: string): Promise<StoredView[]>;
  /** Posters posting one comment after another to their server until stopped, `pauseMs` between two posts of one poster. */
  startLoad(posters: { socket: ReaderSocket; server: number }[], page: string, label: string, pauseMs?: number): Load;
  /** Waits until the widget shows what the store holds: the same comments, each once, in the same order. */
  expectShowsStore(page: Page, pageId: string, through?: number): Promise<void>;
  /** Page errors and CSP violations, by page name. */
  readonly problems: Map<string, string[]>;
}

/** The top-level comments the widget shows, in the order shown (newest first). */
export function shown(page: Page): Promise<ShownComment[]> {
  return page.evaluate(() =>
    [...(document.querySelector('rembuk-thread')?.shadowRoot?.querySelectorAll('ol.list > li.comment') ?? [])].map((li) => ({
      id: li.getAttribute('data-id') ?? '',
      text: li.querySelector(':scope > .text')?.textContent ?? '',
      likes: li.querySelector(':scope > [part="tools"] [part="like-count"]')?.textContent ?? '',
    })),
  );
}

/** Resolves once the widget shows a comment with this text. */
export async function showsText(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      [...(document.querySelector('rembuk-thread')?.shadowRoot?.querySelectorAll('ol.list > li.comment > .text') ?? [])].some(
        (t) => t.textContent === wanted,
      ),
    text,
    { timeout },
  );
}

export function useFaultsHarness(): FaultsHarness {
  let redis: RestartableRedis | undefined;
  let servers: ServersBehindNginx | undefined;
  let site: StaticOrigin | undefined;
  let browser: Browser | undefined;
  let tmp: string | undefined;
  const contexts: BrowserContext[] = [];
  const sockets: ReaderSocket[] = [];
  const problems = new Map<string, string[]>();
  let keys = 0;

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start`);
    return value;
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/embed.js')))
      execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['widget/build.ts'], { cwd: ROOT, stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'rembuk-faults-'));
    [redis, site, browser] = await Promise.all([startRestartableRedis(), startStaticOrigin(), launchChromium()]);
    const sitesFile = join(tmp, 'sites.json');
    // Load from a few authors, fast: the per-author pacing and duplicate rules are not what these tests are about.
    writeFileSync(
      sitesFile,
      JSON.stringify({
        sites: [{ id: 'demo', name: 'Faults', origins: [site.origin], moderation: { velocity: { enabled: false }, duplicate: { enabled: false } } }],
      }),
    );
    servers = await startServersBehindNginx({
      redisUrl: redis.url,
      env: { SITES_FILE: sitesFile, RATE_LIMIT_POSTS_PER_MINUTE: '0', MAX_SOCKETS_PER_ADDRESS: '1000' },
    });
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const context of contexts.reverse()) await context.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
    await servers?.stop();
    await redis?.cleanup();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 30_000);

  const readerOn = async (i: number, token?: string): Promise<ReaderSocket> => {
    const s = need(servers, 'the servers').servers[i];
    if (!s) throw new Error(`no server ${i}`);
    const socket = await connectReader(s.url, { origin: need(site, 'the customer site').origin, ...(token ? { token } : {}) });
    sockets.push(socket);
    return socket;
  };

  const create = (socket: ReaderSocket, page: string, text: string) => {
    keys += 1;
    return request(socket, 'comment:create', { page, text, authorName: 'Beban', key: `faults-${keys}-${Date.now()}` });
  };

  const stored = async (i: number, page: string): Promise<StoredView[]> => {
    const socket = await readerOn(i);
    try {
      const joined = await request(socket, 'thread:join', { page });
      if (!joined.ok) throw new Error(joined.error.message);
      const all = [...joined.data.comments];
      let cursor = joined.data.nextCursor;
      while (cursor !== null) {
        const more = await request(socket, 'thread:more', { page, cursor });
        // A long thread's pages outrun the socket's request budget: wait as told, as the widget does.
        if (!more.ok && more.error.code === 'RATE_LIMITED') {
          await new Promise((r) => setTimeout(r, more.error.retryAfterMs ?? 1_000));
          continue;
        }
        if (!more.ok) throw new Error(more.error.message);
        all.push(...more.data.comments);
        cursor = more.data.nextCursor;
      }
      return all.map((c) => ({ id: c.id, text: c.text, likes: c.likes }));
    } finally {
      socket.disconnect();
    }
  };

  return {
    get redis() {
      return need(redis, 'redis-server');
    },
    get servers() {
      return need(servers, 'the servers');
    },
    problems,
    readerOn,
    create,
    stored,
    async readerPage(name, i, pageId) {
      const origin = need(site, 'the customer site');
      const behind = need(servers, 'the servers');
      const path = `/artikel${pageId}`;
      origin.setHtml(readerPageHtml({ server: behind.publicUrl, site: 'demo', page: pageId }), path);
      const context = await need(browser, 'Chromium').newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      await context.addCookies([{ name: PIN_COOKIE, value: String(i), url: behind.publicUrl }]);
      const page = await context.newPage();
      problems.set(name, watchPage(page));
      const upstreams = await recordSocketUpstreams(page);
      await page.goto(`${origin.origin}${path}`);
      await page.locator('rembuk-thread [part="empty"], rembuk-thread [part="list"]').first().waitFor({ timeout: WAIT });
      await expect.poll(() => upstreams.last(), { timeout: WAIT }).toBe(behind.addresses[i]);
      return { context, page, upstreams };
    },
    startLoad(posters, page, label, pauseMs = 60) {
      const results: Posted[] = [];
      let running = true;
      const loops = posters.map(async ({ socket, server }, p) => {
        // A poster whose socket is gone (its server was killed) stops.
        for (let n = 1; running && socket.connected; n += 1) {
          const text = `${label} ${p + 1}.${n}`;
          try {
            const answer = await create(socket, page, text);
            results.push({ text, ok: answer.ok, code: answer.ok ? null : answer.error.code, at: Date.now(), server });
          } catch {
            results.push({ text, ok: false, code: 'NO_ACK', at: Date.now(), server });
          }
          await new Promise((r) => setTimeout(r, pauseMs));
        }
      });
      return {
        results,
        async stop() {
          running = false;
          await Promise.all(loops);
          return results;
        },
      };
    },
    async expectShowsStore(page, pageId, through = 1) {
      const truth = await stored(through, pageId);
      await expect.poll(async () => (await shown(page)).map((c) => c.id), { timeout: CATCH_UP }).toEqual(truth.map((c) => c.id));
      const now = await shown(page);
      expect(now.map((c) => c.text)).toEqual(truth.map((c) => c.text));
      expect(new Set(now.map((c) => c.id)).size).toBe(now.length);
    },
  };
}
