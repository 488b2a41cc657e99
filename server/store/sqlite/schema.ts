/**
 * The embedded store's tables. Every read the product needs is an indexed query: a thread's
 * published page by seq, an author's pending comments in a thread, an author's recent posts
 * across a site, a site-wide queue by status and time. `user_version` numbers the schema so a
 * later release can migrate it in place: each version's DDL runs once, in order, in one
 * transaction, so a database of any earlier version is upgraded where it lies.
 */
import type { Database } from 'better-sqlite3';

export const SCHEMA_VERSION = 3;

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

/** The DDL that takes a database from version i to i + 1. */
const STEPS = [V1, V2, V3];

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
