/**
 * The widget when the server says no for good, is not there, or goes away and comes back:
 * real servers (server/main.ts as a child process), the built dist/embed.js, and Chromium.
 * Each test starts what it needs, so stopping a server here disturbs no other test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { launchChromium } from './browser.ts';
import { startStaticOrigin, type StaticOrigin } from './static-origin.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EMBED = join(ROOT, 'dist/embed.js');
const WAIT = 5_000;

let browser: Browser;
let site: StaticOrigin;
let tmp: string;
const cleanups: Array<() => Promise<unknown>> = [];

/** A port nothing listens on: bound, then let go. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  return context.newPage();
}

function shadowText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => document.querySelector('rembuk-thread')?.shadowRoot?.querySelector(s)?.textContent ?? '', selector);
}

beforeAll(async () => {
  if (!existsSync(EMBED)) execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['widget/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  tmp = mkdtempSync(join(tmpdir(), 'rembuk-e2e-reconnect-'));
  [site, browser] = await Promise.all([startStaticOrigin(), launchChromium()]);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('reconnecting in Chromium', () => {
  it('shows why a malformed data-site is refused, and stops trying', async () => {
    const server = await startChildServer();
    cleanups.push(async () => {
      await server.stop();
      await server.cleanup();
    });
    site.setHtml(
      `<!doctype html><html lang="en"><head><title>Bad embed</title></head><body><rembuk-thread></rembuk-thread>` +
        `<script src="${server.url}/embed.js" data-site="Not a site!" async></script></body></html>`,
      '/salah-situs',
    );
    const page = await newPage();
    let handshakes = 0;
    page.on('websocket', () => handshakes++);
    await page.goto(`${site.origin}/salah-situs`);
    const reason = page.locator('rembuk-thread [part="unavailable-reason"]');
    await reason.waitFor({ timeout: WAIT });
    expect(await reason.textContent()).toBe('The embed code does not name a valid site: check its data-site attribute.');
    expect(await page.locator('rembuk-thread [part="unavailable"]').innerText()).toContain('Comments are not available on this site.');
    // Before, it tried again every 3 s for ever; nothing may follow the one refused handshake.
    await page.waitForTimeout(4_000);
    expect(handshakes).toBe(1);
  });

  it('says within 10 s that a server which is down cannot be reached', async () => {
    const port = await deadPort();
    const origin = `http://127.0.0.1:${port}`;
    site.setHtml(
      `<!doctype html><html lang="id"><head><title>Server down</title></head><body><rembuk-thread></rembuk-thread>` +
        `<script src="${origin}/embed.js" data-site="demo" async></script></body></html>`,
      '/server-mati',
    );
    const page = await newPage();
    // The browser's cache still has the widget; the server behind it is gone.
    await page.route(`${origin}/embed.js`, (route) => route.fulfill({ path: EMBED, contentType: 'text/javascript' }));
    const started = Date.now();
    await page.goto(`${site.origin}/server-mati`);
    await page.locator('rembuk-thread [part="notice"]', { hasText: 'Server komentar tidak dapat dihubungi' }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await shadowText(page, '[part="notice"]')).toBe('Server komentar tidak dapat dihubungi. Mencoba lagi…');
  });

  it('sends a comment typed while the server is down once, when it is back', { timeout: 90_000 }, async () => {
    const first = await startChildServer();
    let current: ChildServer = first;
    cleanups.push(async () => {
      await current.stop();
      await first.cleanup();
    });
    const { port } = new URL(first.url);
    const page = await newPage();
    let creates = 0;
    page.on('websocket', (ws) =>
      ws.on('framesent', (frame) => void (typeof frame.payload === 'string' && frame.payload.includes('"comment:create"') && creates++)),
    );
    await page.goto(`${first.url}/en`);
    await page.locator('rembuk-thread [part="empty"], rembuk-thread [part="list"]').first().waitFor({ timeout: WAIT });

    await first.stop();
    await page.locator('rembuk-thread [part="notice"]', { hasText: 'Connection lost' }).waitFor({ timeout: WAIT });
    const thread = page.locator('rembuk-thread');
    const text = 'Ditulis saat server mati, terkirim sesudahnya.';
    await thread.locator('input[name="authorName"]').fill('Wati');
    await thread.locator('textarea').fill(text);
    await thread.locator('button[type="submit"]').click();
    const queued = thread.locator('[part="queued"]');
    await queued.filter({ hasText: 'Your comment will be sent when the connection is back.' }).waitFor({ timeout: WAIT });
    // Longer than an ack's timeout: the comment must wait, not fail with "try posting again".
    await page.waitForTimeout(11_000);
    expect(await shadowText(page, 'form [part="error"]')).toBe('');
    expect(creates).toBe(0);

    current = await startChildServer({ dataDir: first.dataDir, env: { PORT: port } });
    // The backoff after about 15 s of outage waits at most 16 s before the next try.
    await thread.locator('.comment .text', { hasText: text }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('rembuk-thread')?.shadowRoot?.querySelector('textarea')?.value === '', undefined, {
      timeout: WAIT,
    });
    expect(await shadowText(page, '[part="queued"]')).toBe('');
    expect(await shadowText(page, 'form [part="error"]')).toBe('');
    expect(creates).toBe(1);

    await page.reload();
    await thread.locator('.comment .text', { hasText: text }).waitFor({ timeout: WAIT });
    expect(await thread.locator('.comment .text', { hasText: text }).count()).toBe(1);
  });
});
