/**
 * The `<rembuk-count>` elements on a page and the requests that fill them: every element added
 * in the same task is fetched in one request per server and site (a microtask gathers them),
 * and all of them are fetched again every COUNT_REFRESH_MS while the page is visible and at
 * once when it becomes visible again. No DOM here: the element (rembuk-count.ts) and the tests
 * pass what they have. docs/decisions/0020-rembuk-count.md says why this polls.
 */
import { COUNT_PAGES_MAX, isThreadCounts } from '../../protocol/counts.ts';

/** How often the counts are fetched again while the page is visible. */
export const COUNT_REFRESH_MS = 30_000;

/** One element's question: which thread, and where to put the answer. */
export interface CountTarget {
  /** Origin of the Rembuk server. */
  readonly server: string;
  readonly site: string;
  readonly page: string;
  show(count: number): void;
}

/** What the registry needs from the browser; the tests pass fakes. */
export interface CountEnvironment {
  fetch(url: string): Promise<{ json(): Promise<unknown> }>;
  isVisible(): boolean;
  onVisibilityChange(listener: () => void): void;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export interface CountRegistry {
  add(target: CountTarget): void;
  delete(target: CountTarget): void;
}

/** The URL of one count request: the API takes the page ids as repeated `page` parameters. */
export function countUrl(server: string, site: string, pages: readonly string[]): string {
  return `${server}/api/v1/counts/${encodeURIComponent(site)}?${pages.map((p) => `page=${encodeURIComponent(p)}`).join('&')}`;
}

export function createCountRegistry(env: CountEnvironment): CountRegistry {
  const targets = new Set<CountTarget>();
  let pending: Set<CountTarget> | null = null;
  let stopTimer: (() => void) | null = null;

  const request = (group: CountTarget[], pages: string[]) => {
    const first = group[0];
    if (!first) return;
    env
      .fetch(countUrl(first.server, first.site, pages))
      .then((res) => res.json())
      .then((body: unknown) => {
        const data = typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === true ? (body as { data?: unknown }).data : null;
        if (!isThreadCounts(data)) return;
        for (const target of group) {
          const count = data.counts[target.page];
          if (count !== undefined && targets.has(target)) target.show(count);
        }
      })
      // A failed request leaves the last count shown; the next round asks again.
      .catch(() => undefined);
  };

  const flush = () => {
    const batch = pending ?? new Set<CountTarget>();
    pending = null;
    const groups = new Map<string, CountTarget[]>();
    for (const target of batch) {
      if (!targets.has(target)) continue;
      const key = `${target.server} ${target.site}`;
      const group = groups.get(key);
      if (group) group.push(target);
      else groups.set(key, [target]);
    }
    for (const group of groups.values()) {
      const pages = [...new Set(group.map((t) => t.page))];
      for (let i = 0; i < pages.length; i += COUNT_PAGES_MAX) {
        const chunk = pages.slice(i, i + COUNT_PAGES_MAX);
        request(
          group.filter((t) => chunk.includes(t.page)),
          chunk,
        );
      }
    }
  };

  const schedule = (list: Iterable<CountTarget>) => {
    if (!pending) {
      pending = new Set();
      queueMicrotask(flush);
    }
    for (const target of list) pending.add(target);
  };

  // The timer runs only while someone can see a count: a hidden tab costs the server nothing.
  const syncTimer = () => {
    const wanted = targets.size > 0 && env.isVisible();
    if (wanted && !stopTimer) stopTimer = env.every(COUNT_REFRESH_MS, () => schedule(targets));
    if (!wanted && stopTimer) {
      stopTimer();
      stopTimer = null;
    }
  };

  env.onVisibilityChange(() => {
    if (env.isVisible()) schedule(targets);
    syncTimer();
  });

  return {
    add(target) {
      targets.add(target);
      schedule([target]);
      syncTimer();
    },
    delete(target) {
      targets.delete(target);
      syncTimer();
    },
  };
}
