/**
 * Component test: `<rembuk-thread>` built from the current source, in real Chromium, against
 * a scripted Socket.IO server that can put it in every state (loading, empty, comments, a
 * held comment, errors, a long comment, a closed thread, a conversation with replies, marks and
 * a tombstone, the reply, edit and delete forms, a verified reader, a lost connection with a
 * comment waiting, a refusal). Every part the class documents must render, visibly, in at least one
 * of them; axe-core finds nothing wrong with the busiest state in the light and dark themes.
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
import { publicComment, replyFields } from '../../protocol/comment-fixtures.ts';
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentCreated, Viewer } from '../../protocol/events.ts';
import { axeViolations } from '../../test/e2e/axe.ts';
import { launchChromium } from '../../test/e2e/browser.ts';
import { parseWidgetApi } from '../docs/widget-api.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** What the scripted avatar host answers. */
const AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="#0b5cad"/></svg>';
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
  return publicComment(id, Date.now() - 60_000, { page: '/full', authorId: 'someone', text: `Komentar ${id}`, ...over });
}

const anonymous: Viewer = { authorId: 'me', token: 'tok', kind: 'anonymous', name: null, avatarUrl: null, ssoError: null };

function snapshot(page: string, comments: PublicComment[], nextCursor: string | null = null, replies: PublicComment[] = []) {
  return {
    ok: true,
    data: {
      page,
      sort: 'newest',
      comments,
      replies,
      liked: [] as string[],
      nextCursor,
      count: comments.length + replies.length,
      seq: 0,
      mine: [] as CommentCreated[],
      closed: false,
      editWindowMinutes: 15,
      viewer: anonymous,
    },
  };
}

/** A reply to `parent`, in its conversation. */
function reply(id: string, parent: PublicComment, over: Partial<PublicComment> = {}): PublicComment {
  return comment(id, { ...replyFields(parent), ...over });
}

/**
 * A conversation with every kind of comment: an SSO author with an avatar, a moderator's
 * edited reply, a reply whose parent is gone, a tombstone with a reply, the viewer's own comment,
 * and one reply more than the page carried.
 */
const talkRoot = comment('r', { page: '/talk', authorName: 'Budi', authorKind: 'sso', avatarUrl: 'https://avatars.example/budi.svg', replyCount: 3 });
const tomb = comment('x', { page: '/talk', authorName: '', text: '', status: 'deleted', replyCount: 1, createdAt: Date.now() - 120_000 });
const talk = {
  comments: [comment('own', { page: '/talk', authorId: 'me', authorName: 'Saya', createdAt: Date.now() - 30_000 }), talkRoot, tomb],
  replies: [
    reply('r1', talkRoot, { authorName: 'Moderator Sari', authorKind: 'moderator', editedAt: Date.now() - 10_000 }),
    reply('r2', talkRoot, { parentId: 'r9', replyTo: 'Hilang', authorName: 'Ani' }),
    reply('x1', tomb, { authorName: 'Wati', replyTo: 'Joko' }),
  ],
};

/** The thread the reporting test reads: two comments of others, one of the viewer's own. */
const reportPage = [
  comment('r2', { page: '/report', authorName: 'Budi', createdAt: Date.now() - 30_000 }),
  comment('own', { page: '/report', authorId: 'me', authorName: 'Saya', createdAt: Date.now() - 40_000 }),
  comment('r1', { page: '/report', authorName: 'Ani', createdAt: Date.now() - 50_000 }),
];
/** What the server was sent with comment:report. */
const reports: unknown[] = [];

