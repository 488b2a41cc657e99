/**
 * Issue 9's reader features end to end: the real server (server/main.ts as a child process,
 * embedded store), the built dist/embed.js, and Chromium. One server for the file; each test
 * opens its own readers (fresh contexts: each its own anonymous author) on a thread of its own,
 * on a customer's page served from another origin (static-origin.ts). The SSO tests sign their
 * tokens with the site's secret, read with the admin command as a site's developer would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { axeViolations } from './axe.ts';
import { launchChromium, openReader } from './browser.ts';
import { gone, idOf, item, own, readerPageHtml, tool, topLevelTexts, type ReaderPageOptions } from './reader-page.ts';
import { startStaticOrigin, type StaticOrigin } from './static-origin.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The longest one step may wait (the machine is shared; live changes take well under a second). */
const WAIT = 10_000;
const SITE = 'berita';
const CLOSED_PAGE = '/artikel/ditutup/';
const INSULT = 'Dasar goblok, menterinya bodoh banget.';
/**
 * What the author is told, whatever else the engine finds in the same words (it may also name the
 * insult aimed at the minister): the profanity reason, naming the word.
 */
const INSULT_REASON = /^Reasons?: .*The comment contains profanity or an insult: "goblok"\./;

let browser: Browser;
let server: ChildServer;
let site: StaticOrigin;
let tmp: string;
let ssoSecret = '';
let pagesServed = 0;
const cleanups: Array<() => Promise<unknown>> = [];

/** `npm run admin -- …` against the running server's DATA_DIR (the embedded store allows it beside the server). */
async function admin(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'server/admin/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server.dataDir },
  });
  return stdout;
}

/** A reader with the customer's page open on a thread of the test's (its own context: its own author). */
async function reader(options: Omit<ReaderPageOptions, 'server' | 'site'>, colorScheme: 'light' | 'dark' = 'light') {
  // A path of its own for each page as the test wants it (thread, theme, token): the static origin serves it from then on.
  const path = `/reader/${++pagesServed}`;
  site.setHtml(readerPageHtml({ server: server.url, site: SITE, ...options }), path);
  const r = await openReader(browser, `${site.origin}${path}`);
  cleanups.push(() => r.context.close());
  if (colorScheme === 'dark') await r.page.emulateMedia({ colorScheme: 'dark' });
  await threadReady(r.page);
  return r;
}

/** Resolves once the widget shows a thread (empty or not). */
async function threadReady(page: Page): Promise<void> {
  await page.locator('rembuk-thread [part="empty"], rembuk-thread [part="list"], rembuk-thread [part="closed"]').first().waitFor({ timeout: WAIT });
}

/** Waits until the locator's text is exactly `expected`, or matches it when it is a pattern. */
async function textIs(locator: Locator, expected: string | RegExp): Promise<void> {
  const text = () => locator.textContent({ timeout: WAIT }).then((t) => t?.replace(/\s+/g, ' ').trim());
  if (typeof expected === 'string') await expect.poll(text, { timeout: WAIT }).toBe(expected);
  else await expect.poll(text, { timeout: WAIT }).toMatch(expected);
}

function heading(page: Page): Locator {
  return page.locator('rembuk-thread [part="heading"]');
}

/** Posts from the composer and answers the new comment's id once the server has acknowledged it. */
async function post(page: Page, name: string | null, text: string): Promise<string> {
  const composer = page.locator('rembuk-thread form[part="composer"]');
  if (name !== null) await composer.locator('input[name="authorName"]').fill(name);
  await composer.locator('textarea[name="text"]').fill(text);
  await composer.locator('button[type="submit"]').click();
  const id = await idOf(page, text, WAIT);
  // The composer clears once the server has acknowledged.
  await expect.poll(() => composer.locator('textarea[name="text"]').inputValue(), { timeout: WAIT }).toBe('');
  return id;
}

