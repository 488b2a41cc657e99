/**
 * The moderators' side end to end: the real server (server/main.ts as a child process,
 * embedded store, demo on, a SITES_FILE whose policy holds the suspect word "tambang"), the
 * built dist (embed.js and dist/moderate), two moderators made with the admin command, and
 * Chromium. Reader A has the demo article open twice (one context, pages A1 and A2), reader B
 * once; moderators M1 and M2 sign in through the console's form, each in a context of their own.
 * The tests share these pages and run in order: each step starts where the last one ended.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { axeViolations } from './axe.ts';
import { launchChromium, watchPage } from './browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The longest any one step may wait; live changes take well under a second in practice. */
const WAIT = 5_000;
/** What a live change (a broadcast reaching an open page) is allowed, for a loaded CI machine. */
const LIVE = 2_500;

const M1 = { email: 'ana@situsenergi.example', password: 'kata-sandi-ana-12345' };
const M2 = { email: 'budi@situsenergi.example', password: 'kata-sandi-budi-12345' };
const HELD = 'Harga tambang nikel naik lagi, siapa yang untung?';
const CLEAN = 'Semoga hilirisasi membawa manfaat bagi daerah.';

let browser: Browser;
let server: ChildServer;
let tmp: string;
let a1: Page;
let a2: Page;
let b: Page;
let m1: Page;
let m2: Page;
/** The held comment's id, read from A1 once it is posted. */
let heldId = '';
const contexts: BrowserContext[] = [];
/** Problems seen on each page, by the page's name. */
const problems = new Map<string, string[]>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One comment in the reader widget, found by its exact text (comments render as text). */
function commentItem(page: Page, text: string) {
  return page.locator('rembuk-thread .comment').filter({ has: page.locator('.text').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) }) });
}

/** One item in the console's open queue. */
function queueItem(page: Page, id: string) {
  return page.locator(`article[data-id="${id}"]`);
}

function pendingTab(page: Page, n: number) {
  return page.getByRole('tab', { name: `Pending (${n === 1 ? '1 comment' : `${n} comments`})`, exact: true });
}

async function newPage(context: BrowserContext, name: string, url: string, { console: strict = false } = {}): Promise<Page> {
  const page = await context.newPage();
  const seen = watchPage(page);
  if (strict) {
    // The console's own errors too; a signed-out browser's 401 on GET /session is logged by
    // Chromium as a failed resource, and that is the console working, not failing.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && !/Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
  }
  problems.set(name, seen);
  await page.goto(url);
  return page;
}

async function newContext(locale: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  contexts.push(context);
  return context;
}

/** Resolves once the widget shows a thread (empty or not). */
async function threadReady(page: Page): Promise<void> {
  await page.locator('rembuk-thread [part="empty"], rembuk-thread [part="list"]').first().waitFor({ timeout: WAIT });
}

async function post(page: Page, name: string, text: string): Promise<void> {
  // A1 and A2 are tabs of one browser window: the one typed in is the one in front (a tab
  // behind gets its animation frames throttled, which stalls the click's stability check).
  await page.bringToFront();
  const thread = page.locator('rembuk-thread');
  await thread.locator('input[name="authorName"]').fill(name);
  await thread.locator('textarea').fill(text);
  await thread.locator('button[type="submit"]').click();
  await commentItem(page, text).waitFor({ timeout: WAIT });
  // The composer clears once the server has acknowledged.
  await page.waitForFunction(() => document.querySelector('rembuk-thread')?.shadowRoot?.querySelector('textarea')?.value === '', undefined, {
    timeout: WAIT,
  });
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The data-id of the element focused inside the queues page (j/k move it there). */
function focusedItemId(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() =>
    document.querySelector('rembuk-moderate')?.shadowRoot?.querySelector('moderate-queues')?.shadowRoot?.activeElement?.getAttribute('data-id'),
  );
}

