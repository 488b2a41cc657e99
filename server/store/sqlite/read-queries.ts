/**
 * The embedded store's reads, on a connection of the main thread's own. WAL lets them run
 * beside the writer thread's commits; each is an indexed query, and reads that must agree
 * (a page, its count and its seq) share one read transaction.
 */
import type { Database } from 'better-sqlite3';
import {
  AUTHOR_RECENT_KEPT,
  type AuthorHistory,
  type ModeratorAccount,
  type ModeratorRole,
  type ModeratorSession,
  QUEUE_NAMES,
  type QueueName,
  type QueuePage,
  type QueueQuery,
  type StoredComment,
  type StoredThreadPage,
  type ThreadEvents,
  type ThreadPageQuery,
} from '../types.ts';
import { parseStoredComment, parseStoredEvent } from '../stored-json.ts';

export interface ReadQueries {
  threadPage(site: string, page: string, query: ThreadPageQuery): StoredThreadPage;
  pendingByAuthor(site: string, page: string, authorId: string): StoredComment[];
  events(site: string, page: string, afterSeq: number, limit: number): ThreadEvents;
  byIdempotencyKey(site: string, page: string, authorId: string, key: string): StoredComment | null;
  comment(site: string, page: string, id: string): StoredComment | null;
  authorHistory(site: string, authorId: string): AuthorHistory;
  queue(site: string, queue: QueueName, query: QueueQuery): QueuePage;
  queueCounts(site: string): Record<QueueName, number>;
  moderator(id: string): ModeratorAccount | null;
  /** `email` already lower-cased and trimmed. */
  moderatorByEmail(email: string): ModeratorAccount | null;
  /** Ordered by email. */
  moderators(): ModeratorAccount[];
  /** The session with its account's passwordChangedAt; null when either is missing. */
  sessionWithAccount(id: string): { session: ModeratorSession; passwordChangedAt: number } | null;
}

interface ModeratorRow {
  id: string;
  email: string;
  role: string;
  sites: string;
  passwordHash: string;
  createdAt: number;
  passwordChangedAt: number;
}

const MODERATOR_COLUMNS = 'id, email, role, sites, password_hash AS passwordHash, created_at AS createdAt, password_changed_at AS passwordChangedAt';

function toAccount(row: ModeratorRow): ModeratorAccount {
  // Written by the store from a typed account, so read back as such.
  return { ...row, role: row.role as ModeratorRole, sites: JSON.parse(row.sites) as string[] };
}

const accountOrNull = (row: ModeratorRow | undefined): ModeratorAccount | null => (row ? toAccount(row) : null);

interface DataRow {
  data: string;
}

/** The status a queue's comments have; a queue holds those with a queued_at (schema.ts V3). */
const QUEUE_STATUS: Record<QueueName, string> = { pending: 'pending', rejected: 'rejected', approved: 'published' };

/**
 * The queue cursor: the last item's queued_at and rowid (the index's own tie-break), so a page
 * starts right after it whether or not it is still in the queue.
 */