/** Replies to a comment from its inline form; answers the reply's id. */
async function reply(page: Page, parentId: string, name: string | null, text: string): Promise<string> {
  await tool(page, parentId, 'reply-button').click();
  const form = own(page, parentId, 'reply-form');
  if (name !== null) await form.locator('[part="reply-name"]').fill(name);
  await form.locator('[part="reply-textarea"]').fill(text);
  await form.locator('[part="reply-send"]').click();
  // The form closes once the server has taken the reply.
  await form.waitFor({ state: 'detached', timeout: WAIT });
  return idOf(page, text, WAIT);
}

async function edit(page: Page, id: string, text: string): Promise<void> {
  await tool(page, id, 'edit-button').click();
  const form = own(page, id, 'edit-form');
  await form.locator('[part="edit-textarea"]').fill(text);
  await form.locator('[part="edit-send"]').click();
  await form.waitFor({ state: 'detached', timeout: WAIT });
}

async function remove(page: Page, id: string): Promise<void> {
  await tool(page, id, 'delete-button').click();
  await own(page, id, 'delete-confirm').locator('[part="delete-yes"]').click();
  await own(page, id, 'delete-confirm').waitFor({ state: 'detached', timeout: WAIT });
}

/** A part in one comment's own line of name, marks and time. */
function meta(page: Page, id: string, part: string): Locator {
  return page.locator(`rembuk-thread li.comment[data-id="${id}"] > .meta > [part="${part}"]`);
}

function edited(page: Page, id: string): Locator {
  return meta(page, id, 'edited');
}

/** The reply `childId` is listed directly in `parentId`'s replies. */
function directReply(page: Page, parentId: string, childId: string): Locator {
  return page.locator(`rembuk-thread li.comment[data-id="${parentId}"] > ol[part="replies"] > li.comment[data-id="${childId}"]`);
}