/** Over 600 characters, in paragraphs, with formatting and a link. */
const LONG = [
  '**Hilirisasi** nikel sudah berjalan, tetapi *manfaatnya* belum merata.',
  `Menurut laporan di https://situsenergi.com/berita/hilirisasi, ${'produksi naik tajam sementara upah tetap. '.repeat(12)}`,
  'Paragraf terakhir yang hanya terlihat setelah dibuka: `selesai`.',
].join('\n\n');

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
    const lang = url.searchParams.get('lang') ?? 'en';
    // `?closed` and `?theme=dark` become the element's attributes; `?lang=none` leaves the page without one.
    const attrs = `${url.searchParams.has('closed') ? ' closed' : ''}${url.searchParams.has('theme') ? ` theme="${url.searchParams.get('theme')}"` : ''}`;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html${lang === 'none' ? '' : ` lang="${lang}"`}><head><title>Parts</title></head><body><main><h1>Artikel</h1>` +
          `<rembuk-thread site="${site}" page="${url.pathname}"${attrs}></rembuk-thread></main><script src="/embed.js"></script></body></html>`,
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
      if (page === '/long') return ack(snapshot(page, [comment('long', { page, authorName: 'Rina', text: LONG })]));
      if (page === '/held') {
        // After a reload: the viewer's held comment comes in `mine`, without its reasons.
        const r = snapshot(page, []);
        r.data.mine = [{ comment: comment('h1', { page, authorId: 'me', authorName: 'Saya', status: 'pending' }), reasons: [] }];
        return ack(r);
      }
      if (page === '/held-why') {
        // After a reload the snapshot says again why the viewer's comment waits.
        const r = snapshot(page, []);
        const reasons = [{ rule: 'links', message: { en: 'Contains a link.', id: 'Berisi tautan.' } }];
        r.data.mine = [{ comment: comment('h2', { page, authorId: 'me', authorName: 'Saya', status: 'pending', parentId: null }), reasons }];
        return ack(r);
      }
      if (page === '/talk') {
        const r = snapshot(page, talk.comments, null, talk.replies);
        r.data.count = 5;
        r.data.viewer = { ...anonymous, ssoError: { code: 'SSO_INVALID', message: 'Token expired.' } };
        return ack(r);
      }
      if (page === '/window') {
        // The viewer's own comment, 1.5 s before the end of its 15-minute edit window.
        return ack(snapshot(page, [comment('w', { page, authorId: 'me', authorName: 'Saya', createdAt: Date.now() - 15 * 60_000 + 1_500 })]));
      }
      if (page === '/sso') {
        const r = snapshot(page, [comment('s1', { page })]);
        r.data.viewer = { ...anonymous, authorId: 'sso:7', kind: 'sso', name: 'Ani Lestari', avatarUrl: 'https://avatars.example/ani.svg' };
        return ack(r);
      }
      ack(page === '/full' ? snapshot(page, [comment('c1')], 'older') : snapshot(page, []));
    });
    socket.on('thread:resync', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, data: { events: [], seq: 0, reset: false } }));
    socket.on('thread:more', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Store down.' } }));
    socket.on('comment:react', (p: { id: string; like: boolean }, ack: (r: unknown) => void) => {
      if (p.id === 'x1') return ack({ ok: false, error: { code: 'NOT_FOUND', message: 'No such comment.' } });
      ack({ ok: true, data: { likes: p.like ? 1 : 0, liked: p.like } });
    });
    socket.on('comment:delete', (_p: unknown, ack: (r: unknown) => void) =>
      ack({ ok: false, error: { code: 'INTERNAL', message: 'Store failed.' } }),
    );
    socket.on('thread:replies', (p: { page: string; rootId: string }, ack: (r: unknown) => void) => {
      const more = reply('r3', talkRoot, { authorName: 'Dewi', text: 'Balasan yang dimuat kemudian.', createdAt: Date.now() - 5_000 });
      ack({ ok: true, data: { rootId: p.rootId, replies: [more], liked: [], nextCursor: null } });
    });
    socket.on('comment:report', (p: { id: string; note?: string }, ack: (r: unknown) => void) => {
      reports.push(p);
      if (p.id === 'r2') return ack({ ok: false, error: { code: 'NOT_FOUND', message: 'No such comment.' } });
      ack({ ok: true, data: { first: p.note !== 'lagi' } });
    });
    socket.on('comment:create', (p: { text: string; authorName: string; page: string }, ack: (r: unknown) => void) => {
      if (p.page === '/closed') return ack({ ok: false, error: { code: 'THREAD_CLOSED', message: 'Comments on this article are closed.' } });
      if (p.authorName === 'Redaksi') {
        return ack({ ok: false, error: { code: 'NAME_RESERVED', message: 'That name is reserved.', field: 'authorName', reason: 'invalid' } });
      }
      const held = comment('mine', {
        page: p.page,
        authorId: 'me',
        authorName: p.authorName,
        text: p.text,
        status: 'pending',
        createdAt: Date.now(),
      });
      const reasons = [
        { rule: 'links', message: { en: 'Contains a link.', id: 'Berisi tautan.' } },
        { rule: 'new-author', message: { en: 'First comment from a new reader', id: 'Komentar pertama pembaca baru' } },
      ];
      // A slow answer, so the reader can type on while it is on its way.
      setTimeout(() => ack({ ok: true, data: { comment: held, reasons } }), p.text.startsWith('Lambat') ? 400 : 0);
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
    await thread.locator('input[name="authorName"]').fill('B'.repeat(61));
    await thread.locator('[part="name-counter"]', { hasText: 'A name can be at most 60 characters. 61 / 60' }).waitFor({ timeout: WAIT });
    expect(await thread.locator('[part="post-button"]').isDisabled()).toBe(true);
    await record('a name over the limit');
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

    await page.goto(`${origin}/long`);
    await thread.locator('[part="show-more"]').waitFor({ timeout: WAIT });
    await record('a long comment, collapsed');

    await page.goto(`${origin}/closed?closed`);
    await thread.locator('[part="closed"]').waitFor({ timeout: WAIT });
    await record('a closed thread');

    await context.route('https://avatars.example/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: AVATAR }));
    await page.goto(`${origin}/talk`);
    await thread.locator('[part="tombstone"]').waitFor({ timeout: WAIT });
    await record('a conversation');
    await thread.locator('li[data-id="x1"] [part="like-button"]').click();
    await thread.locator('[part="action-error"]', { hasText: 'That comment no longer exists.' }).waitFor({ timeout: WAIT });
    await record('a like refused');
    await thread.locator('li[data-id="r"] > [part="tools"] [part="reply-button"]').click();
    await thread.locator('[part="reply-name"]').fill('');
    await thread.locator('[part="reply-send"]').click();
    await thread.locator('[part="reply-error"]', { hasText: 'Please enter your name.' }).waitFor({ timeout: WAIT });
    await record('a reply without a name');
    await page.keyboard.press('Escape');
    await thread.locator('[part="reply-form"]').waitFor({ state: 'detached', timeout: WAIT });
    await thread.locator('[part="edit-button"]').click();
    await thread.locator('[part="edit-textarea"]').fill(' ');
    await thread.locator('[part="edit-send"]').click();
    await thread.locator('[part="edit-error"]', { hasText: 'Please write a comment first.' }).waitFor({ timeout: WAIT });
    await record('an empty edit');
    await page.keyboard.press('Escape');
    await thread.locator('[part="delete-button"]').click();
    await thread.locator('[part="delete-yes"]').click();
    await thread.locator('[part="delete-error"]', { hasText: 'Something went wrong on the server.' }).waitFor({ timeout: WAIT });
    await record('a delete that failed');

    await page.goto(`${origin}/sso`);
    await thread.locator('[part="identity"]', { hasText: 'Commenting as Ani Lestari' }).waitFor({ timeout: WAIT });
    await record('a verified reader');

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

  it('keeps the composer focused and what was typed while posting, and counts the held comment apart', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/full`);
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part~="comment"]').first().waitFor({ timeout: WAIT });
    await thread.locator('[part="heading"]', { hasText: '1 comment' }).waitFor({ timeout: WAIT });

    // Each field is labelled by its own words (the text field's label once read "Your name Your comment").
    expect(await thread.getByLabel('Your comment', { exact: true }).count()).toBe(1);
    expect(await thread.getByLabel('Your name', { exact: true }).count()).toBe(1);

    // The button says how to post from the keyboard, and the text field does too.
    const hintId = await thread.locator('[part="shortcut"]').getAttribute('id');
    expect(await thread.locator('[part="shortcut"]').textContent()).toBe('Ctrl+Enter to post');
    expect(await thread.locator('[part="post-button"]').getAttribute('aria-describedby')).toBe(hintId);
    expect(await thread.locator('textarea').getAttribute('aria-describedby')).toContain(hintId ?? '-');

    await thread.locator('input[name="authorName"]').fill('Budi');
    await thread.locator('textarea').fill('Lambat sampainya.');
    await thread.locator('[part="post-button"]').click();
    // The click focused the button, which is disabled while sending: the keyboard is back in the text field.
    const focused = () => page.evaluate(() => document.querySelector('rembuk-thread')?.shadowRoot?.activeElement?.getAttribute('part') ?? '');
    await expect.poll(focused).toBe('textarea');
    await page.keyboard.type('\n\nDan satu lagi.');
    await thread.locator('[part~="comment-pending"]').waitFor({ timeout: WAIT });
    expect(await thread.locator('textarea').inputValue()).toBe('Dan satu lagi.');
    expect(await focused()).toBe('textarea');

    // The author sees their held comment, so the heading counts it, apart from the published ones.
    expect(await thread.locator('[part="heading"]').textContent()).toContain('1 comment (+1 of yours awaiting review)');
    // Two reasons, each a sentence: no ".;".
    expect(await thread.locator('[part="pending-reason"]').textContent()).toBe('Reasons: Contains a link. First comment from a new reader.');
    await context.close();
  });

  it('says why a held comment waits after a reload, when the snapshot no longer says why', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/held`);
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part~="comment-pending"]').waitFor({ timeout: WAIT });
    expect(await thread.locator('[part="pending-reason"]').textContent()).toBe('A moderator will look at it before others can see it.');
    expect(await thread.locator('[part="heading"]').textContent()).toContain('0 comments (+1 of yours awaiting review)');
    await page.goto(`${origin}/held-why`);
    await thread.locator('[part="pending-reason"]', { hasText: 'Reason: Contains a link.' }).waitFor({ timeout: WAIT });
    await context.close();
  });

  it(
    'shows a conversation nested, tombstoned and "replying to", and lets a keyboard reader reply, like and sign out',
    { timeout: 30_000 },
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await context.route('https://avatars.example/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: AVATAR }));
      await page.goto(`${origin}/talk`);
      const thread = page.locator('rembuk-thread');
      await thread.locator('[part="tombstone"]').waitFor({ timeout: WAIT });
      const focused = () => page.evaluate(() => document.querySelector('rembuk-thread')?.shadowRoot?.activeElement?.outerHTML ?? '');

      // The tombstone keeps its reply in place; the reply whose parent is gone says whom it answers.
      expect(await thread.locator('li[data-id="x"] [part="tombstone"]').textContent()).toBe('This comment was deleted.');
      expect(await thread.locator('li[data-id="x"] li[data-id="x1"]').count()).toBe(1);
      expect(await thread.locator('li[data-id="r2"] [part="replying-to"]').textContent()).toBe('replying to Hilang');
      expect(await thread.locator('li[data-id="r1"] [part="replying-to"]').count()).toBe(0);
      expect(await thread.locator('li[data-id="r"] [part="verified-badge"]').first().textContent()).toContain('verified');
      expect(await thread.locator('li[data-id="r1"] [part="moderator-badge"]').textContent()).toBe('Moderator');
      expect(await thread.locator('li[data-id="r"] [part="avatar"]').first().getAttribute('src')).toBe('https://avatars.example/budi.svg');
      // The heading counts the thread, replies included, as the server does; a conversation says how many replies it has.
      expect(await thread.locator('[part="heading"]').textContent()).toBe('5 comments');
      expect(await thread.locator('li[data-id="r"] > .meta [part="reply-count"]').textContent()).toBe('· 3 replies');
      expect(await thread.locator('li[data-id="r1"] [part="reply-count"]').count()).toBe(0);
      expect(await thread.locator('[part="sso-notice"]').textContent()).toBe(
        'Your sign-in could not be confirmed, so you are commenting as a guest.',
      );

      // Reply: the form opens with the keyboard in it; Escape closes it and gives the focus back.
      const replyButton = thread.locator('li[data-id="r"] > [part="tools"] [part="reply-button"]');
      expect(await replyButton.getAttribute('aria-label')).toBe('Reply to Budi');
      await replyButton.focus();
      await page.keyboard.press('Enter');
      await expect.poll(focused).toContain('part="reply-textarea"');
      expect(await replyButton.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      await thread.locator('[part="reply-form"]').waitFor({ state: 'detached', timeout: WAIT });
      await expect.poll(focused).toContain('data-for="r"');

      // Like: pressed, with the count from the answer.
      const like = thread.locator('li[data-id="r"] > [part="tools"] [part="like-button"]');
      expect(await like.getAttribute('aria-pressed')).toBe('false');
      await like.click();
      await thread.locator('li[data-id="r"] > [part="tools"] [part="like-button"][aria-pressed="true"]').waitFor({ timeout: WAIT });
      expect(await thread.locator('li[data-id="r"] > [part="tools"] [part="like-count"]').textContent()).toBe('1 like');

      // More replies than the page carried: one more, loaded on request.
      await thread.locator('[part="more-replies"]', { hasText: 'Show 1 more reply' }).click();
      await thread.locator('li[data-id="r3"]').waitFor({ timeout: WAIT });
      expect(await thread.locator('[part="more-replies"]').count()).toBe(0);

      // A verified reader has no name field, and signing out is the page's to do.
      await page.goto(`${origin}/sso`);
      await thread.locator('[part="identity"]').waitFor({ timeout: WAIT });
      expect(await thread.locator('input[name="authorName"]').count()).toBe(0);
      expect(await thread.locator('[part="identity-avatar"]').getAttribute('alt')).toBe('Ani Lestari');
      await page.evaluate(() => document.addEventListener('rembuk-sign-out', () => document.body.setAttribute('data-signed-out', 'yes')));
      await thread.locator('[part="sign-out"]').click();
      expect(await page.locator('body').getAttribute('data-signed-out')).toBe('yes');
      await context.close();
      expect(errors).toEqual([]);
    },
  );

  it('says a reserved name under the name field, in the reader language, and puts the focus there', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/empty?lang=id`);
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part="empty"]').waitFor({ timeout: WAIT });
    await thread.locator('input[name="authorName"]').fill('Redaksi');
    await thread.locator('textarea').fill('Komentar dengan nama yang dicadangkan.');
    await thread.locator('[part="post-button"]').click();
    await thread.locator('[part="name-counter"]', { hasText: 'Nama itu dicadangkan di situs ini.' }).waitFor({ timeout: WAIT });
    expect(await thread.locator('[part="name-input"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.querySelector('rembuk-thread')?.shadowRoot?.activeElement?.getAttribute('part'))).toBe('name-input');
    expect(await thread.locator('textarea').inputValue()).toBe('Komentar dengan nama yang dicadangkan.');
    // Typing another name takes the sentence away.
    await thread.locator('input[name="authorName"]').fill('Budi');
    expect(await thread.locator('[part="name-input"]').getAttribute('aria-invalid')).toBe('false');
    await context.close();
  });

  it('offers editing only while the edit window lasts, and takes the button away when it closes', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/window`);
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part="edit-button"]').waitFor({ timeout: WAIT });
    await thread.locator('[part="edit-button"]').waitFor({ state: 'detached', timeout: WAIT });
    // Deleting stays possible at any time.
    expect(await thread.locator('[part="delete-button"]').count()).toBe(1);
    await context.close();
  });

  it('opens and closes a long comment from the keyboard', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/long`);
    const thread = page.locator('rembuk-thread');
    const more = thread.locator('[part="show-more"]');
    await more.waitFor({ timeout: WAIT });
    const text = thread.locator('[part="text"]');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await more.getAttribute('aria-controls')).toBe(await text.getAttribute('id'));
    expect(await text.textContent()).not.toContain('Paragraf terakhir');
    // The formatting is elements, the link a real one to its host.
    expect(await text.locator('strong').first().textContent()).toBe('Hilirisasi');
    expect(await text.locator('em').first().textContent()).toBe('manfaatnya');
    const link = text.locator('a[part="link"]');
    expect(await link.getAttribute('href')).toBe('https://situsenergi.com/berita/hilirisasi');
    expect(await link.getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(await link.textContent()).toBe('https://situsenergi.com/berita/hilirisasi');

    await more.focus();
    await page.keyboard.press('Enter');
    await thread.locator('[part="show-more"][aria-expanded="true"]', { hasText: 'Show less' }).waitFor({ timeout: WAIT });
    expect(await text.locator('p').count()).toBe(3);
    expect(await text.locator('code').textContent()).toBe('selesai');
    await page.keyboard.press(' ');
    await thread.locator('[part="show-more"][aria-expanded="false"]', { hasText: 'Show more' }).waitFor({ timeout: WAIT });
    await context.close();
  });

  it('shows a thread closed when a post is refused as closed, keeping the draft readable', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/closed`);
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part="empty"]').waitFor({ timeout: WAIT });
    await thread.locator('input[name="authorName"]').fill('Budi');
    await thread.locator('textarea').fill('Sudah ditutup?');
    await thread.locator('[part="post-button"]').click();
    await thread.locator('form [part="closed"]', { hasText: 'Comments are closed for this article.' }).waitFor({ timeout: WAIT });
    expect(await thread.locator('textarea').inputValue()).toBe('Sudah ditutup?');
    expect(await thread.locator('textarea').getAttribute('readonly')).not.toBeNull();
    expect(await thread.locator('[part="post-button"]').isDisabled()).toBe(true);
    expect(await thread.locator('form [part="error"]').textContent()).toBe('');
    await context.close();
  });

  it('announces a new comment from someone else politely, and leaves the focus where it is', { timeout: 30_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/full`);
    const thread = page.locator('rembuk-thread');
    await thread.locator('[part~="comment"]').first().waitFor({ timeout: WAIT });
    await thread.locator('textarea').focus();
    const live = thread.locator('.visually-hidden[role="status"]');
    expect(await live.textContent()).toBe('');
    const fresh = comment('fresh', { authorName: 'Dewi', text: 'Setuju dengan artikel ini.', createdAt: Date.now() });
    sockets.at(-1)?.emit('comment:created', { type: 'comment:created', page: '/full', seq: 1, comment: fresh, count: 2 });
    await live.filter({ hasText: 'New comment from Dewi: Setuju dengan artikel ini.' }).waitFor({ timeout: WAIT });
    expect(await page.evaluate(() => document.querySelector('rembuk-thread')?.shadowRoot?.activeElement?.getAttribute('part'))).toBe('textarea');
    await context.close();
  });

  it("speaks the browser's language when the page declares none", { timeout: 30_000 }, async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${origin}/empty?lang=none`);
    const thread = page.locator('rembuk-thread');
    await thread
      .locator('[part="empty"]', { hasText: 'Belum ada komentar. Jadilah yang pertama berkomentar lewat formulir di atas!' })
      .waitFor({ timeout: WAIT });
    expect(await thread.locator('[part="shortcut"]').textContent()).toBe('Ctrl+Enter untuk mengirim');
    await context.close();
  });

  const themes = [
    { name: 'light, from the system', colorScheme: 'light', query: '' },
    { name: 'dark, from the system', colorScheme: 'dark', query: '' },
    { name: 'dark, from the theme attribute on a light system', colorScheme: 'light', query: '?theme=dark' },
    { name: 'light, from the theme attribute on a dark system', colorScheme: 'dark', query: '?theme=light' },
  ] as const;

  it.each(themes)(
    'passes axe with a held comment, an error and the report form open, then in a conversation with a reply form ($name)',
    { timeout: 60_000 },
    async ({ colorScheme, query }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${origin}/long${query}`);
      const thread = page.locator('rembuk-thread');
      await thread.locator('[part="show-more"]').click();
      await thread.locator('input[name="authorName"]').fill('Budi');
      await thread.locator('textarea').fill('Lihat https://contoh.id');
      await thread.locator('[part="post-button"]').click();
      await thread.locator('[part~="comment-pending"]').waitFor({ timeout: WAIT });
      await thread.locator('input[name="authorName"]').fill('');
      await thread.locator('textarea').fill('Tanpa nama.');
      await thread.locator('[part="post-button"]').click();
      await thread.locator('form [part="error"]', { hasText: 'Please enter your name.' }).waitFor({ timeout: WAIT });
      await thread.locator('[part="report-button"]').click();
      await thread.locator('[part="report-send"]').click();
      await thread.locator('[part="report-error"]', { hasText: 'Please choose a reason first.' }).waitFor({ timeout: WAIT });
      // Empty the comment field, so the post button is disabled too.
      await thread.locator('textarea[name="text"]').fill('');
      expect(await thread.locator('[part="post-button"]').isDisabled()).toBe(true);

      expect(await axeViolations(page)).toEqual([]);
      // axe leaves disabled controls and non-text contrast out; the theme promises them too.
      for (const [selector, min] of [
        ['.post:disabled', 4.5],
        ['[part="pending-badge"]', 4.5],
        ['[part="pending-reason"]', 4.5],
        ['form [part="error"]', 4.5],
        ['[part="link"]', 4.5],
        ['[part="report-error"]', 4.5],
        ['[part="report-cancel"]', 4.5],
        ['[part="show-more"]', 4.5],
        ['[part="shortcut"]', 4.5],
      ] as const) {
        expect(await contrast(page, selector), selector).toBeGreaterThanOrEqual(min);
      }
      await thread.locator('[part="report-cancel"]').focus();
      expect(await contrast(page, '[part="report-cancel"]', 'outlineColor'), 'focus ring').toBeGreaterThanOrEqual(3);
      expect(await contrast(page, '[part="name-input"]', 'borderTopColor'), 'field border').toBeGreaterThanOrEqual(3);

      // A conversation: marks, tombstone, "replying to", the tools and an open reply form.
      await context.route('https://avatars.example/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: AVATAR }));
      await page.goto(`${origin}/talk${query}`);
      await thread.locator('li[data-id="r"] > [part="tools"] [part="reply-button"]').click();
      await thread.locator('[part="reply-form"]').waitFor({ timeout: WAIT });
      expect(await axeViolations(page)).toEqual([]);
      for (const selector of [
        '[part="verified-badge"]',
        '[part="moderator-badge"]',
        '[part="tombstone"]',
        '[part="replying-to"]',
        '[part="like-button"]',
        '[part="like-count"]',
        '[part="edited"]',
        '[part="more-replies"]',
        '[part="reply-count"]',
        '[part="reply-cancel"]',
        '[part="sort"]',
      ]) {
        expect(await contrast(page, selector), selector).toBeGreaterThanOrEqual(4.5);
      }
      await context.close();
    },
  );
});

