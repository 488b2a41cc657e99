/**
 * Two real servers (server/main.ts as child processes) behind one real nginx whose round robin
 * has no stickiness: what one server does must reach readers and moderators on the other, and
 * the limits that protect a site must be one budget, not one per server. The same tests run
 * twice: on one Redis (REDIS_URL), and on a three-master Redis Cluster (REDIS_CLUSTER_URLS), both
 * AOF always; on the cluster a thread's keys, a site's queue keys and a limiter's key sit on
 * different nodes and the fan-out is the sharded adapter's, which one Redis never shows. In
 * Chromium through the proxy, each browser context pinned to a server by the test proxy's cookie
 * (checked with the upstream nginx names in the page's and the WebSocket's answers); the rate
 * limit, idempotency and ALREADY_DECIDED checks are real socket.io clients connected to each
 * server's own port, as nginx would reach it (X-Forwarded-For set, trusted from loopback). The
 * tests of one backend share its servers and run in order; both backends share one Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection, masterNodes } from '../../server/store/redis-connection.ts';
import { createRedisStore } from '../../server/store/redis-store.ts';
import type { CommentStore } from '../../server/store/types.ts';
import { connectConsole, ensureModerator, moderate, recordConsole, signIn, type ModeratorSocket } from '../support/moderator-client.ts';
import { DEWI_PASSWORD } from '../support/moderators.ts';
import { PIN_COOKIE, UPSTREAM_HEADER } from '../support/nginx-proxy.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';
import { deleteClusterKeys, startRedisCluster } from '../support/redis-cluster.ts';
import { startRestartableRedis } from '../support/restartable-redis.ts';
import { startServersBehindNginx, type ServersBehindNginx, type ServersRedis } from '../support/servers-behind-nginx.ts';
import { recordSocketUpstreams, type SocketUpstreams } from '../support/socket-upstream.ts';
import { launchChromium, watchPage } from './browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WAIT = 5_000;
/** What a live change may take crossing from one server to the other, for a loaded CI machine. */
const LIVE = 2_500;
/** Low, so the shared allowance is reached in a few posts; the browsers (all 127.0.0.1) post fewer than this in the whole file. */
const POSTS_PER_MINUTE = 4;
const HELD = 'Izin tambang di hulu sungai itu harus dibuka ke publik.';
const EKO = { id: 'mod-eko', email: 'eko@example.com' };

/** A Redis the two servers share, started for one run of the tests. */
interface Backend {
  name: string;
  /** How many masters hold its data. */
  masters: number;
  start(): Promise<RunningBackend>;
}

interface RunningBackend {
  redis: ServersRedis;
  /** Removes the keys under `prefix` where the Redis outlives the file. */
  forget(prefix: string): Promise<void>;
  stop(): Promise<void>;
}

const BACKENDS: Backend[] = [
  {
    name: 'one Redis',
    masters: 1,
    async start() {
      const redis = await startRestartableRedis();
      return { redis: { redisUrl: redis.url }, forget: async () => {}, stop: () => redis.cleanup() };
    },
  },
  {
    name: 'a three-master Redis Cluster',
    masters: 3,
    async start() {
      const cluster = await startRedisCluster();
      return {
        redis: { redisClusterUrls: cluster.urls },
        // A cluster named by REDIS_CLUSTER_URLS outlives the file (stop does nothing to it).
        forget: (prefix) => deleteClusterKeys(cluster.urls, prefix),
        stop: () => cluster.stop(),
      };
    },
  },
];

let browser: Browser;
const running = new Map<Backend, RunningBackend>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function commentItem(page: Page, text: string) {
  return page.locator('rembuk-thread .comment').filter({ has: page.locator('.text').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) }) });
}

async function threadReady(page: Page): Promise<void> {
  await page.locator('rembuk-thread [part="empty"], rembuk-thread [part="list"]').first().waitFor({ timeout: WAIT });
}

async function post(page: Page, name: string, text: string): Promise<void> {
  const thread = page.locator('rembuk-thread');
  await thread.locator('input[name="authorName"]').fill(name);
  await thread.locator('textarea').fill(text);
  await thread.locator('button[type="submit"]').click();
  await commentItem(page, text).waitFor({ timeout: WAIT });
  await page.waitForFunction(() => document.querySelector('rembuk-thread')?.shadowRoot?.querySelector('textarea')?.value === '', undefined, {
    timeout: WAIT,
  });
}