function parseQueueCursor(cursor: string | null): [number, number] | null {
  if (cursor === null) return null;
  const match = /^(-?\d+):(\d+)$/.exec(cursor);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

export function createReadQueries(db: Database): ReadQueries {
  const pageRows = db.prepare<[string, string, number, number], DataRow & { seq: number }>(
    `SELECT data, seq FROM comments WHERE site = ? AND page = ? AND status = 'published' AND seq < ?
     ORDER BY seq DESC LIMIT ?`,
  );
  const threadRow = db.prepare<[string, string], { seq: number; count: number }>(
    'SELECT seq, published_count AS count FROM threads WHERE site = ? AND page = ?',
  );
  const pendingRows = db.prepare<[string, string, string], DataRow>(
    `SELECT data FROM comments WHERE site = ? AND page = ? AND author_id = ? AND status = 'pending'
     ORDER BY created_at DESC, rowid DESC`,
  );
  const eventRows = db.prepare<[string, string, number, number], DataRow>(
    'SELECT data FROM events WHERE site = ? AND page = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const oldestEvent = db.prepare<[string, string], { seq: number | null }>('SELECT min(seq) AS seq FROM events WHERE site = ? AND page = ?');
  const byKey = db.prepare<[string, string, string, string], DataRow>(
    'SELECT data FROM comments WHERE site = ? AND page = ? AND author_id = ? AND idem_key = ?',
  );
  const byId = db.prepare<[string, string, string], DataRow>('SELECT data FROM comments WHERE site = ? AND page = ? AND id = ?');
  const authorRow = db.prepare<[string, string], { approved: number; rejected: number; bannedUntil: number | null }>(
    `SELECT approved_count AS approved, rejected_count AS rejected, banned_until AS bannedUntil
     FROM authors WHERE site = ? AND author_id = ?`,
  );
  const recentRows = db.prepare<[string, string, number], { text: string; at: number; page: string }>(
    `SELECT json_extract(data, '$.text') AS text, created_at AS at, page FROM comments
     WHERE site = ? AND author_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );

  type QueueRow = DataRow & { rowid: number; queuedAt: number };
  const queueSelect = 'SELECT rowid, queued_at AS queuedAt, data FROM comments';
  const queueRows = {
    newest: db.prepare<[string, string, number, number, number], QueueRow>(
      `${queueSelect} WHERE site = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) < (?, ?)
       ORDER BY queued_at DESC, rowid DESC LIMIT ?`,
    ),
    oldest: db.prepare<[string, string, number, number, number], QueueRow>(
      `${queueSelect} WHERE site = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) > (?, ?)
       ORDER BY queued_at, rowid LIMIT ?`,
    ),
  };
  const queueRowsOfPage = {
    newest: db.prepare<[string, string, string, number, number, number], QueueRow>(
      `${queueSelect} WHERE site = ? AND page = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) < (?, ?)
       ORDER BY queued_at DESC, rowid DESC LIMIT ?`,
    ),
    oldest: db.prepare<[string, string, string, number, number, number], QueueRow>(
      `${queueSelect} WHERE site = ? AND page = ? AND status = ? AND queued_at IS NOT NULL AND (queued_at, rowid) > (?, ?)
       ORDER BY queued_at, rowid LIMIT ?`,
    ),
  };
  const queueCountRows = db.prepare<[string], { status: string; n: number }>(
    'SELECT status, count(*) AS n FROM comments WHERE site = ? AND queued_at IS NOT NULL GROUP BY status',
  );

  const moderatorById = db.prepare<[string], ModeratorRow>(`SELECT ${MODERATOR_COLUMNS} FROM moderators WHERE id = ?`);
  const moderatorByEmail = db.prepare<[string], ModeratorRow>(`SELECT ${MODERATOR_COLUMNS} FROM moderators WHERE email = ?`);
  const moderatorRows = db.prepare<[], ModeratorRow>(`SELECT ${MODERATOR_COLUMNS} FROM moderators ORDER BY email`);
  const sessionRow = db.prepare<[string], ModeratorSession & { passwordChangedAt: number }>(
    `SELECT s.id, s.moderator_id AS moderatorId, s.created_at AS createdAt, s.expires_at AS expiresAt, m.password_changed_at AS passwordChangedAt
     FROM moderator_sessions s JOIN moderators m ON m.id = s.moderator_id WHERE s.id = ?`,
  );

  const parse = (row: DataRow | undefined): StoredComment | null => (row ? parseStoredComment(row.data) : null);

  const threadPage = db.transaction((site: string, page: string, query: ThreadPageQuery): StoredThreadPage => {
    const before = query.cursor === null ? Number.MAX_SAFE_INTEGER : Number(query.cursor);
    const rows = pageRows.all(site, page, before, query.limit + 1);
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    const thread = threadRow.get(site, page);
    return {
      comments: shown.map((r) => parseStoredComment(r.data)),
      nextCursor: rows.length > query.limit && last ? String(last.seq) : null,
      count: thread?.count ?? 0,
      seq: thread?.seq ?? 0,
    };
  });

  const events = db.transaction((site: string, page: string, afterSeq: number, limit: number): ThreadEvents => {
    const seq = threadRow.get(site, page)?.seq ?? 0;
    const oldest = oldestEvent.get(site, page)?.seq ?? seq + 1;
    // Trimmed: the reader needs an event older than the oldest one kept.
    const complete = afterSeq >= oldest - 1;
    const list = complete ? eventRows.all(site, page, afterSeq, limit).map((r) => parseStoredEvent(r.data)) : [];
    return { events: list, seq, complete };
  });

  const authorHistory = db.transaction((site: string, authorId: string): AuthorHistory => {
    const row = authorRow.get(site, authorId);
    return {
      approvedCount: row?.approved ?? 0,
      rejectedCount: row?.rejected ?? 0,
      recentPosts: recentRows.all(site, authorId, AUTHOR_RECENT_KEPT),
      bannedUntil: row?.bannedUntil ?? null,
    };
  });

  function queue(site: string, name: QueueName, query: QueueQuery): QueuePage {
    const status = QUEUE_STATUS[name];
    const edge = query.order === 'newest' ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
    const [at, rowid] = parseQueueCursor(query.cursor) ?? [edge, edge];
    const rows =
      query.page === undefined
        ? queueRows[query.order].all(site, status, at, rowid, query.limit + 1)
        : queueRowsOfPage[query.order].all(site, query.page, status, at, rowid, query.limit + 1);
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    return {
      items: shown.map((r) => parseStoredComment(r.data)),
      nextCursor: rows.length > query.limit && last ? `${last.queuedAt}:${last.rowid}` : null,
    };
  }

  function queueCounts(site: string): Record<QueueName, number> {
    const byStatus = new Map(queueCountRows.all(site).map((r) => [r.status, r.n]));
    return Object.fromEntries(QUEUE_NAMES.map((name) => [name, byStatus.get(QUEUE_STATUS[name]) ?? 0])) as Record<QueueName, number>;
  }

  return {
    queue,
    queueCounts,
    threadPage: (site, page, query) => threadPage(site, page, query),
    pendingByAuthor: (site, page, authorId) => pendingRows.all(site, page, authorId).map((r) => parseStoredComment(r.data)),
    events: (site, page, afterSeq, limit) => events(site, page, afterSeq, limit),
    byIdempotencyKey: (site, page, authorId, key) => parse(byKey.get(site, page, authorId, key)),
    comment: (site, page, id) => parse(byId.get(site, page, id)),
    authorHistory: (site, authorId) => authorHistory(site, authorId),
    moderator: (id) => accountOrNull(moderatorById.get(id)),
    moderatorByEmail: (email) => accountOrNull(moderatorByEmail.get(email)),
    moderators: () => moderatorRows.all().map(toAccount),
    sessionWithAccount(id) {
      const row = sessionRow.get(id);
      if (!row) return null;
      const { passwordChangedAt, ...session } = row;
      return { session, passwordChangedAt };
    },
  };
}