/** `npm run admin -- moderator add`, the password on standard input, against the server's DATA_DIR. */
function addModerator(dataDir: string, account: { email: string; password: string }): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'server/admin/main.ts'), 'moderator', 'add', '--email', account.email, '--site', 'demo'],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`moderator add ${account.email} exited with ${code}:\n${output}`))));
    child.stdin.end(`${account.password}\n`);
  });
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/moderate/index.html')) || !existsSync(join(ROOT, 'dist/embed.js'))) {
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['widget/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  tmp = mkdtempSync(join(tmpdir(), 'rembuk-moderation-e2e-'));
  const dataDir = join(tmp, 'data');
  const sitesFile = join(tmp, 'sites.json');
  // The demo site (its origins are the server's own, learnt once it listens) with a suspect word, so a comment is held with a span.
  writeFileSync(sitesFile, JSON.stringify({ sites: [{ id: 'demo', name: 'SitusEnergi (demo)', moderation: { words: { suspect: ['tambang'] } } }] }));
  // One after the other: the first opens (and lays out) the new data directory.
  const accounts = addModerator(dataDir, M1).then(() => addModerator(dataDir, M2));
  [browser] = await Promise.all([launchChromium(), accounts]);
  // Every browser here comes from 127.0.0.1, so the per-address post limit would count them all as one.
  server = await startChildServer({ dataDir, env: { SITES_FILE: sitesFile, DEMO: 'true', RATE_LIMIT_POSTS_PER_MINUTE: '1000' } });
}, 30_000);

