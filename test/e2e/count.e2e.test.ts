/**
 * The demo byline's `<rembuk-count>` end to end: the real server (server/main.ts, embedded
 * store, child process), the built dist/count.js and Chromium. The count shows in the page's
 * language, beside the date in that language, and follows a post: at once when the tab is
 * shown again, and within the 30-second refresh on a tab left open.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { launchChromium } from './browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WAIT = 5_000;

let browser: Browser;
let server: ChildServer;
const cleanups: Array<() => Promise<unknown>> = [];

async function reader(url: string, beforeLoad?: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(`CSP: ${m.text()}`);
  });
  await beforeLoad?.(page);
  await page.goto(url);
  return { page, errors };
}

const bylineCount = (page: Page) => page.locator('.meta rembuk-count');

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/embed.js')) || !existsSync(join(ROOT, 'dist/count.js'))) {
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['widget/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  browser = await launchChromium();
  server = await startChildServer({ env: { RATE_LIMIT_POSTS_PER_MINUTE: '1000' } });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

describe('the demo byline in Chromium', () => {
  it('shows the date and the live comment count in the page’s language, and follows a post', async () => {
    const id = await reader(`${server.url}/`);
    // A tab left open: its clock is ours to move, so the 30-second refresh need not be waited for.
    const en = await reader(`${server.url}/en`, (page) => page.clock.install());
    await expect.poll(() => bylineCount(id.page).textContent(), { timeout: WAIT }).toBe('0 komentar');
    await expect.poll(() => bylineCount(en.page).textContent(), { timeout: WAIT }).toBe('0 comments');
    expect(await id.page.locator('.meta time').textContent()).toBe('11 Maret 2025');
    expect(await en.page.locator('.meta time').textContent()).toBe('March 11, 2025');

    const thread = id.page.locator('rembuk-thread');
    await thread.locator('input[name="authorName"]').fill('Sari');
    await thread.locator('textarea').fill('Hitungan di byline harus ikut berubah.');
    await thread.locator('button[type="submit"]').click();
    await thread.locator('.comment .text').filter({ hasText: 'Hitungan di byline harus ikut berubah.' }).waitFor({ timeout: WAIT });

    // The reader comes back to the tab: the count is fetched at once.
    await id.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => bylineCount(id.page).textContent(), { timeout: WAIT }).toBe('1 komentar');

    // The tab left open catches up on its next refresh.
    expect(await bylineCount(en.page).textContent()).toBe('0 comments');
    await en.page.clock.fastForward(30_000);
    await expect.poll(() => bylineCount(en.page).textContent(), { timeout: WAIT }).toBe('1 comment');
    expect([...id.errors, ...en.errors]).toEqual([]);
  });
});
