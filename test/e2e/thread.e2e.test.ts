/**
 * The reader's view end to end: the real server (server/main.ts, embedded store, child
 * process), the built dist/embed.js, and Chromium. The tests share one server and run in
 * order: the empty-state test comes first, before anything is posted on the demo article.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArticlePage } from '../../demo/article-page.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { launchChromium, openReader } from './browser.ts';
import { startStaticOrigin, type StaticOrigin } from './static-origin.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WAIT = 5_000;

let browser: Browser;
let server: ChildServer;
let allowedSite: StaticOrigin;
let strangerSite: StaticOrigin;
let tmp: string;
const cleanups: Array<() => Promise<unknown>> = [];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The rendered text of one comment, matched exactly (comments render as text, so this is literal). */
function commentText(page: Page, text: string) {
  return page.locator('rembuk-thread .comment .text').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });
}

/** The list item of one comment, found by its exact text. */
function commentItem(page: Page, text: string) {
  return page.locator('rembuk-thread .comment').filter({ has: page.locator('.text').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) }) });
}

async function commentTexts(page: Page): Promise<string[]> {
  return page.locator('rembuk-thread .comment .text').allTextContents();
}

/** Resolves once the widget shows a thread (empty or not). */
async function threadReady(page: Page): Promise<void> {
  await page.locator('rembuk-thread [part="empty"], rembuk-thread [part="list"]').first().waitFor({ timeout: WAIT });
}

async function post(page: Page, name: string, text: string): Promise<void> {
  const thread = page.locator('rembuk-thread');
  await thread.locator('input[name="authorName"]').fill(name);
  await thread.locator('textarea').fill(text);
  await thread.locator('button[type="submit"]').click();
  await commentText(page, text).waitFor({ timeout: WAIT });
  // The composer clears once the server has acknowledged.
  await page.waitForFunction(() => document.querySelector('rembuk-thread')?.shadowRoot?.querySelector('textarea')?.value === '', undefined, {
    timeout: WAIT,
  });
}

