/**
 * A customer's article page for the reader-feature e2e tests, and the widget's parts as a test
 * reads them. The page embeds the thread with the README's snippet plus the attributes a test
 * gives (page id, theme, SSO token), and signs its reader out the way a site would: on
 * `rembuk-sign-out` it removes the `sso` attribute (and counts the event, for the test to read).
 */
import type { Locator, Page } from 'playwright-core';
import { escapeHtml } from '../../demo/article-page.ts';

export interface ReaderPageOptions {
  /** Where embed.js comes from: the Rembuk server's origin. */
  server: string;
  site: string;
  /** The thread's page id. */
  page: string;
  theme?: 'light' | 'dark';
  sso?: string;
  lang?: 'en' | 'id';
}

/** The page's HTML: landmarks, a title and a language, so an axe scan judges the widget, not the page. */
export function readerPageHtml(o: ReaderPageOptions): string {
  const attrs = [
    `site="${escapeHtml(o.site)}"`,
    `page="${escapeHtml(o.page)}"`,
    ...(o.theme ? [`theme="${o.theme}"`] : []),
    ...(o.sso ? [`sso="${escapeHtml(o.sso)}"`] : []),
  ].join(' ');
  return (
    `<!doctype html><html lang="${o.lang ?? 'en'}"><head><meta charset="utf-8"><title>Article</title></head><body>` +
    `<main><h1>An article</h1><p>The article's text.</p><rembuk-thread ${attrs}></rembuk-thread></main>` +
    `<script src="${escapeHtml(`${o.server}/embed.js`)}" data-site="${escapeHtml(o.site)}" async></script>` +
    // What a site does when its reader signs out: forget the token, then tell the widget.
    `<script>window.__signOuts = 0; document.addEventListener('rembuk-sign-out', function () {` +
    ` window.__signOuts += 1; document.querySelector('rembuk-thread').removeAttribute('sso'); });</script>` +
    `</body></html>`
  );
}

/** The `<li>` of one comment, by its id. */
export function item(page: Page, id: string): Locator {
  return page.locator(`rembuk-thread li.comment[data-id="${id}"]`);
}

/** A part of one comment's own block (not of its replies'): its direct children only. */
export function own(page: Page, id: string, part: string): Locator {
  return page.locator(`rembuk-thread li.comment[data-id="${id}"] > [part~="${part}"]`);
}

/** One of the comment's tools (like, reply, edit, delete). */
export function tool(page: Page, id: string, part: string): Locator {
  return page.locator(`rembuk-thread li.comment[data-id="${id}"] > [part="tools"] > [part~="${part}"]`);
}

/** The texts of the top-level comments, in the order shown. */
export function topLevelTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(document.querySelector('rembuk-thread')?.shadowRoot?.querySelectorAll('ol.list > li.comment') ?? [])].map(
      (li) => li.querySelector(':scope > .text')?.textContent ?? '',
    ),
  );
}

/**
 * Waits until a comment with exactly this text is shown and answers its id. Its own text only
 * (`:scope > .text`), so a conversation's root is not found by the text of a reply under it.
 */
export async function idOf(page: Page, text: string, timeout: number): Promise<string> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const root = document.querySelector('rembuk-thread')?.shadowRoot;
      for (const li of root?.querySelectorAll('li.comment') ?? []) {
        if (li.querySelector(':scope > .text')?.textContent === wanted) return li.getAttribute('data-id');
      }
      return null;
    },
    text,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/** Resolves once no comment with this id is shown. */
export async function gone(page: Page, id: string, timeout: number): Promise<void> {
  await item(page, id).waitFor({ state: 'detached', timeout });
}
