/**
 * Every read the product makes, now or in the queues to come, is an index search, never a
 * scan of the comments table: a thread of 5,000 comments and a site of a million must cost the
 * same per page. SQLite's EXPLAIN QUERY PLAN says which.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { QueueQuery } from '../types.ts';
import { LIKED_SQL, queueSql, registerSqlFunctions, REPLIES_SQL, TOP_LEVEL_SQL } from './read-queries.ts';
import { migrate } from './schema.ts';

const QUERIES: [what: string, sql: string, params: unknown[]][] = [
  [
    'a root’s published replies (a root’s count, counted again on import)',
    "SELECT count(*) AS n FROM comments WHERE site = ? AND page = ? AND root_id = ? AND listed = 1 AND status = 'published'",
    ['s', 'p', 'r'],
  ],
  [
    'whether one identity likes a comment',
    'SELECT 1 AS one FROM likes WHERE site = ? AND page = ? AND author_id = ? AND comment_id = ?',
    ['s', 'p', 'a', 'i'],
  ],
  ['a deleted comment’s likes', 'DELETE FROM likes WHERE site = ? AND page = ? AND comment_id = ?', ['s', 'p', 'i']],
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
  ['a site’s queue counts', 'SELECT queue, count(*) AS n FROM comments WHERE site = ? AND queue IS NOT NULL GROUP BY queue', ['s']],
  [
    'an author’s comments on a site',
    'SELECT data FROM comments WHERE site = ? AND author_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    ['s', 'a', 50],
  ],
  [
    'a site’s latest comments',
    "SELECT data FROM comments WHERE site = ? AND status != 'deleted' ORDER BY created_at DESC, rowid DESC LIMIT ?",
    ['s', 1000],
  ],
  [
    'an author’s record',
    'SELECT approved_count, rejected_count, banned_until, trusted, first_seen_at FROM authors WHERE site = ? AND author_id = ?',
    ['s', 'a'],
  ],
  [
    'a site’s audit log after a cursor',
    'SELECT rowid, at, data FROM audit WHERE site = ? AND (at, rowid) < (?, ?) ORDER BY at DESC, rowid DESC LIMIT ?',
    ['s', 100, 7, 51],
  ],
  ['a day’s figures', 'SELECT published, held, rejected FROM daily_counts WHERE site = ? AND day = ?', ['s', '2026-03-01']],
  ['a day’s rules', 'SELECT rule, n FROM daily_rules WHERE site = ? AND day = ? ORDER BY rule', ['s', '2026-03-01']],
  ['a site’s saved policy', 'SELECT data FROM site_policies WHERE site = ?', ['s']],
  ['a sign-in link', 'DELETE FROM sign_in_links WHERE id = ? RETURNING moderator_id', ['l']],
  ['expired sign-in links', 'DELETE FROM sign_in_links WHERE expires_at <= ?', [100]],
  ['a comment’s rule', 'SELECT 1 FROM comment_rules WHERE site = ? AND page = ? AND id = ? AND rule = ?', ['s', 'p', 'i', 'links']],
  ['a comment by id', 'SELECT data FROM comments WHERE site = ? AND page = ? AND id = ?', ['s', 'p', 'i']],
  ['a comment by idempotency key', 'SELECT data FROM comments WHERE site = ? AND page = ? AND author_id = ? AND idem_key = ?', ['s', 'p', 'a', 'k']],
  ['counts per page', 'SELECT seq, published_count FROM threads WHERE site = ? AND page = ?', ['s', 'p']],
  ['events after a seq', 'SELECT data FROM events WHERE site = ? AND page = ? AND seq > ? ORDER BY seq LIMIT ?', ['s', 'p', 0, 100]],
];

/** Every combination of the queue's filters, each order: each walks one queue index range (read-queries.ts queueSql). */
const QUEUE_FILTERS: Omit<QueueQuery, 'order' | 'cursor' | 'limit'>[] = [
  {},
  { page: 'p' },
  { authorId: 'a' },
  { rule: 'links' },
  { search: 'nikel' },
  { page: 'p', authorId: 'a' },
  { page: 'p', rule: 'links', search: 'nikel' },
  { authorId: 'a', rule: 'links', search: 'nikel' },
];
const QUEUE_QUERIES = (['newest', 'oldest'] as const).flatMap((order) =>
  QUEUE_FILTERS.map((filters): [string, string, Record<string, unknown>] => [
    `a queue, ${order} first, after a cursor, filtered by ${Object.keys(filters).join(' and ') || 'nothing'}`,
    queueSql({ order, ...filters }),
    { site: 's', queue: 'reported', at: 100, rowid: 7, limit: 51, ...filters },
  ]),
);

/** A thread's pages (0021): each sort of top-level comments, a root's replies, the viewer's likes among them; each after a cursor. */
const PLACE = { site: 's', page: 'p', likes: 3, at: 100, id: 'c9', limit: 21 };
const THREAD_QUERIES: [what: string, sql: string, params: Record<string, unknown>, index: string][] = [
  ['top-level comments newest first', TOP_LEVEL_SQL.newest, PLACE, 'comments_top_by_time'],
  ['top-level comments oldest first', TOP_LEVEL_SQL.oldest, PLACE, 'comments_top_by_time'],
  ['top-level comments by likes', TOP_LEVEL_SQL.likes, PLACE, 'comments_top_by_likes'],
  ['a root’s replies, oldest first', REPLIES_SQL, { site: 's', page: 'p', root: 'r', at: 100, id: 'c9', skip: 50, limit: 51 }, 'comments_replies'],
  ['which of a page’s comments a viewer likes', LIKED_SQL, { site: 's', page: 'p', viewer: 'v', ids: '["a","b"]' }, 'likes_by_comment'],
];

describe('embedded store query plans', () => {
  const db = new Database(':memory:');
  migrate(db);
  registerSqlFunctions(db);

  const planOf = (sql: string, params: unknown[] | Record<string, unknown>) =>
    db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(Array.isArray(params) ? params : [params]))
      .map((row) => row.detail)
      .join('\n');

  it.each(QUEUE_QUERIES)('reads %s through an index, with no scan and no sort', (_what, sql, params) => {
    const plan = planOf(sql, params);
    expect(plan).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
    expect(plan).toMatch(/SEARCH c USING INDEX comments_queue/);
  });

  it.each(THREAD_QUERIES)('reads %s through its index, with no scan of a table and no sort', (_what, sql, params, index) => {
    const plan = planOf(sql, params);
    // The liked ids come as a JSON list: walking that list is the only scan, each id a search of the likes index.
    expect(plan.replace(/SCAN json_each VIRTUAL TABLE[^\n]*/, '')).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
    expect(plan).toMatch(new RegExp(`SEARCH (comments|likes) USING (COVERING )?INDEX ${index} `));
  });

  it.each(QUERIES)('reads %s through an index, with no scan and no sort', (_what, sql, params) => {
    const plan = planOf(sql, params);
    expect(plan).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
    expect(plan).toMatch(/SEARCH/);
  });
});