async function reader(url: string, viewport?: { width: number; height: number }) {
  const r = await openReader(browser, url, viewport);
  cleanups.push(() => r.context.close());
  return r;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/embed.js'))) {
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['widget/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  tmp = mkdtempSync(join(tmpdir(), 'rembuk-e2e-'));
  [allowedSite, strangerSite, browser] = await Promise.all([startStaticOrigin(), startStaticOrigin(), launchChromium()]);
  const sitesFile = join(tmp, 'sites.json');
  writeFileSync(sitesFile, JSON.stringify({ sites: [{ id: 'demo', name: 'Demo', origins: [allowedSite.origin] }] }));
  // Every browser here posts from 127.0.0.1, so the per-address post limit would count them all as one.
  server = await startChildServer({ env: { SITES_FILE: sitesFile, RATE_LIMIT_POSTS_PER_MINUTE: '1000' } });
  const page = (canonicalPath: string) => renderArticlePage({ lang: 'id', embedOrigin: server.url, site: 'demo', canonicalPath });
  allowedSite.setHtml(page('/lintas-asal/artikel-uji/'));
  strangerSite.setHtml(page('/situs-asing/artikel-uji/'));
  // A site that pastes only the script: the widget finds #comments and mounts itself there.
  allowedSite.setHtml(
    `<!doctype html><html lang="en"><head><title>Mount</title></head><body><p>Article.</p>` +
      `<div id="comments" lang="id"></div>` +
      `<script src="${server.url}/embed.js" data-site="demo" async></script></body></html>`,
    '/tanpa-elemen',
  );
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await browser?.close();
  await Promise.all([allowedSite?.close(), strangerSite?.close()]);
  await server?.stop();
  await server?.cleanup();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the demo article in Chromium', () => {
  it('speaks Indonesian at / and English at /en, starting from the empty state', async () => {
    const id = await reader(`${server.url}/`);
    const en = await reader(`${server.url}/en`);
    await Promise.all([threadReady(id.page), threadReady(en.page)]);
    expect(await id.page.locator('rembuk-thread [part="empty"]').textContent()).toBe(
      'Belum ada komentar. Jadilah yang pertama berkomentar lewat formulir di atas!',
    );
    expect(await en.page.locator('rembuk-thread [part="empty"]').textContent()).toBe('No comments yet. Be the first to comment, in the form above.');
    expect(await id.page.locator('rembuk-thread button[type="submit"]').innerText()).toBe('Kirim komentar');
    expect(await en.page.locator('rembuk-thread button[type="submit"]').innerText()).toBe('Post comment');
    expect(await id.page.locator('html').getAttribute('lang')).toBe('id');
    expect([...id.errors, ...en.errors]).toEqual([]);
  });

  it("shows A's comment on B without a reload, and after a reload it is still there", async () => {
    const a = await reader(`${server.url}/`);
    const b = await reader(`${server.url}/en`);
    await Promise.all([threadReady(a.page), threadReady(b.page)]);
    const text = 'Langkah bagus untuk hilirisasi nikel.\nSemoga berkelanjutan!';
    await post(a.page, 'Sari', text);
    // Within a second in practice; the allowance is for a loaded CI machine.
    await commentText(b.page, text).waitFor({ timeout: 2_500 });
    expect(await b.page.locator('rembuk-thread [part="heading"]').textContent()).toBe('1 comment');
    expect(await a.page.locator('rembuk-thread [part="heading"]').textContent()).toBe('1 komentar');

    await b.page.reload();
    await commentText(b.page, text).waitFor({ timeout: WAIT });
    expect((await commentTexts(b.page)).filter((t) => t === text)).toHaveLength(1);
    // Line breaks survive (white-space: pre-wrap renders the newline).
    const box = await commentText(b.page, text).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(30);
    // The name is remembered on A's device.
    await a.page.reload();
    await threadReady(a.page);
    expect(await a.page.locator('rembuk-thread input[name="authorName"]').inputValue()).toBe('Sari');
  });

  it('holds a profane comment: awaiting review for its author, never shown to anyone else', async () => {
    const a = await reader(`${server.url}/`);
    const b = await reader(`${server.url}/`);
    await Promise.all([threadReady(a.page), threadReady(b.page)]);
    const profane = 'you are a fucking idiot';
    await post(a.page, 'Budi', profane);
    const held = commentItem(a.page, profane);
    expect(await held.getAttribute('data-status', { timeout: WAIT })).toBe('pending');
    expect(await held.locator('[part="pending-badge"]').textContent({ timeout: WAIT })).toMatch(/^Menunggu moderasi/);

    // A later clean comment reaches B, so anything sent before it would have too.
    const clean = 'Komentar sopan sesudahnya.';
    await post(a.page, 'Budi', clean);
    await commentText(b.page, clean).waitFor({ timeout: WAIT });
    expect(await commentTexts(b.page)).not.toContain(profane);
    await b.page.reload();
    await commentText(b.page, clean).waitFor({ timeout: WAIT });
    expect(await commentTexts(b.page)).not.toContain(profane);

    // The author still sees it after a reload (the snapshot's `mine`).
    await a.page.reload();
    await commentText(a.page, profane).waitFor({ timeout: WAIT });
  });

  it('renders HTML in comments as literal text and runs none of it', async () => {
    const a = await reader(`${server.url}/`);
    const b = await reader(`${server.url}/`);
    await Promise.all([threadReady(a.page), threadReady(b.page)]);
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '<script>window.__pwned=1</script>';
    await post(a.page, 'Mallory <b>', img);
    await post(a.page, 'Mallory <b>', script);
    await commentText(b.page, script).waitFor({ timeout: WAIT });
    await commentText(b.page, img).waitFor({ timeout: WAIT });
    for (const page of [a.page, b.page]) {
      expect(await commentText(page, img).isVisible()).toBe(true);
      expect(await commentText(page, script).isVisible()).toBe(true);
      expect(await page.locator('rembuk-thread img, rembuk-thread .comment script').count()).toBe(0);
      expect(await page.locator('rembuk-thread [part="author"]').first().textContent()).toBe('Mallory <b>');
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
  });

  it('after a dropped connection shows exactly what it missed, in order, once', async () => {
    const a = await reader(`${server.url}/`);
    const b = await reader(`${server.url}/`);
    await Promise.all([threadReady(a.page), threadReady(b.page)]);
    const before = await commentTexts(b.page);

    await b.context.setOffline(true);
    await b.page.locator('rembuk-thread [part="notice"]', { hasText: 'Koneksi terputus' }).waitFor({ timeout: WAIT });
    const first = 'Terlewat satu.';
    const second = 'Terlewat dua.';
    await post(a.page, 'Rina', first);
    await post(a.page, 'Rina', second);
    expect(await commentTexts(b.page)).toEqual(before);

    await b.context.setOffline(false);
    await commentText(b.page, second).waitFor({ timeout: 10_000 });
    await commentText(b.page, first).waitFor({ timeout: WAIT });
    expect(await commentTexts(b.page)).toEqual([second, first, ...before]);
    expect(await b.page.locator('rembuk-thread [part="notice"]').textContent()).toBe('');
    expect(await b.page.locator('rembuk-thread [part="heading"]').textContent()).toBe(
      await a.page.locator('rembuk-thread [part="heading"]').textContent(),
    );

    // Back in the thread's room: the next comment arrives live again.
    const third = 'Sesudah tersambung lagi.';
    await post(a.page, 'Rina', third);
    await commentText(b.page, third).waitFor({ timeout: 2_500 });
    expect(await commentTexts(b.page)).toEqual([third, second, first, ...before]);
  });

  it('runs the demo under its CSP with no violation: script, styles, WebSocket and a post', async () => {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    // Recorded from the first script on, before the page's own: every violation, reported or not.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as { __cspViolations?: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
    });
    const response = await page.goto(`${server.url}/en`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await threadReady(page);
    await post(page, 'Csp', 'Posted under the page CSP.');
    // The page's own stylesheet applied (allowed by its hash): the brand colour is on the nav.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('nav') ?? document.body).backgroundColor)).toBe('rgb(200, 16, 46)');
    expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });

  it('works on a site origin the registry allows (cross-origin embed)', async () => {
    const a = await reader(`${allowedSite.origin}/berita/artikel`);
    const b = await reader(`${allowedSite.origin}/berita/artikel`);
    await Promise.all([threadReady(a.page), threadReady(b.page)]);
    const text = 'Dari situs mitra di asal lain.';
    await post(a.page, 'Tono', text);
    await commentText(b.page, text).waitFor({ timeout: 2_500 });
    expect(await a.page.locator('rembuk-thread .comment').count()).toBe(1);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('mounts itself into #comments when the page has no <rembuk-thread>, in the language of its nearest lang', async () => {
    const r = await reader(`${allowedSite.origin}/tanpa-elemen`);
    await threadReady(r.page);
    expect(await r.page.locator('#comments > rembuk-thread').count()).toBe(1);
    expect(await r.page.locator('rembuk-thread [part="empty"]').textContent()).toBe(
      'Belum ada komentar. Jadilah yang pertama berkomentar lewat formulir di atas!',
    );
  });

  it('shows a clear message instead of a thread on an origin the registry does not allow', async () => {
    const r = await reader(`${strangerSite.origin}/berita/artikel`);
    const unavailable = r.page.locator('rembuk-thread [part="unavailable"]');
    await unavailable.waitFor({ timeout: WAIT });
    expect(await unavailable.innerText()).toContain('Komentar tidak tersedia di situs ini.');
    expect(await unavailable.innerText()).toContain('Alamat web ini tidak diizinkan');
    expect(await r.page.locator('rembuk-thread textarea, rembuk-thread [part="list"], rembuk-thread [part="empty"]').count()).toBe(0);
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const a = await reader(`${server.url}/`, { width: 360, height: 780 });
    await threadReady(a.page);
    await post(
      a.page,
      'Nama yang cukup panjang untuk layar kecil sekali',
      `Tautan panjang: https://example.com/${'sangat-panjang-'.repeat(20)} ${'x'.repeat(120)}`,
    );
    const widths = await a.page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      thread: document.querySelector('rembuk-thread')?.scrollWidth ?? 0,
    }));
    expect(widths.doc).toBeLessThanOrEqual(360);
    expect(widths.body).toBeLessThanOrEqual(360);
    const shot = await a.page.screenshot({ fullPage: true, path: join(tmp, 'demo-360.png') });
    expect(shot.byteLength).toBeGreaterThan(10_000);
  });

  it('tells a reader who posts too fast one wait, counts it down, and keeps the button off until it is over', async () => {
    const a = await reader(`${server.url}/`);
    await threadReady(a.page);
    // The default policy lets an author post five comments a minute.
    for (let i = 1; i <= 5; i += 1) await post(a.page, 'Cepat', `Komentar cepat nomor ${i} tentang smelter.`);
    const thread = a.page.locator('rembuk-thread');
    await thread.locator('textarea').fill('Komentar keenam, terlalu cepat.');
    await thread.locator('button[type="submit"]').click();
    const error = thread.locator('form [part="error"]');
    const pattern = /^Anda mengirim terlalu cepat\. Anda dapat mengirim lagi dalam (\d+) detik\.$/;
    await a.page.waitForFunction(
      () => /dalam \d+ detik/.test(document.querySelector('rembuk-thread')?.shadowRoot?.querySelector('form [part="error"]')?.textContent ?? ''),
      undefined,
      { timeout: WAIT },
    );
    const first = Number(pattern.exec((await error.textContent()) ?? '')?.[1]);
    expect(first).toBeGreaterThan(40);
    expect(first).toBeLessThanOrEqual(60);
    expect(await thread.locator('button[type="submit"]').isDisabled()).toBe(true);
    await a.page.waitForTimeout(2_200);
    const later = Number(pattern.exec((await error.textContent()) ?? '')?.[1]);
    expect(later).toBeLessThan(first);
    expect(later).toBeGreaterThanOrEqual(first - 4);
  });
});
