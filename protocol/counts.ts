/**
 * The comment-count API behind `<rembuk-count>`: `GET /api/v1/counts/:site?page=<id>&page=<id>…`
 * answers `Result<ThreadCounts>` for up to COUNT_PAGES_MAX pages in one request. The guard
 * imports nothing at run time, so the count bundle (budget 3 KB gzip) carries no guard kit.
 */

/** The most pages one count request may name: an article list's page, with room to spare. */
export const COUNT_PAGES_MAX = 100;

/** Published comments per page id; every page asked for is present (0 when it has none). */
export interface ThreadCounts {
  counts: Record<string, number>;
}

/** True for a `ThreadCounts` answer: an object of non-negative integers under `counts`. */
export function isThreadCounts(value: unknown): value is ThreadCounts {
  if (typeof value !== 'object' || value === null) return false;
  const counts: unknown = (value as { counts?: unknown }).counts;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return false;
  return Object.values(counts).every((n) => Number.isInteger(n) && (n as number) >= 0);
}