/** Resolves once the page's WebSocket is up, and says which server it is on. */
async function socketServer(upstreams: SocketUpstreams): Promise<string | null> {
  await expect.poll(() => upstreams.last(), { timeout: WAIT }).not.toBeNull();
  return upstreams.last();
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/moderate/index.html')) || !existsSync(join(ROOT, 'dist/embed.js'))) {
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['widget/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  // Every backend at once, with Chromium: the cluster takes about 2 s to agree on its slots.
  const [launched] = await Promise.all([
    launchChromium(),
    ...BACKENDS.map(async (backend) => {
      running.set(backend, await backend.start());
    }),
  ]);
  browser = launched;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const backend of running.values()) await backend.stop();
}, 30_000);

describe.each(BACKENDS)('two servers on $name behind nginx', (backend) => {
  let servers: ServersBehindNginx;
  let store: CommentStore;
  let tmp: string;
  const contexts: BrowserContext[] = [];
  const sockets: { disconnect(): unknown }[] = [];
  const problems = new Map<string, string[]>();

  /** The readers of the first test, reused by the second: one on each server. */
  let onA: Page;
  let onB: Page;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'rembuk-several-'));
    const sitesFile = join(tmp, 'sites.json');
    // The demo site with a suspect word, so a comment is held for the moderators.
    writeFileSync(
      sitesFile,
      JSON.stringify({ sites: [{ id: 'demo', name: 'SitusEnergi (demo)', moderation: { words: { suspect: ['tambang'] } } }] }),
    );
    const redis = running.get(backend)?.redis;
    if (!redis) throw new Error(`${backend.name} did not start`);
    servers = await startServersBehindNginx({
      ...redis,
      env: { SITES_FILE: sitesFile, RATE_LIMIT_POSTS_PER_MINUTE: String(POSTS_PER_MINUTE) },
    });
    store = await createRedisStore({ ...servers.redis, prefix: servers.prefix });
    await ensureModerator(store);
    await ensureModerator(store, EKO);
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const context of contexts.reverse()) await context.close().catch(() => undefined);
    await store?.close();
    await servers?.stop();
    if (servers) await running.get(backend)?.forget(servers.prefix);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 30_000);

  /**
   * A browser context pinned to server `i` through the proxy, with one page at `path`: the page's
   * answer must come from that server, and so must the page's WebSocket (checked by the caller
   * once the page has connected, with the recorder returned).
   */
  async function pinnedPage(name: string, i: number, path: string, locale = 'id-ID'): Promise<{ page: Page; upstreams: SocketUpstreams }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    contexts.push(context);
    await context.addCookies([{ name: PIN_COOKIE, value: String(i), url: servers.publicUrl }]);
    const page = await context.newPage();
    problems.set(name, watchPage(page));
    const upstreams = await recordSocketUpstreams(page);
    const response = await page.goto(`${servers.publicUrl}${path}`);
    expect(response?.headers()[UPSTREAM_HEADER]).toBe(servers.addresses[i]);
    return { page, upstreams };
  }

  /** A reader connected straight to server `i`, from `address` as nginx would have said (X-Forwarded-For). */
  async function readerOn(i: number, address: string, token?: string): Promise<ReaderSocket> {
    const socket = await connectReader(server(i).url, {
      origin: servers.publicUrl,
      headers: { 'x-forwarded-for': address },
      ...(token ? { token } : {}),
    });
    sockets.push(socket);
    return socket;
  }

  /** A console signed in and connected straight to server `i`, from the public origin as the console page is. */
  async function consoleOn(i: number, email: string): Promise<ModeratorSocket> {
    const cookie = await signIn(server(i).url, { email, origin: servers.publicUrl });
    const socket = await connectConsole(server(i).url, { cookie, origin: servers.publicUrl });
    sockets.push(socket);
    return socket;
  }

  function server(i: number) {
    const s = servers.servers[i];
    if (!s) throw new Error(`no server ${i}`);
    return s;
  }

  /** Whether server `i` logged the creation of comment `id` (a duplicate is answered without the line). */
  function loggedCreated(i: number, id: string): boolean {
    return server(i).logs.some((l) => l['msg'] === 'comment created' && l['id'] === id);
  }

  /**
   * Resolves once server `i` has logged the creation of comment `id`. Polled: the server writes
   * its log asynchronously, so the line can reach the test after the ack or the live event does
   * (seen: the held comment on the author's page before B's line, 1 run of 6).
   */
  async function untilLoggedCreated(i: number, id: string): Promise<void> {
    await expect.poll(() => loggedCreated(i, id), { timeout: WAIT }).toBe(true);
  }

  it('shows a comment posted by a reader on server B, live, to a reader whose socket is on server A', async () => {
    const a = await pinnedPage('reader on A', 0, '/');
    const b = await pinnedPage('reader on B', 1, '/en', 'en-GB');
    [onA, onB] = [a.page, b.page];
    await Promise.all([threadReady(onA), threadReady(onB)]);
    expect(await socketServer(a.upstreams)).toBe(servers.addresses[0]);
    expect(await socketServer(b.upstreams)).toBe(servers.addresses[1]);

    const text = 'Ditulis lewat server B, dibaca di server A.';
    await post(onB, 'Sari', text);
    await commentItem(onA, text).waitFor({ timeout: LIVE });
    const id = (await commentItem(onA, text).getAttribute('data-id')) ?? '';
    // B stored it; A only passed on what Redis told it.
    await untilLoggedCreated(1, id);
    expect(loggedCreated(0, id)).toBe(false);
    expect(await onA.locator('rembuk-thread [part="heading"]').textContent()).toBe('1 komentar');
    expect(await onB.locator('rembuk-thread [part="heading"]').textContent()).toBe('1 comment');
  });

  it('takes a held comment posted on B to the console on A, and the decision made there back to the readers on B', async () => {
    const m = await pinnedPage('console on A', 0, '/moderate', 'en-GB');
    await m.page.getByLabel('Email').fill('dewi@example.com');
    await m.page.getByLabel('Password').fill(DEWI_PASSWORD);
    await m.page.getByRole('button', { name: 'Sign in' }).click();
    await m.page.getByRole('tab', { name: 'Pending (0 comments)', exact: true }).waitFor({ timeout: WAIT });
    expect(await socketServer(m.upstreams)).toBe(servers.addresses[0]);

    const author = await pinnedPage('author on B', 1, '/');
    await threadReady(author.page);
    expect(await socketServer(author.upstreams)).toBe(servers.addresses[1]);
    await post(author.page, 'Budi', HELD);
    expect(await commentItem(author.page, HELD).getAttribute('data-status')).toBe('pending');
    const id = (await commentItem(author.page, HELD).getAttribute('data-id')) ?? '';
    await untilLoggedCreated(1, id);

    const item = m.page.locator(`article[data-id="${id}"]`);
    await item.waitFor({ timeout: LIVE });
    await m.page.getByRole('tab', { name: 'Pending (1 comment)', exact: true }).waitFor({ timeout: LIVE });
    expect(await commentItem(onB, HELD).count()).toBe(0);

    await m.page.locator('body').click({ position: { x: 2, y: 2 } });
    await m.page.keyboard.press('j');
    await expect
      .poll(
        () =>
          m.page.evaluate(() =>
            document
              .querySelector('rembuk-moderate')
              ?.shadowRoot?.querySelector('moderate-queues')
              ?.shadowRoot?.activeElement?.getAttribute('data-id'),
          ),
        { timeout: WAIT },
      )
      .toBe(id);
    await m.page.keyboard.press('a');
    await m.page.getByRole('status').filter({ hasText: 'Approved.' }).waitFor({ timeout: WAIT });

    // Decided on A: the reader on B sees it appear, its author on B sees it published, and so does A's reader.
    await commentItem(onB, HELD).waitFor({ timeout: LIVE });
    await expect.poll(() => commentItem(author.page, HELD).getAttribute('data-status'), { timeout: LIVE }).toBe('published');
    await commentItem(onA, HELD).waitFor({ timeout: LIVE });
    for (const page of [onA, onB, author.page]) expect(await commentItem(page, HELD).count()).toBe(1);
  });

  it('counts posts from one address against one allowance on both servers: alternating A and B, the post over the limit is refused', async () => {
    const address = '203.0.113.41';
    const [onServerA, onServerB] = [await readerOn(0, address), await readerOn(1, address)];
    const page = '/batas-bersama';
    const results = [];
    for (let i = 0; i < POSTS_PER_MINUTE + 2; i += 1) {
      const socket = i % 2 === 0 ? onServerA : onServerB;
      results.push(
        await request(socket, 'comment:create', { page, text: `Komentar bergantian nomor ${i + 1}.`, authorName: 'Cepat', key: `shared-limit-${i}` }),
      );
    }
    // Four of six, two on each server: a limit per process would have let all six through.
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    for (const refused of results.slice(POSTS_PER_MINUTE)) {
      expect(!refused.ok && refused.error.retryAfterMs).toBeGreaterThan(30_000);
    }
    // The allowance is the address's, not the site's: another address still posts, on either server.
    const other = await readerOn(1, '203.0.113.42');
    expect((await request(other, 'comment:create', { page, text: 'Dari alamat lain.', authorName: 'Lain', key: 'limit-other' })).ok).toBe(true);
  });

  it('makes one comment of the same idempotency key sent to A and then to B', async () => {
    const address = '203.0.113.51';
    const first = await readerOn(0, address);
    const joined = await request(first, 'thread:join', { page: '/kunci-sama' });
    if (!joined.ok) throw new Error(joined.error.message);
    // The same author on the other server: the token A issued, which B must accept (same SECRET).
    const second = await readerOn(1, address, joined.data.viewer.token);
    const payload = { page: '/kunci-sama', text: 'Terkirim dua kali, tersimpan sekali.', authorName: 'Ulang', key: 'retry-after-lost-ack' };
    const onA = await request(first, 'comment:create', payload);
    const onB = await request(second, 'comment:create', payload);
    if (!onA.ok || !onB.ok) throw new Error(`a create failed: ${JSON.stringify([onA, onB])}`);
    expect(onB.data.comment).toEqual(onA.data.comment);
    await untilLoggedCreated(0, onA.data.comment.id);
    // B wrote no line for it, as far as the log can tell (a line of B's could still be on its way): the count below, from the store, is the proof.
    expect(loggedCreated(1, onA.data.comment.id)).toBe(false);
    const res = await fetch(`${servers.publicUrl}/api/v1/threads/demo/${encodeURIComponent('/kunci-sama')}`);
    const body = (await res.json()) as { data: { count: number; comments: { id: string }[] } };
    expect(body.data.count).toBe(1);
    expect(body.data.comments.map((c) => c.id)).toEqual([onA.data.comment.id]);
  });

  it('lets exactly one of two moderators, on A and on B, deciding the same comment at once win; the other hears ALREADY_DECIDED', async () => {
    const [dewi, eko] = [await consoleOn(0, 'dewi@example.com'), await consoleOn(1, EKO.email)];
    const [dewiEvents, ekoEvents] = [recordConsole(dewi), recordConsole(eko)];
    const author = await readerOn(1, '203.0.113.61');
    const page = '/putusan-bersamaan';
    for (let round = 0; round < 3; round += 1) {
      const posted = await request(author, 'comment:create', {
        page,
        text: `Soal tambang nomor ${round + 1}, tolong diperiksa.`,
        authorName: 'Penulis',
        key: `decide-${round}`,
      });
      if (!posted.ok) throw new Error(posted.error.message);
      const id = posted.data.comment.id;
      expect(posted.data.comment.status).toBe('pending');
      // Both consoles hear of it, the one on A from B through Redis.
      const [held] = await Promise.all([
        dewiEvents.until('queue:added', (e) => e.item.comment.id === id),
        ekoEvents.until('queue:added', (e) => e.item.comment.id === id),
      ]);
      const ref = { page, id, revision: held.item.revision };
      // Alternate who approves, so neither server wins by always being asked first.
      const [approver, rejecter] = round % 2 === 0 ? [dewi, eko] : [eko, dewi];
      const [approve, reject] = await Promise.all([
        moderate(approver, 'queue:decide', { ...ref, action: 'approve' }),
        moderate(rejecter, 'queue:decide', { ...ref, action: 'reject', reason: 'Spam' }),
      ]);
      const outcomes = [
        { who: approver === dewi ? 'dewi@example.com' : EKO.email, action: 'approve', result: approve },
        { who: rejecter === dewi ? 'dewi@example.com' : EKO.email, action: 'reject', result: reject },
      ];
      const winners = outcomes.filter((o) => o.result.ok);
      expect(winners, `round ${round}`).toHaveLength(1);
      const loser = outcomes.find((o) => !o.result.ok);
      const winner = winners[0];
      if (!loser || loser.result.ok || !winner) throw new Error('no loser');
      expect(loser.result.error.code).toBe('ALREADY_DECIDED');
      expect(loser.result.error.decided).toMatchObject({ action: winner.action, by: winner.who });
      const stored = await store.getComment('demo', page, id);
      expect(stored?.status).toBe(winner.action === 'approve' ? 'published' : 'rejected');
    }
  });

  it('saw no page error and no CSP violation on any page', () => {
    expect(Object.fromEntries(problems)).toEqual({ 'reader on A': [], 'reader on B': [], 'console on A': [], 'author on B': [] });
  });

  it('logged no warning and no error on either server: nothing fell back or failed on the way', () => {
    for (const s of servers.servers) expect(s.logs.filter((l) => Number(l['level']) >= 40).map((l) => l['msg'])).toEqual([]);
  });

  it('kept what the servers wrote on every master of their Redis: on the cluster, the tests above crossed nodes', async () => {
    const client = createRedisConnection(servers.redis);
    await client.connect();
    try {
      const keysPerMaster = [];
      for (const node of await masterNodes(client)) {
        let keys = 0;
        for await (const batch of node.scanIterator({ MATCH: `${servers.prefix}:*`, COUNT: 500 })) keys += batch.length;
        keysPerMaster.push(keys);
      }
      expect(keysPerMaster).toHaveLength(backend.masters);
      expect(
        keysPerMaster.every((n) => n > 0),
        `keys per master: ${keysPerMaster.join(', ')}`,
      ).toBe(true);
    } finally {
      await client.close();
    }
  });
});
