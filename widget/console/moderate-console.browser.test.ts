/**
 * Component test: the console bundle built from the current source, in real Chromium, served
 * with the CSP the server sends (script-src 'self', no inline style), against a scripted
 * session endpoint and /moderation namespace. It signs in, works the queue with the keyboard,
 * sees items arrive and leave live, reads an ALREADY_DECIDED answer, opens every page, and
 * scans each state with axe-core.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Server, type Namespace } from 'socket.io';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../protocol/moderation.ts';
import { axeViolations } from '../../test/e2e/axe.ts';
import { launchChromium } from '../../test/e2e/browser.ts';
import { queueItem } from './queue-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

let tmp: string;
let http: HttpServer;
let io: Server;
let nsp: Namespace;
let origin: string;
let browser: Browser;
let signedIn = false;
let pending: QueueItem[] = [];
const decisions: unknown[] = [];

const counts = () => ({ pending: pending.length, reported: 1, rejected: 0, approved: 3 });
const session = { email: 'ana@news.example', role: 'moderator', sites: [{ id: 'demo', name: 'Demo News' }], expiresAt: Date.now() + 86_400_000 };

function seed(): QueueItem[] {
  return [
    queueItem('c1', {
      comment: { text: 'Dasar bodoh, beli di http://spam.example', authorName: 'Sari', createdAt: Date.now() - 120_000 },
      reasons: [
        {
          rule: 'suspect-words',
          action: 'hold',
          message: { en: 'Contains a suspect word', id: 'Mengandung kata mencurigakan' },
          spans: [{ start: 6, end: 11 }],
        },
        { rule: 'links', action: 'hold', message: { en: 'Contains a link', id: 'Mengandung tautan' }, spans: [{ start: 21, end: 40 }] },
      ],
      reports: [{ reason: 'spam', note: 'iklan', at: Date.now() - 60_000 }],
      revision: 4,
    }),
    queueItem('c2', {
      comment: { text: 'Saya setuju dengan artikel ini', authorName: 'Budi', authorId: 'budi-1', parentId: 'p1' },
      parent: { id: 'p1', authorName: 'Rina', text: 'Harga listrik naik lagi?' },
      author: { trusted: true },
    }),
    queueItem('c-taken', { comment: { text: 'Sudah diputuskan orang lain', authorName: 'Dewi', authorId: 'dewi-1' } }),
  ];
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rembuk-console-'));
  await build({ configFile: join(ROOT, 'vite.console.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true, sourcemap: false } });
  http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/moderate/api/session') {
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'GET')
        return signedIn ? send(200, { ok: true, data: session }) : send(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'no' } });
      if (req.method === 'DELETE') {
        signedIn = false;
        return send(200, { ok: true, data: {} });
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { password } = JSON.parse(body) as { password: string };
        if (password === 'slow') return send(429, { ok: false, error: { code: 'RATE_LIMITED', message: 'wait', retryAfterMs: 90_000 } });
        if (password !== 'right') return send(401, { ok: false, error: { code: 'SIGN_IN_FAILED', message: 'Wrong email or password.' } });
        signedIn = true;
        send(200, { ok: true, data: session });
      });
      return;
    }
    if (url.pathname === '/moderate' || url.pathname === '/moderate/') {
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP })
        .end(readFileSync(join(tmp, 'index.html')));
    }
    if (url.pathname.startsWith('/moderate/assets/') && extname(url.pathname) === '.js') {
      try {
        const file = readFileSync(join(tmp, 'assets', url.pathname.slice('/moderate/assets/'.length).replace(/[^\w.-]/g, '')));
        return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(file);
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404).end();
  });
  io = new Server(http, { transports: ['websocket'] });
  nsp = io.of('/moderation');
  nsp.use((socket, next) => {
    if (!signedIn) return next(Object.assign(new Error('sign in'), { data: { code: 'UNAUTHENTICATED', message: 'sign in' } }));
    if (socket.handshake.auth['site'] !== 'demo') return next(Object.assign(new Error('no'), { data: { code: 'FORBIDDEN', message: 'no' } }));
    next();
  });
  nsp.on('connection', (socket) => {
    socket.on('queue:list', (req: { queue: string; search?: string }, ack: (r: unknown) => void) => {
      const items = req.queue === 'pending' ? pending.filter((i) => !req.search || i.comment.text.includes(req.search)) : [];
      ack({ ok: true, data: { items, nextCursor: null, counts: counts() } });
    });
    socket.on('queue:decide', (req: { id: string; revision: number; action: string }, ack: (r: unknown) => void) => {
      decisions.push(req);
      if (req.id === 'c-taken') {
        pending = pending.filter((i) => i.comment.id !== req.id);
        return ack({
          ok: false,
          error: {
            code: 'ALREADY_DECIDED',
            message: 'first',
            decided: { action: 'reject', by: 'budi@news.example', at: Date.now() - 180_000, reason: null },
          },
        });
      }
      const item = pending.find((i) => i.comment.id === req.id);
      pending = pending.filter((i) => i.comment.id !== req.id);
      ack({ ok: true, data: { item } });
      nsp.emit('queue:resolved', { queue: 'pending', id: req.id, page: '/berita/energi', decision: null });
      nsp.emit('queue:counts', counts());
    });
    socket.on('author:history', (req: { authorId: string }, ack: (r: unknown) => void) => {
      ack({
        ok: true,
        data: { author: pending[0]?.author ?? seed()[0]!.author, recent: pending.filter((i) => i.comment.authorId === req.authorId) },
      });
    });
    socket.on('policy:get', (_req: unknown, ack: (r: unknown) => void) =>
      ack({ ok: true, data: { policy: { suspect: ['bodoh'] }, updatedAt: null, updatedBy: null } }),
    );
    socket.on('policy:dry-run', (req: { policy: { suspect?: unknown } }, ack: (r: unknown) => void) => {
      if (!Array.isArray(req.policy.suspect))
        return ack({ ok: false, error: { code: 'INVALID_INPUT', message: 'must be a list', field: 'policy.suspect', reason: 'wrong_type' } });
      ack({
        ok: true,
        data: {
          examined: 120,
          changed: 1,
          examples: [{ comment: seed()[1]!.comment, before: 'publish', after: 'hold', reasons: seed()[0]!.reasons }],
        },
      });
    });
    socket.on('policy:save', (req: { policy: unknown }, ack: (r: unknown) => void) =>
      ack({ ok: true, data: { policy: req.policy, updatedAt: Date.now(), updatedBy: 'ana@news.example' } }),
    );
    socket.on('overview:get', (_req: unknown, ack: (r: unknown) => void) => {
      const days = Array.from({ length: 30 }, (_, i) => ({
        day: new Date(Date.UTC(2026, 10, 2 + i)).toISOString().slice(0, 10),
        published: (i * 7) % 11,
        held: i % 4,
        rejected: i % 3 === 0 ? 1 : 0,
        approvedByModerator: i % 2,
        rejectedByModerator: 0,
      }));
      ack({ ok: true, data: { days, topRules: [{ rule: 'links', count: 12 }] } });
    });
    socket.on('audit:list', (_req: unknown, ack: (r: unknown) => void) =>
      ack({
        ok: true,
        data: {
          entries: [
            {
              id: 'a1',
              at: Date.now() - 3_600_000,
              site: 'demo',
              moderatorId: 'm1',
              moderatorEmail: 'ana@news.example',
              action: 'reject',
              target: { commentId: 'c9', page: '/berita/energi', authorId: 'x' },
              reason: 'Spam',
              before: 'pending',
              after: 'rejected',
            },
          ],
          nextCursor: null,
        },
      }),
    );
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await io?.close();
  rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  signedIn = false;
  pending = seed();
  decisions.length = 0;
});

async function openConsole(lang = 'en-GB'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: lang });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (m) => {
    // A refused sign-in is a 401 the browser logs; what counts is an error of the page's own, or a CSP violation.
    if ((m.type() === 'error' && !m.text().startsWith('Failed to load resource')) || /Content Security Policy/i.test(m.text()))
      problems.push(m.text());
  });
  await page.goto(`${origin}/moderate`);
  return { page, problems };
}

async function signIn(page: Page, password = 'right'): Promise<void> {
  await page.getByLabel('Email').fill('ana@news.example');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const item = (page: Page, id: string) => page.locator(`article[data-id="${id}"]`);

describe('the moderation console in Chromium', () => {
  it('signs in with one generic message for a wrong password, shows a rate limit’s wait, and passes axe', async () => {
    const { page, problems } = await openConsole();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to moderate' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page, 'wrong');
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('That email and password do not match an account.');
    await signIn(page, 'slow');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^Too many sign-in attempts\. Try again in 1 minute (29|30) seconds\.$/);
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows each item with its spans marked, reasons, reports, parent and author, and passes axe', async () => {
    signedIn = true;
    const { page, problems } = await openConsole();
    await expect.poll(() => item(page, 'c1').count()).toBe(1);
    expect(await item(page, 'c1').locator('mark').allInnerTexts()).toEqual(['bodoh', 'http://spam.example']);
    expect(await item(page, 'c1').innerText()).toContain('Contains a suspect word');
    expect(await item(page, 'c1').innerText()).toContain('Spam: iklan');
    expect(await item(page, 'c2').innerText()).toContain('In reply to Rina');
    expect(await item(page, 'c2').innerText()).toContain('Trusted');
    expect(await item(page, 'c1').getByRole('link', { name: '/berita/energi' }).getAttribute('href')).toBe('https://news.example/berita/energi');
    expect(await page.getByRole('tab', { name: 'Pending (3 comments)' }).getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works from the keyboard: j moves, a approves with the revision, x selects, ? shows the keys; not while typing', async () => {
    signedIn = true;
    const { page, problems } = await openConsole();
    await expect.poll(() => item(page, 'c1').count()).toBe(1);
    await page.getByLabel('Author or text').fill('a');
    await page.keyboard.press('a');
    expect(decisions).toEqual([]);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('j');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('rembuk-moderate')?.shadowRoot?.querySelector('moderate-queues')?.shadowRoot?.activeElement?.getAttribute('data-id'),
        ),
      )
      .toBe('c2');
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    await expect.poll(() => item(page, 'c1').count()).toBe(0);
    expect(decisions).toEqual([{ page: '/berita/energi', id: 'c1', revision: 4, action: 'approve', reason: null }]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Approved.' }).count()).toBe(1);
    await page.keyboard.press('x');
    await expect.poll(() => page.getByText('1 selected', { exact: true }).count()).toBe(1);
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('4');
    await expect.poll(() => page.getByRole('tab', { name: /^Approved/ }).getAttribute('aria-selected')).toBe('true');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('rejects with a reason from the list, and says who decided first on ALREADY_DECIDED', async () => {
    signedIn = true;
    const { page } = await openConsole();
    await expect.poll(() => item(page, 'c-taken').count()).toBe(1);
    await item(page, 'c-taken').getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject comment' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Off topic').check();
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => page.getByText(/Already decided by budi@news\.example: rejected 3 minutes ago\./).count()).toBe(1);
    expect(decisions).toEqual([{ page: '/berita/energi', id: 'c-taken', revision: 1, action: 'reject', reason: 'Off topic' }]);
    expect(await item(page, 'c-taken').count()).toBe(0);
    await page.context().close();
  });

  it('inserts a comment held elsewhere at once, and drops one another moderator decided', async () => {
    signedIn = true;
    const { page } = await openConsole();
    await expect.poll(() => item(page, 'c1').count()).toBe(1);
    const fresh = queueItem('c-new', { comment: { text: 'Komentar baru masuk', authorName: 'Tono', authorId: 'tono' } });
    nsp.emit('queue:added', { queue: 'pending', item: fresh });
    nsp.emit('queue:counts', { ...counts(), pending: 4 });
    await expect.poll(() => page.locator('article[data-id]').first().getAttribute('data-id')).toBe('c-new');
    await expect.poll(() => page.getByRole('tab', { name: 'Pending (4 comments)' }).count()).toBe(1);
    nsp.emit('queue:resolved', { queue: 'pending', id: 'c2', page: '/berita/energi', decision: { action: 'approve', by: 'x', at: 1, reason: null } });
    await expect.poll(() => item(page, 'c2').count()).toBe(0);
    await page.context().close();
  });

  it('opens the policy, overview and audit pages in Indonesian, each passing axe', async () => {
    signedIn = true;
    const { page, problems } = await openConsole('id-ID');
    await expect.poll(() => item(page, 'c1').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');

    await page.getByRole('button', { name: 'Kebijakan' }).click();
    const editor = page.getByLabel('Kebijakan (JSON)');
    await expect.poll(() => editor.inputValue()).toContain('"bodoh"');
    expect(await page.getByRole('button', { name: 'Simpan' }).isDisabled()).toBe(true);
    await editor.fill('{"suspect": "bodoh"}');
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await expect.poll(() => page.locator('#policy-error').innerText()).toBe('Di policy.suspect: must be a list');
    await editor.fill('{"suspect": ["bodoh", "jelek"]}');
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await expect.poll(() => page.getByText('Dari 120 komentar terakhir, 1 akan diperlakukan berbeda.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Simpan' }).isDisabled()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await editor.fill('{"suspect": ["bodoh"]}');
    expect(await page.getByRole('button', { name: 'Simpan' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Ringkasan' }).click();
    await expect.poll(() => page.getByRole('img', { name: 'Komentar per hari, menurut hasil' }).count()).toBe(1);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(30);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Log audit' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'pending → rejected' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Ekspor JSON lines' }).getAttribute('href')).toBe('/moderate/api/audit.jsonl?site=demo');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Bahasa', exact: true }).selectOption('en');
    await expect.poll(() => page.getByRole('heading', { name: 'Audit log' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('goes back to sign-in when the session ends', async () => {
    signedIn = true;
    const { page } = await openConsole();
    await expect.poll(() => item(page, 'c1').count()).toBe(1);
    nsp.emit('session:ended', {});
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to moderate' }).count()).toBe(1);
    await page.context().close();
  });
});
