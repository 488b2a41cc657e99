/**
 * Component test: `<rembuk-thread>` built from the current source, in real Chromium, against
 * a scripted Socket.IO server that can put it in every state (loading, empty, comments, a
 * held comment, errors, a lost connection with a comment waiting, a refusal). Every part the
 * class documents must render, visibly, in at least one of them.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../protocol/comment.ts';
import { launchChromium } from '../../test/e2e/browser.ts';
import { parseWidgetApi } from '../docs/widget-api.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WAIT = 5_000;

let tmp: string;
let http: HttpServer;
let io: Server;
let origin: string;
let browser: Browser;
/** While true, handshakes are refused as UNAVAILABLE (the server is "starting"). */
let down = false;
const sockets: ServerSocket[] = [];

function comment(id: string, over: Partial<PublicComment> = {}): PublicComment {
  return {
    id,
    page: '/full',
    parentId: null,
    authorId: 'someone',
    authorName: 'Sari',
    text: `Komentar ${id}`,
    status: 'published',
    createdAt: Date.now() - 60_000,
    ...over,
  };
}

function snapshot(page: string, comments: PublicComment[], nextCursor: string | null = null) {
  return { ok: true, data: { page, comments, nextCursor, count: comments.length, seq: 0, mine: [], viewer: { authorId: 'me', token: 'tok' } } };
}

