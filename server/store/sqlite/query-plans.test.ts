/**
 * Every read the product makes, now or in the queues to come, is an index search, never a
 * scan of the comments table: a thread of 5,000 comments and a site of a million must cost the
 * same per page. SQLite's EXPLAIN QUERY PLAN says which.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './schema.ts';

const QUERIES: [what: string, sql: string, params: unknown[]][] = [
  [
    'a thread page by seq',
    "SELECT data, seq FROM comments WHERE site = ? AND page = ? AND status = 'published' AND seq < ? ORDER BY seq DESC LIMIT ?",
    ['s', 'p', 10, 21],
  ],
  [
    'an author’s pending comments in a thread',
    "SELECT data FROM comments WHERE site = ? AND page = ? AND author_id = ? AND status = 'pending' ORDER BY created_at DESC, rowid DESC",
    ['s', 'p', 'a'],
  ],
  [
    'an author’s recent posts across a site',
    'SELECT data FROM comments WHERE site = ? AND author_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    ['s', 'a', 20],
  ],
  [
    'a site-wide queue, newest first, after a cursor',
    `SELECT rowid, queued_at AS queuedAt, data FROM comments WHERE site = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) < (?, ?)
     ORDER BY queued_at DESC, rowid DESC LIMIT ?`,
    ['s', 'pending', 100, 7, 51],
  ],
  [
    'a site-wide queue, oldest first, after a cursor',
    `SELECT rowid, queued_at AS queuedAt, data FROM comments WHERE site = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) > (?, ?)
     ORDER BY queued_at, rowid LIMIT ?`,
    ['s', 'published', 100, 7, 51],
  ],
  [
    'one page’s queue, newest first, after a cursor',
    `SELECT rowid, queued_at AS queuedAt, data FROM comments WHERE site = ? AND page = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) < (?, ?)
     ORDER BY queued_at DESC, rowid DESC LIMIT ?`,
    ['s', 'p', 'rejected', 100, 7, 51],
  ],
  [
    'one page’s queue, oldest first, after a cursor',
    `SELECT rowid, queued_at AS queuedAt, data FROM comments WHERE site = ? AND page = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) > (?, ?)
     ORDER BY queued_at, rowid LIMIT ?`,
    ['s', 'p', 'pending', 100, 7, 51],
  ],
  ['a site’s queue counts', 'SELECT status, count(*) AS n FROM comments WHERE site = ? AND queued_at IS NOT NULL GROUP BY status', ['s']],
  ['a comment by id', 'SELECT data FROM comments WHERE site = ? AND page = ? AND id = ?', ['s', 'p', 'i']],
  ['a comment by idempotency key', 'SELECT data FROM comments WHERE site = ? AND page = ? AND author_id = ? AND idem_key = ?', ['s', 'p', 'a', 'k']],
  ['counts per page', 'SELECT seq, published_count FROM threads WHERE site = ? AND page = ?', ['s', 'p']],
  ['events after a seq', 'SELECT data FROM events WHERE site = ? AND page = ? AND seq > ? ORDER BY seq LIMIT ?', ['s', 'p', 0, 100]],
];

describe('embedded store query plans', () => {
  const db = new Database(':memory:');
  migrate(db);

  it.each(QUERIES)('reads %s through an index, with no scan and no sort', (_what, sql, params) => {
    const plan = db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail);
    expect(plan.join('\n')).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
    expect(plan.join('\n')).toMatch(/SEARCH/);
  });
});