/**
 * The contrast of one of the element's colours (its text colour by default) against what is
 * painted behind it: every background from the page down to it, blended as the browser does
 * (on a canvas, which also reads the color-mix() results computed styles give).
 */
function contrast(page: Page, selector: string, property: 'color' | 'outlineColor' | 'borderTopColor' = 'color'): Promise<number> {
  return page.evaluate(
    ([sel, prop]) => {
      const el = document.querySelector('rembuk-thread')?.shadowRoot?.querySelector(sel);
      if (!el) throw new Error(`nothing matches ${sel}`);
      const chain: Element[] = [];
      for (let n: Element | null = el; n;) {
        chain.unshift(n);
        const root = n.getRootNode();
        n = n.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
      }
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no canvas');
      const paint = (color: string) => {
        ctx.fillStyle = color;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data];
      };
      paint('#fff');
      // The element's own background counts for its text, not for a ring drawn outside it.
      let back: number[] = [];
      for (const n of prop === 'color' ? chain : chain.slice(0, -1)) back = paint(getComputedStyle(n).backgroundColor);
      const front = paint(getComputedStyle(el)[prop]);
      const lum = (d: number[]) => {
        const [r = 0, g = 0, b = 0] = d.slice(0, 3).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [hi = 0, lo = 0] = [lum(front), lum(back)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    },
    [selector, property] as const,
  );
}
