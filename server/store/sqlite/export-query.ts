/**
 * A site's comments oldest first, for `exportComments`: keyset pages over the
 * comments_by_site_time index (site, created_at; rowid breaks ties, in the order written), so
 * every page is one index range however far into the site it is, and no page sits open while
 * the caller writes the last one out.
 */
import type { Database } from 'better-sqlite3';
import { parseStoredComment } from '../stored-json.ts';
import type { StoredComment } from '../types.ts';

/** Comments per page: big enough to amortise the query, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 500;

interface ExportRow {
  rowid: number;
  createdAt: number;
  data: string;
}

/** Where a page ended: the last comment's creation time and row. */
export interface ExportCursor {
  createdAt: number;
  rowid: number;
}

export interface ExportPage {
  comments: StoredComment[];
  last: ExportCursor | null;
}

export interface ExportQuery {
  /** The site's comments created after `after`, at most `limit`, oldest first. */
  page(site: string, after: ExportCursor | null, limit: number): ExportPage;
}

export function createExportQuery(db: Database): ExportQuery {
  const rows = db.prepare<[string, number, number, number], ExportRow>(
    `SELECT rowid, created_at AS createdAt, data FROM comments
     WHERE site = ? AND (created_at, rowid) > (?, ?) ORDER BY created_at, rowid LIMIT ?`,
  );
  return {
    page(site, after, limit) {
      const found = rows.all(site, after?.createdAt ?? Number.MIN_SAFE_INTEGER, after?.rowid ?? 0, limit);
      const tail = found.at(-1);
      return { comments: found.map((r) => parseStoredComment(r.data)), last: tail ? { createdAt: tail.createdAt, rowid: tail.rowid } : null };
    },
  };
}

/** Every page of a site, one after another, each read when the caller asks for the next comment. */
export async function* exportPages(query: ExportQuery, site: string, read: <T>(run: () => T) => Promise<T>): AsyncGenerator<StoredComment> {
  let after: ExportCursor | null = null;
  for (;;) {
    const cursor: ExportCursor | null = after;
    const { comments, last }: ExportPage = await read(() => query.page(site, cursor, EXPORT_PAGE_SIZE));
    yield* comments;
    if (comments.length < EXPORT_PAGE_SIZE || last === null) return;
    after = last;
  }
}
