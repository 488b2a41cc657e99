/**
 * The embedded store's tables. Every read the product needs is an indexed query: a thread's
 * top-level comments by time or likes and each one's replies, an author's pending comments in a thread, an author's recent posts
 * across a site, a site-wide queue by queue and time, the audit log by time. `user_version` numbers the schema so a
 * later release can migrate it in place: each version's DDL runs once, in order, in one
 * transaction, so a database of any earlier version is upgraded where it lies.
 */
import type { Database } from 'better-sqlite3';

export const SCHEMA_VERSION = 6;

const V1 = `
CREATE TABLE comments (
  site TEXT NOT NULL,
  page TEXT NOT NULL,
  id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- The thread event seq a published comment took; null for held and rejected ones.
  seq INTEGER,
  -- The whole StoredComment as JSON; the columns above are what queries filter and sort on.
  data TEXT NOT NULL,
  PRIMARY KEY (site, page, id)
);
CREATE UNIQUE INDEX comments_by_idem ON comments (site, page, author_id, idem_key);
CREATE INDEX comments_published ON comments (site, page, seq) WHERE status = 'published';
CREATE INDEX comments_pending_by_author ON comments (site, page, author_id, created_at) WHERE status = 'pending';
CREATE INDEX comments_by_author ON comments (site, author_id, created_at);
CREATE INDEX comments_queue ON comments (site, status, created_at);

CREATE TABLE threads (
  site TEXT NOT NULL,
  page TEXT NOT NULL,
  seq INTEGER NOT NULL,
  published_count INTEGER NOT NULL,
  PRIMARY KEY (site, page)
) WITHOUT ROWID;

CREATE TABLE events (
  site TEXT NOT NULL,
  page TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (site, page, seq)
) WITHOUT ROWID;

CREATE TABLE authors (
  site TEXT NOT NULL,
  author_id TEXT NOT NULL,
  -- Null for an author banned before they ever posted.
  first_seen_at INTEGER,
  approved_count INTEGER NOT NULL DEFAULT 0,
  rejected_count INTEGER NOT NULL DEFAULT 0,
  banned_until INTEGER,
  PRIMARY KEY (site, author_id)
) WITHOUT ROWID;

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/** Moderator accounts and their sign-in sessions (a session id is the SHA-256 of its cookie token). */
const V2 = `
CREATE TABLE moderators (
  id TEXT PRIMARY KEY,
  -- Lower-cased and trimmed by the store before it is written.
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  -- JSON array of site ids.
  sites TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE moderator_sessions (
  id TEXT PRIMARY KEY,
  moderator_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX moderator_sessions_by_moderator ON moderator_sessions (moderator_id);
`;

/**
 * The moderation queues: `queued_at` is when a comment entered its queue (createdAt when held or
 * rejected by the engine, the decision's time when a moderator decided it; null for a comment
 * the engine published, which is in no queue). The queue index replaces v1's, which sorted by
 * created_at and so could not order the approved history by decision. The page filter has its own.
 */
const V3 = `
ALTER TABLE comments ADD COLUMN queued_at INTEGER;
UPDATE comments SET queued_at = created_at WHERE status IN ('pending', 'rejected');
DROP INDEX comments_queue;
CREATE INDEX comments_queue ON comments (site, status, queued_at) WHERE queued_at IS NOT NULL;
CREATE INDEX comments_queue_by_page ON comments (site, page, status, queued_at) WHERE queued_at IS NOT NULL;
`;

const day = (ms: string) => `strftime('%Y-%m-%d', ${ms} / 1000, 'unixepoch')`;

/**
 * The moderators' side (decision 0016). `queue` names the one queue a comment is in (null: the
 * engine published it and nobody reported it), so the reported queue, which mixes statuses, is one
 * index range like the others; v3's queue indexes by status give way to it, and an author's queue
 * gets its own. `comment_rules` lists each comment's rules for the queue's rule filter. Authors
 * gain trust; the daily figures are counters kept by every write (backfilled here from what v3
 * kept: a decided comment was created pending, since v3 decided only pending ones). Then the audit
 * log, the console's site policies and one-time sign-in links.
 */
const V4 = `
ALTER TABLE comments ADD COLUMN queue TEXT;
UPDATE comments SET queue = CASE status WHEN 'published' THEN 'approved' ELSE status END WHERE queued_at IS NOT NULL;
DROP INDEX comments_queue;
DROP INDEX comments_queue_by_page;
CREATE INDEX comments_queue ON comments (site, queue, queued_at) WHERE queue IS NOT NULL;
CREATE INDEX comments_queue_by_page ON comments (site, page, queue, queued_at) WHERE queue IS NOT NULL;
CREATE INDEX comments_queue_by_author ON comments (site, author_id, queue, queued_at) WHERE queue IS NOT NULL;
CREATE INDEX comments_by_site_time ON comments (site, created_at);

CREATE TABLE comment_rules (
  site TEXT NOT NULL,
  page TEXT NOT NULL,
  id TEXT NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (site, page, id, rule)
) WITHOUT ROWID;
INSERT OR IGNORE INTO comment_rules (site, page, id, rule)
  SELECT c.site, c.page, c.id, json_extract(r.value, '$.rule') FROM comments c, json_each(c.data, '$.moderation.reasons') r;

ALTER TABLE authors ADD COLUMN trusted INTEGER NOT NULL DEFAULT 0;

CREATE TABLE daily_counts (
  site TEXT NOT NULL,
  -- YYYY-MM-DD, UTC.
  day TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  held INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  approved_by_moderator INTEGER NOT NULL DEFAULT 0,
  rejected_by_moderator INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, day)
) WITHOUT ROWID;
CREATE TABLE daily_rules (
  site TEXT NOT NULL,
  day TEXT NOT NULL,
  rule TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (site, day, rule)
) WITHOUT ROWID;
INSERT INTO daily_counts (site, day, published, held, rejected)
  SELECT site, ${day('created_at')},
    sum(status = 'published' AND json_extract(data, '$.decision') IS NULL),
    sum(status = 'pending' OR json_extract(data, '$.decision') IS NOT NULL),
    sum(status = 'rejected' AND json_extract(data, '$.decision') IS NULL)
  FROM comments GROUP BY 1, 2;
INSERT INTO daily_counts (site, day, approved_by_moderator, rejected_by_moderator)
  SELECT site, ${day("json_extract(data, '$.decision.at')")},
    sum(json_extract(data, '$.decision.action') = 'approve'), sum(json_extract(data, '$.decision.action') = 'reject')
  FROM comments WHERE json_extract(data, '$.decision') IS NOT NULL GROUP BY 1, 2
  ON CONFLICT DO UPDATE SET approved_by_moderator = excluded.approved_by_moderator, rejected_by_moderator = excluded.rejected_by_moderator;
INSERT INTO daily_rules (site, day, rule, n)
  SELECT site, day, rule, count(*) FROM (
    SELECT DISTINCT c.site, c.page, c.id, ${day('c.created_at')} AS day, json_extract(r.value, '$.rule') AS rule
    FROM comments c, json_each(c.data, '$.moderation.reasons') r WHERE json_extract(r.value, '$.action') != 'publish'
  ) GROUP BY site, day, rule;

CREATE TABLE audit (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  at INTEGER NOT NULL,
  -- The whole AuditEntry as JSON.
  data TEXT NOT NULL,
  UNIQUE (site, id)
);
CREATE INDEX audit_by_time ON audit (site, at);

CREATE TABLE site_policies (
  site TEXT PRIMARY KEY,
  -- The SitePolicyRecord as JSON.
  data TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sign_in_links (
  -- SHA-256 of the link's token, hex.
  id TEXT PRIMARY KEY,
  moderator_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sign_in_links_by_expiry ON sign_in_links (expires_at);
`;

/**
 * The sites served (decision 0019), until now only in SITES_FILE. `data` is the whole SiteRecord
 * as JSON: the directory is small and read whole, so nothing filters on its fields.
 */
const V5 = `
CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * Replies, likes and tombstones (decision 0021). `root_id` and `depth` place a reply in its
 * conversation (null and 0 for a top-level comment); `likes` and `reply_count` mirror the JSON's
 * counts so pages can sort and list by them; `listed` says whether a thread view shows the
 * comment (isListed in moderation-transitions.ts: a published or deleted reply; a top-level
 * comment published or with published replies), kept by every write that changes visibility, so
 * each page is one range of a partial index: top-level comments by time and by likes, a root's
 * replies by time. The likes table has one row per identity and comment. Existing replies get
 * their root and depth from their parent chain (a reply whose parent is gone answers its parent
 * as root), their roots the count of their published replies; v1's page-by-seq index goes.
 * Moderators gain the name their comments go out under.
 */
const V6 = `
ALTER TABLE comments ADD COLUMN root_id TEXT;
ALTER TABLE comments ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN likes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;

CREATE INDEX v6_by_parent ON comments (site, page, json_extract(data, '$.parentId'));
WITH RECURSIVE tree (site, page, id, root_id, depth) AS (
  SELECT site, page, id, id, 0 FROM comments WHERE json_extract(data, '$.parentId') IS NULL
  UNION ALL
  SELECT c.site, c.page, c.id, t.root_id, t.depth + 1 FROM tree t JOIN comments c
    ON c.site = t.site AND c.page = t.page AND json_extract(c.data, '$.parentId') = t.id
  WHERE t.depth < 100000
)
UPDATE comments SET root_id = tree.root_id, depth = tree.depth FROM tree
  WHERE tree.depth > 0 AND comments.site = tree.site AND comments.page = tree.page AND comments.id = tree.id;
UPDATE comments SET root_id = json_extract(data, '$.parentId'), depth = 1
  WHERE root_id IS NULL AND json_extract(data, '$.parentId') IS NOT NULL;
DROP INDEX v6_by_parent;

UPDATE comments SET reply_count = r.n FROM (
  SELECT site, page, root_id, count(*) AS n FROM comments WHERE root_id IS NOT NULL AND status = 'published' GROUP BY site, page, root_id
) r WHERE comments.site = r.site AND comments.page = r.page AND comments.id = r.root_id;
UPDATE comments SET
  data = json_set(data, '$.rootId', root_id, '$.depth', depth, '$.replyCount', 0),
  listed = status IN ('published', 'deleted'),
  reply_count = 0
  WHERE root_id IS NOT NULL;
UPDATE comments SET
  data = json_set(data, '$.rootId', NULL, '$.depth', 0, '$.replyCount', reply_count),
  listed = (status = 'published' OR reply_count > 0)
  WHERE root_id IS NULL;

DROP INDEX comments_published;
CREATE INDEX comments_top_by_time ON comments (site, page, created_at, id) WHERE root_id IS NULL AND listed = 1;
CREATE INDEX comments_top_by_likes ON comments (site, page, likes, created_at, id) WHERE root_id IS NULL AND listed = 1;
CREATE INDEX comments_replies ON comments (site, page, root_id, created_at, id) WHERE root_id IS NOT NULL AND listed = 1;

CREATE TABLE likes (
  site TEXT NOT NULL,
  page TEXT NOT NULL,
  -- The liking identity (an author id: anonymous device, sso:<sub> or mod:<id>).
  author_id TEXT NOT NULL,
  comment_id TEXT NOT NULL,
  PRIMARY KEY (site, page, author_id, comment_id)
) WITHOUT ROWID;
CREATE INDEX likes_by_comment ON likes (site, page, comment_id);

-- A moderator's name in threads (null: their email's local part).
ALTER TABLE moderators ADD COLUMN name TEXT;
`;

/** The DDL that takes a database from version i to i + 1. */
const STEPS = [V1, V2, V3, V4, V5, V6];

/** Creates or upgrades the schema; a database from a newer release is refused, not guessed at. */
export function migrate(db: Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `The database was written by a newer Rembuk (schema ${version}; this one knows ${SCHEMA_VERSION}). Upgrade Rembuk or restore a backup.`,
    );
  }
  if (version === SCHEMA_VERSION) return;
  // IMMEDIATE, and the version read again inside: an admin command opening the same file at
  // the same moment (createEmbeddedStore's `besideRunningServer`) must not run a step twice.
  db.transaction(() => {
    const current = Number(db.pragma('user_version', { simple: true }));
    for (const step of STEPS.slice(current)) db.exec(step);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