async function sso(claims: { sub: string; name: string }, secret = ssoSecret): Promise<string> {
  return new SignJWT({ name: claims.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setAudience(SITE)
    .setIssuedAt()
    .setExpirationTime('30m')
    .sign(new TextEncoder().encode(secret));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rembuk-reader-e2e-'));
  [site, browser] = await Promise.all([startStaticOrigin(), launchChromium()]);
  const sitesFile = join(tmp, 'sites.json');
  writeFileSync(sitesFile, JSON.stringify({ sites: [{ id: SITE, name: 'Berita', origins: [site.origin] }] }));
  // A short refresh: the closed-thread test closes its page with the admin command, as an operator would.
  server = await startChildServer({ env: { SITES_FILE: sitesFile, SITES_REFRESH_MS: '200', RATE_LIMIT_POSTS_PER_MINUTE: '1000' } });
  const shown = await admin('site', 'show', '--id', SITE);
  ssoSecret = /SSO secret[^:]*: (\S+)/.exec(shown)?.[1] ?? '';
  expect(ssoSecret.length).toBeGreaterThanOrEqual(32);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await browser?.close();
  await site?.close();
  await server?.stop();
  await server?.cleanup();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('reader features in Chromium against the real server', () => {
  it('nests a reply under its comment in both tabs live, counts it, and shows a fourth-level reply flat under its third-level ancestor, replying to its author', async () => {
    const page = '/artikel/balasan/';
    const [a, b] = await Promise.all([reader({ page }), reader({ page })]);
    const root = await post(b.page, 'Budi', 'Smelter baru dibuka di Morowali.');
    await idOf(a.page, 'Smelter baru dibuka di Morowali.', WAIT);
    await Promise.all([textIs(heading(a.page), '1 comment'), textIs(heading(b.page), '1 comment')]);

    const r1 = await reply(a.page, root, 'Ani', 'Berapa tenaga kerja lokalnya?');
    for (const p of [a.page, b.page]) {
      await directReply(p, root, r1).waitFor({ timeout: WAIT });
      await textIs(heading(p), '2 comments');
      expect(await item(p, r1).getAttribute('data-level')).toBe('1');
      // The widget shows no reply figure on a comment: its replies are counted as listed under it.
      expect(await p.locator(`rembuk-thread li.comment[data-id="${root}"] > ol[part="replies"] > li`).count()).toBe(1);
    }

    const r2 = await reply(b.page, r1, null, 'Sekitar dua ribu orang.');
    const r3 = await reply(a.page, r2, null, 'Sumbernya dari mana?');
    const r4 = await reply(b.page, r3, null, 'Dari siaran pers kementerian.');
    for (const p of [a.page, b.page]) {
      await directReply(p, r3, r4).waitFor({ timeout: WAIT });
      await directReply(p, root, r1).waitFor({ timeout: WAIT });
      await directReply(p, r1, r2).waitFor({ timeout: WAIT });
      await directReply(p, r2, r3).waitFor({ timeout: WAIT });
      await textIs(heading(p), '5 comments');
      // Nested to three levels; the fourth sits in its depth-3 ancestor's flat list, at the same level.
      expect(await item(p, r3).getAttribute('data-level')).toBe('3');
      expect(await item(p, r4).getAttribute('data-level')).toBe('3');
      expect(await p.locator(`rembuk-thread li.comment[data-id="${r3}"] > ol[part="replies"]`).getAttribute('class')).toContain('flat');
      await textIs(own(p, r4, 'replying-to'), 'replying to Ani');
      for (const nested of [r1, r2, r3]) expect(await own(p, nested, 'replying-to').count()).toBe(0);
    }
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("counts a like live in the author's tab, takes it back on a second click, and keeps one like per reader across a reload", async () => {
    const page = '/artikel/suka/';
    const [a, b] = await Promise.all([reader({ page }), reader({ page })]);
    const id = await post(b.page, 'Budi', 'Tarif listrik industri sebaiknya tetap.');
    await idOf(a.page, 'Tarif listrik industri sebaiknya tetap.', WAIT);
    const like = a.page.getByRole('button', { name: 'Like the comment by Budi' });
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await textIs(tool(b.page, id, 'like-count'), '0 likes');

    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed'), { timeout: WAIT }).toBe('true');
    await textIs(tool(a.page, id, 'like-count'), '1 like');
    await textIs(tool(b.page, id, 'like-count'), '1 like');

    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed'), { timeout: WAIT }).toBe('false');
    await textIs(tool(b.page, id, 'like-count'), '0 likes');
    await textIs(tool(a.page, id, 'like-count'), '0 likes');

    await like.click();
    await textIs(tool(b.page, id, 'like-count'), '1 like');
    // After a reload the server says A likes it: pressed, still one like (not a second).
    await a.page.reload();
    await threadReady(a.page);
    await expect.poll(() => like.getAttribute('aria-pressed'), { timeout: WAIT }).toBe('true');
    await textIs(tool(a.page, id, 'like-count'), '1 like');
    // Pressing it now takes A's like back rather than adding one.
    await like.click();
    await textIs(tool(b.page, id, 'like-count'), '0 likes');
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('reorders the top-level comments by newest, oldest and most liked, and remembers the choice after a reload', async () => {
    const page = '/artikel/urutan/';
    const [a, b, c] = await Promise.all([reader({ page }), reader({ page }), reader({ page })]);
    const [first, second, third] = ['Pertama: soal royalti.', 'Kedua: soal pajak ekspor.', 'Ketiga: soal lingkungan.'];
    const ids = [];
    for (const text of [first, second, third]) ids.push(await post(a.page, 'Ani', text));
    const [firstId, secondId] = ids as [string, string, string];
    // The second gets two likes, the first one: most liked is second, first, third.
    for (const liker of [b.page, c.page]) {
      await idOf(liker, third, WAIT);
      await tool(liker, secondId, 'like-button').click();
      await expect.poll(() => tool(liker, secondId, 'like-button').getAttribute('aria-pressed'), { timeout: WAIT }).toBe('true');
    }
    await tool(b.page, firstId, 'like-button').click();
    await textIs(tool(b.page, firstId, 'like-count'), '1 like');
    await textIs(tool(b.page, secondId, 'like-count'), '2 likes');

    const sort = b.page.locator('rembuk-thread select[part="sort"]');
    expect(await sort.inputValue()).toBe('newest');
    expect(await topLevelTexts(b.page)).toEqual([third, second, first]);
    await sort.selectOption('likes');
    await expect.poll(() => topLevelTexts(b.page), { timeout: WAIT }).toEqual([second, first, third]);
    await sort.selectOption('oldest');
    await expect.poll(() => topLevelTexts(b.page), { timeout: WAIT }).toEqual([first, second, third]);

    await b.page.reload();
    await threadReady(b.page);
    await expect.poll(() => topLevelTexts(b.page), { timeout: WAIT }).toEqual([first, second, third]);
    expect(await sort.inputValue()).toBe('oldest');
    expect(await b.page.evaluate(() => localStorage.getItem('rembuk:sort'))).toBe('oldest');
    await sort.selectOption('newest');
    await expect.poll(() => topLevelTexts(b.page), { timeout: WAIT }).toEqual([third, second, first]);
    // Another reader's sort is their own.
    expect(await topLevelTexts(a.page)).toEqual([third, second, first]);
    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
  });

  it('shows an edit live in both tabs marked edited, and an edit the moderation holds leaves the other tab while its author is told why it awaits review', async () => {
    const page = '/artikel/sunting/';
    const [a, b] = await Promise.all([reader({ page }), reader({ page })]);
    const before = 'Menterinya harus menjelaskan kebijakan ini.';
    const id = await post(a.page, 'Ani', before);
    await idOf(b.page, before, WAIT);
    expect(await edited(b.page, id).count()).toBe(0);

    const after = 'Menterinya harus menjelaskan kebijakan ini di DPR.';
    await edit(a.page, id, after);
    for (const p of [a.page, b.page]) {
      await textIs(own(p, id, 'text'), after);
      await textIs(edited(p, id), '· edited');
    }

    await edit(a.page, id, INSULT);
    await gone(b.page, id, WAIT);
    await textIs(heading(b.page), '0 comments');
    // The author keeps seeing it, held, and why.
    await textIs(own(a.page, id, 'text'), INSULT);
    expect(await item(a.page, id).getAttribute('data-status')).toBe('pending');
    await textIs(own(a.page, id, 'pending-badge'), 'Awaiting review · Only you can see this comment for now.');
    await textIs(own(a.page, id, 'pending-reason'), INSULT_REASON);
    await b.page.reload();
    await threadReady(b.page);
    expect(await item(b.page, id).count()).toBe(0);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('keeps a deleted comment with a reply as a tombstone over the reply in both tabs, and removes one without replies live', async () => {
    const page = '/artikel/hapus/';
    const [a, b] = await Promise.all([reader({ page }), reader({ page })]);
    const parent = await post(a.page, 'Ani', 'Harga batu bara turun minggu ini.');
    await idOf(b.page, 'Harga batu bara turun minggu ini.', WAIT);
    const answer = await reply(b.page, parent, 'Budi', 'Karena permintaan dari Tiongkok melemah.');
    await directReply(a.page, parent, answer).waitFor({ timeout: WAIT });

    await remove(a.page, parent);
    for (const p of [a.page, b.page]) {
      await textIs(own(p, parent, 'tombstone'), 'This comment was deleted.');
      expect(await item(p, parent).getAttribute('data-status')).toBe('deleted');
      expect(await own(p, parent, 'author').count()).toBe(0);
      expect(await own(p, parent, 'text').count()).toBe(0);
      await textIs(own(p, answer, 'text'), 'Karena permintaan dari Tiongkok melemah.');
      expect(await directReply(p, parent, answer).count()).toBe(1);
    }

    const lone = await post(a.page, 'Ani', 'Komentar yang akan saya hapus.');
    await idOf(b.page, 'Komentar yang akan saya hapus.', WAIT);
    await remove(a.page, lone);
    await Promise.all([gone(a.page, lone, WAIT), gone(b.page, lone, WAIT)]);
    // The tombstone and its reply stay.
    expect(await directReply(b.page, parent, answer).count()).toBe(1);
    await b.page.reload();
    await threadReady(b.page);
    await directReply(b.page, parent, answer).waitFor({ timeout: WAIT });
    expect(await item(b.page, lone).count()).toBe(0);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("signs a reader in with the page's SSO token: commenting as them, no name field, verified for others; Sign out fires rembuk-sign-out and leaves them anonymous", async () => {
    const page = '/artikel/masuk/';
    const token = await sso({ sub: 'pembaca-17', name: 'Dewi Lestari' });
    const [s, o] = await Promise.all([reader({ page, sso: token }), reader({ page })]);
    const identity = s.page.locator('rembuk-thread [part="identity"]');
    await textIs(identity, 'Commenting as Dewi Lestari Sign out');
    expect(await s.page.locator('rembuk-thread input[name="authorName"]').count()).toBe(0);
    await textIs(s.page.locator('rembuk-thread [part="sso-notice"]'), '');

    const text = 'Sebagai pelanggan, saya setuju dengan subsidi tepat sasaran.';
    const id = await post(s.page, null, text);
    await idOf(o.page, text, WAIT);
    await textIs(meta(o.page, id, 'author'), 'Dewi Lestari');
    await textIs(meta(o.page, id, 'verified-badge'), '✓ verified');
    // Her own comment, as far as the widget knows her now: she may delete it.
    expect(await tool(s.page, id, 'delete-button').count()).toBe(1);

    await s.page.locator('rembuk-thread [part="sign-out"]').click();
    await expect.poll(() => s.page.evaluate(() => (window as { __signOuts?: number }).__signOuts), { timeout: WAIT }).toBe(1);
    expect(await s.page.locator('rembuk-thread').getAttribute('sso')).toBeNull();
    // Reconnected anonymous: the name field is back, and her SSO comment is no longer hers to delete.
    await s.page.locator('rembuk-thread input[name="authorName"]').waitFor({ timeout: WAIT });
    expect(await identity.count()).toBe(0);
    await idOf(s.page, text, WAIT);
    await expect.poll(() => tool(s.page, id, 'delete-button').count(), { timeout: WAIT }).toBe(0);
    const guest = await post(s.page, 'Tamu', 'Sekarang sebagai tamu.');
    await idOf(o.page, 'Sekarang sebagai tamu.', WAIT);
    expect(await meta(o.page, guest, 'verified-badge').count()).toBe(0);
    expect([...s.errors, ...o.errors]).toEqual([]);
  });

  it('leaves a reader with a badly signed SSO token anonymous, with a polite notice', async () => {
    const page = '/artikel/masuk-gagal/';
    const token = await sso({ sub: 'pembaca-18', name: 'Penyusup' }, 'x'.repeat(43));
    const r = await reader({ page, sso: token });
    await textIs(r.page.locator('rembuk-thread [part="sso-notice"]'), 'Your sign-in could not be confirmed, so you are commenting as a guest.');
    expect(await r.page.locator('rembuk-thread [part="sso-notice"]').getAttribute('role')).toBe('status');
    expect(await r.page.locator('rembuk-thread [part="identity"]').count()).toBe(0);
    const id = await post(r.page, 'Tamu', 'Masuknya gagal, tetapi komentar tetap bisa.');
    await textIs(meta(r.page, id, 'author'), 'Tamu');
    expect(await meta(r.page, id, 'verified-badge').count()).toBe(0);
    expect(r.errors).toEqual([]);
  });

  it('paints its own dark colours with theme="dark" and on a dark system, and inherits the page on a light one', async () => {
    const page = '/artikel/tema/';
    const colours = (p: Page) =>
      p.locator('rembuk-thread').evaluate((el) => {
        const style = getComputedStyle(el);
        return { background: style.backgroundColor, text: style.color };
      });
    const dark = { background: 'rgb(23, 25, 29)', text: 'rgb(232, 234, 237)' };
    const light = { background: 'rgba(0, 0, 0, 0)', text: 'rgb(0, 0, 0)' };
    const [plain, themed, system] = await Promise.all([reader({ page }), reader({ page, theme: 'dark' }), reader({ page }, 'dark')]);
    expect(await colours(plain.page)).toEqual(light);
    expect(await colours(themed.page)).toEqual(dark);
    expect(await colours(system.page)).toEqual(dark);
    // The page's own choice wins over the system's.
    await system.page.locator('rembuk-thread').evaluate((el) => el.setAttribute('theme', 'light'));
    expect(await colours(system.page)).toEqual(light);
    // The composer's field follows too: light text on a dark field.
    const field = await themed.page.locator('rembuk-thread textarea[name="text"]').evaluate((el) => getComputedStyle(el).color);
    expect(field).toBe(dark.text);
  });

  it('passes an axe scan with a held comment of its own, a refused post and an open reply form, in light and in dark', async () => {
    const page = '/artikel/aksesibilitas/';
    const r = await reader({ page });
    const clean = await post(r.page, 'Ani', 'Transisi energi perlu dana besar.');
    const held = await post(r.page, 'Ani', INSULT);
    expect(await item(r.page, held).getAttribute('data-status')).toBe('pending');
    await textIs(own(r.page, held, 'pending-reason'), INSULT_REASON);
    // Too short to publish: the moderation refuses it, and the composer says so (keeping the text).
    const composer = r.page.locator('rembuk-thread form[part="composer"]');
    await composer.locator('textarea[name="text"]').fill('x');
    await composer.locator('button[type="submit"]').click();
    const error = composer.locator('[part="error"]');
    await expect.poll(() => error.textContent({ timeout: WAIT }), { timeout: WAIT }).toMatch(/^Your comment was not published\./);
    expect(await composer.locator('textarea[name="text"]').inputValue()).toBe('x');
    await tool(r.page, clean, 'reply-button').click();
    await own(r.page, clean, 'reply-form').waitFor({ timeout: WAIT });

    const thread = r.page.locator('rembuk-thread');
    const background = () => thread.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await axeViolations(r.page)).toEqual([]);
    await thread.evaluate((el) => el.setAttribute('theme', 'dark'));
    expect(await background()).toBe('rgb(23, 25, 29)');
    expect(await axeViolations(r.page)).toEqual([]);
    await thread.evaluate((el) => el.removeAttribute('theme'));
    await r.page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(23, 25, 29)');
    expect(await axeViolations(r.page)).toEqual([]);
    // All of it still on screen: the scans judged what they were meant to.
    expect(await error.textContent()).toMatch(/^Your comment was not published\./);
    expect(await own(r.page, clean, 'reply-form').count()).toBe(1);
    expect(await item(r.page, held).getAttribute('data-status')).toBe('pending');
    expect(r.errors).toEqual([]);
  });

  it('shows a thread whose page the site closed with its comments and a notice instead of the form', async () => {
    const before = await reader({ page: CLOSED_PAGE });
    const text = 'Ditulis sebelum komentar ditutup.';
    const id = await post(before.page, 'Ani', text);
    await admin('site', 'update', '--id', SITE, '--close-page', CLOSED_PAGE);

    const r = await reader({ page: CLOSED_PAGE });
    // The servers take the change up at their next refresh of the sites: read again until then.
    await expect
      .poll(
        async () => {
          if ((await r.page.locator('rembuk-thread [part="closed"]').count()) > 0) return true;
          await r.page.reload();
          await threadReady(r.page);
          return (await r.page.locator('rembuk-thread [part="closed"]').count()) > 0;
        },
        { timeout: WAIT, interval: 250 },
      )
      .toBe(true);
    await textIs(r.page.locator('rembuk-thread [part="closed"]'), 'Comments are closed for this article.');
    await textIs(own(r.page, id, 'text'), text);
    expect(await r.page.locator('rembuk-thread form[part="composer"], rembuk-thread textarea, rembuk-thread input').count()).toBe(0);
    expect(await tool(r.page, id, 'reply-button').count()).toBe(0);

    // A tab opened before: its next post is refused, and it says the thread is closed, keeping the draft.
    const composer = before.page.locator('rembuk-thread form[part="composer"]');
    await composer.locator('textarea[name="text"]').fill('Terlambat sedikit.');
    await composer.locator('button[type="submit"]').click();
    await textIs(before.page.locator('rembuk-thread [part="closed"]'), 'Comments are closed for this article.');
    expect(await composer.locator('textarea[name="text"]').inputValue()).toBe('Terlambat sedikit.');
    expect([...before.errors, ...r.errors]).toEqual([]);
  });
});
