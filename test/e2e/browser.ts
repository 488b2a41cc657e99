/**
 * Chromium for the e2e tests: the system's /usr/bin/chromium (CHROMIUM_PATH overrides),
 * headless, driven by playwright-core. Never `playwright install`.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * A reader: a fresh context (own localStorage, so own author) and one page, with page errors
 * and CSP violations collected (Chromium reports a violation on the console, not as a page error).
 */
export async function openReader(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = watchPage(page);
  await page.goto(url);
  return { context, page, errors };
}

/**
 * Collects a page's uncaught errors and CSP violations (Chromium reports a violation on the
 * console, not as a page error) into the list it returns, for pages opened without openReader.
 */
export function watchPage(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
  });
  return errors;
}