/** The thread the reporting test reads: two comments of others, one of the viewer's own. */
const reportPage = [
  comment('r2', { page: '/report', authorName: 'Budi', createdAt: Date.now() - 30_000 }),
  comment('own', { page: '/report', authorId: 'me', authorName: 'Saya', createdAt: Date.now() - 40_000 }),
  comment('r1', { page: '/report', authorName: 'Ani', createdAt: Date.now() - 50_000 }),
];
/** What the server was sent with comment:report. */
const reports: unknown[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rembuk-parts-'));
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: tmp, emptyOutDir: false, sourcemap: false },
  });
  const embed = readFileSync(join(tmp, 'embed.js'));
  http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/embed.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(embed);
    const site = url.searchParams.get('site') ?? 'demo';
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><title>Parts</title></head><body>` +
          `<rembuk-thread site="${site}" page="${url.pathname}"></rembuk-thread><script src="/embed.js"></script></body></html>`,
      );
  });
  io = new Server(http, { transports: ['websocket'] });
  io.use((socket, next) => {
    const site: unknown = socket.handshake.auth['site'];
    const refuse = (code: string, message: string) => next(Object.assign(new Error(message), { data: { code, message } }));
    if (site === 'refused') return refuse('ORIGIN_NOT_ALLOWED', 'Not on this origin.');
    if (down) return refuse('UNAVAILABLE', 'Starting up.');
    next();
  });
  io.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('thread:join', ({ page }: { page: string }, ack: (r: unknown) => void) => {
      if (page === '/loading') return; // never answered: the widget keeps loading
      if (page === '/report') return ack(snapshot(page, reportPage));
      ack(page === '/full' ? snapshot(page, [comment('c1')], 'older') : snapshot(page, []));
    });
    socket.on('thread:resync', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, data: { events: [], seq: 0, reset: false } }));
    socket.on('thread:more', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Store down.' } }));
    socket.on('comment:report', (p: { id: string; note?: string }, ack: (r: unknown) => void) => {
      reports.push(p);
      if (p.id === 'r2') return ack({ ok: false, error: { code: 'NOT_FOUND', message: 'No such comment.' } });
      ack({ ok: true, data: { first: p.note !== 'lagi' } });
    });
    socket.on('comment:create', (p: { text: string; authorName: string }, ack: (r: unknown) => void) => {
      const held = comment('mine', { authorId: 'me', authorName: p.authorName, text: p.text, status: 'pending', createdAt: Date.now() });
      ack({ ok: true, data: { comment: held, reasons: [{ rule: 'links', message: { en: 'Contains a link', id: 'Berisi tautan' } }] } });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (io ? void io.close(() => r()) : r()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The part names of every element the reader can see right now. */
function visibleParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('rembuk-thread')?.shadowRoot;
    return [...(root?.querySelectorAll('[part]') ?? [])].filter((el) => el.checkVisibility()).flatMap((el) => [...el.part]);
  });
}

describe('<rembuk-thread> in Chromium', () => {
  it('renders every documented part in some state', { timeout: 60_000 }, async () => {
    const documented = parseWidgetApi(readFileSync(join(ROOT, 'widget/thread/rembuk-thread.ts'), 'utf8'), 'RembukThread').parts.map((p) => p.name);
    const seen = new Map<string, string>();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const thread = page.locator('rembuk-thread');
    const record = async (state: string) => {
      for (const part of await visibleParts(page)) if (!seen.has(part)) seen.set(part, state);
    };

    await page.goto(`${origin}/loading`);
    await thread.locator('[part="loading"]').waitFor({ timeout: WAIT });
    await record('loading');

    await page.goto(`${origin}/empty`);
    await thread.locator('[part="empty"]').waitFor({ timeout: WAIT });
    await record('empty thread');

    await page.goto(`${origin}/full`);
    await thread.locator('[part~="comment"]').first().waitFor({ timeout: WAIT });
    await record('a comment');
    await thread.locator('[part="load-more"]').click();
    await thread.locator('[part="error"]', { hasText: 'temporarily unavailable' }).waitFor({ timeout: WAIT });
    await record('older comments failed');
    await thread.locator('input[name="authorName"]').fill('Budi');
    await thread.locator('textarea').fill('Lihat https://contoh.id');
    await thread.locator('button[type="submit"]').click();
    await thread.locator('[part~="comment-pending"]').waitFor({ timeout: WAIT });
    await record('a held comment');
    await thread.locator('input[name="authorName"]').fill('');
    await thread.locator('textarea').fill('Tanpa nama.');
    await thread.locator('button[type="submit"]').click();
    await thread.locator('form [part="error"]', { hasText: 'Please enter your name.' }).waitFor({ timeout: WAIT });
    await record('an error');

    await thread.locator('[part="report-button"]').click();
    await thread.locator('[part="report-form"]').waitFor({ timeout: WAIT });
    await record('the report form');
    await thread.locator('[part="report-send"]').click();
    await thread.locator('[part="report-error"]', { hasText: 'Please choose a reason first.' }).waitFor({ timeout: WAIT });
    await record('a report without a reason');
    await thread.locator('[part="report-choice"]', { hasText: 'Off topic' }).click();
    await thread.locator('[part="report-send"]').click();
    await thread.locator('[part="report-done"]', { hasText: 'Thanks — the moderators will take a look.' }).waitFor({ timeout: WAIT });
    await record('a report sent');

    // The moderator rejected the held comment posted above: it leaves, and the author is told.
    sockets.at(-1)?.emit('comment:status', { id: 'mine', page: '/full', status: 'rejected' });
    await thread.locator('[part="declined"]', { hasText: '“Lihat https://contoh.id” was not published' }).waitFor({ timeout: WAIT });
    await record('a held comment rejected');
    expect(await thread.locator('[part~="comment-pending"]').count()).toBe(0);
    await thread.locator('[part="declined-dismiss"]').click();
    await thread.locator('[part="declined"]').waitFor({ state: 'detached', timeout: WAIT });

    await page.goto(`${origin}/down`);
    await thread.locator('[part="empty"]').waitFor({ timeout: WAIT });
    down = true;
    for (const s of sockets.splice(0)) s.conn.close();
    await thread.locator('[part="notice"]', { hasText: 'Connection lost' }).waitFor({ timeout: WAIT });
    await thread.locator('input[name="authorName"]').fill('Wati');
    await thread.locator('textarea').fill('Menunggu koneksi.');
    await thread.locator('button[type="submit"]').click();
    await thread.locator('[part="queued"]', { hasText: 'when the connection is back' }).waitFor({ timeout: WAIT });
    await record('disconnected, a comment waiting');
    down = false;

    await page.goto(`${origin}/refused?site=refused`);
    await thread.locator('[part="unavailable-reason"]').waitFor({ timeout: WAIT });
    await record('unavailable');
    await context.close();

    expect(
      documented.filter((part) => !seen.has(part)),
      'documented parts never rendered',
    ).toEqual([]);
    expect(
      [...seen.keys()].filter((part) => !documented.includes(part)),
      'rendered parts not documented',
    ).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets a keyboard reader report a comment, and drops a comment the server deletes', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/report`);
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part~="comment"]').first().waitFor({ timeout: WAIT });
    const focused = () => page.evaluate(() => document.querySelector('rembuk-thread')?.shadowRoot?.activeElement?.outerHTML ?? '');

    // Every comment but the viewer's own has the control, named for whose comment it is.
    const buttons = thread.locator('[part="report-button"]');
    expect(await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual([
      'Report the comment by Budi',
      'Report the comment by Ani',
    ]);
    expect(await thread.locator('li[data-id="own"] [part="report-button"]').count()).toBe(0);

    const ani = thread.locator('li[data-id="r1"]');
    await ani.locator('[part="report-button"]').focus();
    await page.keyboard.press('Enter');
    await ani.locator('[part="report-form"]').waitFor({ timeout: WAIT });
    expect(await ani.locator('[part="report-button"]').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(focused).toContain('value="spam"');
    await page.keyboard.press('Escape');
    await ani.locator('[part="report-form"]').waitFor({ state: 'detached', timeout: WAIT });
    await expect.poll(focused).toContain('data-report="r1"');

    await page.keyboard.press('Enter');
    await expect.poll(focused).toContain('value="spam"');
    await page.keyboard.press('ArrowDown'); // abuse
    await page.keyboard.press('Tab'); // the note
    await page.keyboard.type('lagi');
    await page.keyboard.press('Tab'); // cancel
    await page.keyboard.press('Tab'); // send
    await page.keyboard.press('Enter');
    await ani.locator('[part="report-done"]', { hasText: 'You have already reported this comment.' }).waitFor({ timeout: WAIT });
    await expect.poll(focused).toContain('data-report-done="r1"');
    expect(reports.at(-1)).toEqual({ id: 'r1', reason: 'abuse', note: 'lagi', page: '/report' });

    // An error answer says its code's sentence, in the form, which stays open to try again.
    const budi = thread.locator('li[data-id="r2"]');
    await budi.locator('[part="report-button"]').click();
    await budi.locator('[part="report-choice"]', { hasText: 'Spam' }).click();
    await budi.locator('[part="report-send"]').click();
    await budi.locator('[part="report-error"]', { hasText: 'That comment no longer exists.' }).waitFor({ timeout: WAIT });
    expect(await budi.locator('[part="report-form"]').count()).toBe(1);

    // The server takes Budi's comment out of the thread (a moderator rejected it): it goes, with the count.
    for (const s of sockets) s.emit('comment:deleted', { type: 'comment:deleted', page: '/report', seq: 1, id: 'r2', count: 2 });
    await budi.waitFor({ state: 'detached', timeout: WAIT });
    await thread.locator('[part="heading"]', { hasText: '2 comments' }).waitFor({ timeout: WAIT });
    expect(await thread.locator('[part~="comment"]').count()).toBe(2);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('speaks Indonesian in the report form', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/report`);
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'id'));
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part="report-button"]', { hasText: 'Laporkan' }).first().click();
    await thread.locator('[part="report-legend"]', { hasText: 'Mengapa Anda melaporkan komentar ini?' }).waitFor({ timeout: WAIT });
    await thread.locator('[part="report-choice"]', { hasText: 'Tidak sesuai topik' }).click();
    await thread.locator('[part="report-send"]', { hasText: 'Kirim laporan' }).click();
    await thread.locator('[part="report-error"]', { hasText: 'Komentar itu sudah tidak ada.' }).waitFor({ timeout: WAIT });
    await thread.locator('[part="report-cancel"]', { hasText: 'Batal' }).click();
    const ani = thread.locator('li[data-id="r1"]');
    await ani.locator('[part="report-button"]').click();
    await ani.locator('[part="report-choice"]', { hasText: 'Spam atau iklan' }).click();
    await ani.locator('[part="report-send"]').click();
    await ani.locator('[part="report-done"]', { hasText: 'Terima kasih, moderator akan meninjaunya.' }).waitFor({ timeout: WAIT });
    await context.close();
  });
});
