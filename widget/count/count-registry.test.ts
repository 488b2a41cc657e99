import { describe, expect, it } from 'vitest';
import { COUNT_PAGES_MAX } from '../../protocol/counts.ts';
import { COUNT_REFRESH_MS, createCountRegistry, type CountEnvironment, type CountTarget } from './count-registry.ts';

/** A browser stand-in: fetch answers from a table of counts, visibility and the timer by hand. */
function fakeBrowser(counts: Record<string, number> = {}) {
  const urls: string[] = [];
  const listeners: (() => void)[] = [];
  const timers = new Set<{ ms: number; tick: () => void }>();
  let visible = true;
  const env: CountEnvironment = {
    fetch: (url) => {
      urls.push(url);
      const pages = new URL(url).searchParams.getAll('page');
      return Promise.resolve({
        json: () => Promise.resolve({ ok: true, data: { counts: Object.fromEntries(pages.map((p) => [p, counts[p] ?? 0])) } }),
      });
    },
    isVisible: () => visible,
    onVisibilityChange: (listener) => listeners.push(listener),
    every: (ms, tick) => {
      const timer = { ms, tick };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  return {
    env,
    urls,
    counts,
    timers,
    setVisible(next: boolean) {
      visible = next;
      for (const l of listeners) l();
    },
    tick: () => [...timers].forEach((t) => t.tick()),
  };
}

function target(page: string, site = 'demo', server = 'https://rembuk.example'): CountTarget & { shown: number[] } {
  const shown: number[] = [];
  return { server, site, page, shown, show: (n) => shown.push(n) };
}

/** Lets the microtask batch run and the fake fetches answer. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createCountRegistry', () => {
  it('fetches every count added in one task in one request per server and site', async () => {
    const browser = fakeBrowser({ '/a': 3, '/b': 1 });
    const registry = createCountRegistry(browser.env);
    const a = target('/a');
    const b = target('/b');
    const again = target('/a');
    const elsewhere = target('/a', 'other');
    for (const t of [a, b, again, elsewhere]) registry.add(t);
    await settle();
    expect(browser.urls).toEqual([
      'https://rembuk.example/api/v1/counts/demo?page=%2Fa&page=%2Fb',
      'https://rembuk.example/api/v1/counts/other?page=%2Fa',
    ]);
    expect([a.shown, b.shown, again.shown, elsewhere.shown]).toEqual([[3], [1], [3], [3]]);
  });

  it(`splits a list of more than ${COUNT_PAGES_MAX} pages into requests of at most ${COUNT_PAGES_MAX}`, async () => {
    const browser = fakeBrowser();
    const registry = createCountRegistry(browser.env);
    const all = Array.from({ length: COUNT_PAGES_MAX + 1 }, (_, i) => target(`/p${i}`));
    for (const t of all) registry.add(t);
    await settle();
    expect(browser.urls.map((u) => new URL(u).searchParams.getAll('page').length)).toEqual([COUNT_PAGES_MAX, 1]);
    expect(all.every((t) => t.shown.length === 1)).toBe(true);
  });

  it(`fetches the counts again every ${COUNT_REFRESH_MS / 1000} s while the page is visible, in one request`, async () => {
    const browser = fakeBrowser({ '/a': 1 });
    const registry = createCountRegistry(browser.env);
    const a = target('/a');
    const b = target('/b');
    registry.add(a);
    registry.add(b);
    await settle();
    expect([...browser.timers].map((t) => t.ms)).toEqual([COUNT_REFRESH_MS]);
    browser.counts['/a'] = 2;
    browser.tick();
    await settle();
    expect(browser.urls).toHaveLength(2);
    expect(a.shown).toEqual([1, 2]);
  });

  it('stops polling while the page is hidden and fetches at once when it is visible again', async () => {
    const browser = fakeBrowser({ '/a': 1 });
    const registry = createCountRegistry(browser.env);
    const a = target('/a');
    registry.add(a);
    await settle();
    browser.setVisible(false);
    expect(browser.timers.size).toBe(0);
    browser.counts['/a'] = 5;
    browser.setVisible(true);
    await settle();
    expect(a.shown).toEqual([1, 5]);
    expect(browser.timers.size).toBe(1);
  });

  it('forgets a removed element: no answer shown to it, and no timer once none is left', async () => {
    const browser = fakeBrowser({ '/a': 1 });
    const registry = createCountRegistry(browser.env);
    const a = target('/a');
    registry.add(a);
    registry.delete(a);
    await settle();
    expect(browser.urls).toEqual([]);
    expect(a.shown).toEqual([]);
    expect(browser.timers.size).toBe(0);
  });

  it('keeps the last count shown when a request fails or answers an error', async () => {
    const browser = fakeBrowser({ '/a': 4 });
    const registry = createCountRegistry(browser.env);
    const a = target('/a');
    registry.add(a);
    await settle();
    let answer: () => Promise<{ json(): Promise<unknown> }> = () => Promise.reject(new Error('offline'));
    browser.env.fetch = () => answer();
    browser.tick();
    await settle();
    answer = () => Promise.resolve({ json: () => Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'down' } }) });
    browser.tick();
    await settle();
    expect(a.shown).toEqual([4]);
  });
});