afterAll(async () => {
  for (const context of contexts.reverse()) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('moderating a held comment live, in Chromium', () => {
  it('opens the article for reader A twice and reader B once, and both consoles signed in on Pending', async () => {
    const readerA = await newContext('id-ID');
    const readerB = await newContext('id-ID');
    const mod1 = await newContext('en-GB');
    const mod2 = await newContext('en-GB');
    [a1, a2, b, m1, m2] = await Promise.all([
      newPage(readerA, 'A1', `${server.url}/`),
      newPage(readerA, 'A2', `${server.url}/`),
      newPage(readerB, 'B', `${server.url}/`),
      newPage(mod1, 'M1', `${server.url}/moderate`, { console: true }),
      newPage(mod2, 'M2', `${server.url}/moderate`, { console: true }),
    ]);
    await Promise.all([threadReady(a1), threadReady(a2), threadReady(b)]);

    await m1.getByRole('heading', { name: 'Sign in to moderate' }).waitFor({ timeout: WAIT });
    expect(await axeViolations(m1)).toEqual([]);
    await Promise.all([signIn(m1, M1), signIn(m2, M2)]);
    for (const [page, account] of [
      [m1, M1],
      [m2, M2],
    ] as const) {
      await pendingTab(page, 0).waitFor({ timeout: WAIT });
      expect(await pendingTab(page, 0).getAttribute('aria-selected')).toBe('true');
      expect(await page.getByText(`Signed in as ${account.email}`).count()).toBe(1);
      await page.getByText('Nothing here. New comments appear as they arrive.').waitFor({ timeout: WAIT });
    }
  });

  it('holds A’s comment: awaiting review on A1, absent on B', async () => {
    await post(a1, 'Sari', HELD);
    const held = commentItem(a1, HELD);
    expect(await held.getAttribute('data-status')).toBe('pending');
    expect(await held.locator('[part="pending-badge"]').textContent()).toMatch(/^Menunggu moderasi/);
    heldId = (await held.getAttribute('data-id')) ?? '';
    expect(heldId).not.toBe('');

    // A later published comment reaches B, so a broadcast of the held one would have come before it.
    await post(a1, 'Sari', CLEAN);
    await commentItem(b, CLEAN).waitFor({ timeout: LIVE });
    expect(await commentItem(b, HELD).count()).toBe(0);
    // A's other tab may show its own held comment only as awaiting review, never as published.
    expect(await commentItem(a2, HELD).and(a2.locator('[data-status="published"]')).count()).toBe(0);
  });

  it('puts it in both consoles’ Pending live, with its reason and the suspect word marked', async () => {
    for (const page of [m1, m2]) {
      await queueItem(page, heldId).waitFor({ timeout: LIVE });
      await pendingTab(page, 1).waitFor({ timeout: LIVE });
      const item = queueItem(page, heldId);
      expect(await item.locator('.text').innerText()).toBe(HELD);
      expect(await item.locator('mark').allInnerTexts()).toEqual(['tambang']);
      expect(await item.locator('.reasons li[data-rule="suspect-word"]').innerText()).toContain('The comment contains words this site reviews first');
      expect(await item.locator('h3').innerText()).toBe('Sari');
    }
    expect(await axeViolations(m2)).toEqual([]);
  });

  it('approves it from M1’s keyboard (j, a): it appears on B and A2, turns published on A1, and leaves M2’s Pending', async () => {
    await m1.locator('body').click({ position: { x: 2, y: 2 } });
    await m1.keyboard.press('j');
    await expect.poll(() => focusedItemId(m1), { timeout: WAIT }).toBe(heldId);
    await m1.keyboard.press('a');

    await m1.getByRole('status').filter({ hasText: 'Approved.' }).waitFor({ timeout: WAIT });
    await commentItem(b, HELD).waitFor({ timeout: LIVE });
    await expect.poll(() => commentItem(a2, HELD).getAttribute('data-status'), { timeout: LIVE }).toBe('published');
    await expect.poll(() => commentItem(a1, HELD).getAttribute('data-status'), { timeout: LIVE }).toBe('published');
    expect(await commentItem(a1, HELD).locator('[part="pending-badge"]').count()).toBe(0);
    for (const page of [a1, a2, b]) expect(await commentItem(page, HELD).count()).toBe(1);
    // In order: the held comment was written first, so it sits below the clean one (newest first).
    expect(await b.locator('rembuk-thread .comment .text').allTextContents()).toEqual([CLEAN, HELD]);

    await expect.poll(() => queueItem(m2, heldId).count(), { timeout: LIVE }).toBe(0);
    await pendingTab(m2, 0).waitFor({ timeout: LIVE });
    await pendingTab(m1, 0).waitFor({ timeout: LIVE });
    expect(await queueItem(m1, heldId).count()).toBe(0);
  });

  it('rejects it from M1’s Approved queue (4, j, r and a reason): it leaves B’s and A2’s pages', async () => {
    await m1.keyboard.press('4');
    await expect.poll(() => m1.getByRole('tab', { name: /^Approved/ }).getAttribute('aria-selected'), { timeout: WAIT }).toBe('true');
    await queueItem(m1, heldId).waitFor({ timeout: WAIT });
    await m1.keyboard.press('j');
    await expect.poll(() => focusedItemId(m1), { timeout: WAIT }).toBe(heldId);
    await m1.keyboard.press('r');
    const dialog = m1.getByRole('dialog', { name: 'Reject comment' });
    await dialog.waitFor({ timeout: WAIT });
    await dialog.getByLabel('Off topic').check();
    await dialog.getByRole('button', { name: 'Reject' }).click();

    await m1.getByRole('status').filter({ hasText: 'Rejected.' }).waitFor({ timeout: WAIT });
    for (const page of [b, a2, a1]) await expect.poll(() => commentItem(page, HELD).count(), { timeout: LIVE }).toBe(0);
    expect(await commentItem(b, CLEAN).count()).toBe(1);
    await m2.getByRole('tab', { name: 'Rejected (1 comment)', exact: true }).waitFor({ timeout: LIVE });
  });

  it('passes axe with the keys dialog open (?)', async () => {
    await m1.locator('body').click({ position: { x: 2, y: 2 } });
    await m1.keyboard.press('?');
    const keys = m1.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await keys.waitFor({ timeout: WAIT });
    expect(await axeViolations(m1)).toEqual([]);
    await m1.keyboard.press('Escape');
    await keys.waitFor({ state: 'hidden', timeout: WAIT });
  });

  it('saw no page error and no CSP violation on any page', () => {
    expect(Object.fromEntries(problems)).toEqual({ A1: [], A2: [], B: [], M1: [], M2: [] });
  });
});
