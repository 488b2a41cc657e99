/**
 * The embedded store's reads, on a connection of the main thread's own. WAL lets them run
 * beside the writer thread's commits; each is an indexed query, and reads that must agree
 * (a page, its count and its seq) share one read transaction.
 */
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../../protocol/moderation.ts';
import {
  AUTHOR_RECENT_KEPT,
  type AuthorHistory,
  type DailyStats,
  type ModeratorAccount,
  type ModeratorRole,
  type ModeratorSession,
  QUEUE_NAMES,
  type QueueName,
  type QueuePage,
  type QueueQuery,
  type RepliesQuery,
  type SitePolicyRecord,
  type SiteRecord,
  type StoredComment,
  type StoredReplies,
  type StoredThreadPage,
  type ThreadEvents,
  type ThreadPageQuery,
} from '../types.ts';
import { parseStoredComment, parseStoredEvent } from '../stored-json.ts';
import { decodeCursor, encodeCursor, type CursorPlace } from './thread-cursor.ts';

export interface ReadQueries {
  /** Throws StoreInputError for a cursor of another sort or one it never issued. */
  threadPage(site: string, page: string, query: ThreadPageQuery): StoredThreadPage;
  /** Throws StoreInputError for a cursor it never issued for replies. */
  replies(site: string, page: string, rootId: string, query: RepliesQuery): StoredReplies;
  threadCounts(site: string, pages: readonly string[]): Record<string, number>;
  pendingByAuthor(site: string, page: string, authorId: string): StoredComment[];
  events(site: string, page: string, afterSeq: number, limit: number): ThreadEvents;
  byIdempotencyKey(site: string, page: string, authorId: string, key: string): StoredComment | null;
  comment(site: string, page: string, id: string): StoredComment | null;
  authorHistory(site: string, authorId: string): AuthorHistory;
  queue(site: string, queue: QueueName, query: QueueQuery): QueuePage;
  queueCounts(site: string): Record<QueueName, number>;
  authorComments(site: string, authorId: string, limit: number): StoredComment[];
  recentComments(site: string, limit: number): StoredComment[];
  audit(site: string, query: { cursor: string | null; limit: number }): { entries: AuditEntry[]; nextCursor: string | null };
  dailyStats(site: string, days: readonly string[]): DailyStats[];
  sitePolicy(site: string): SitePolicyRecord | null;
  moderator(id: string): ModeratorAccount | null;
  /** `email` already lower-cased and trimmed. */
  moderatorByEmail(email: string): ModeratorAccount | null;
  /** Ordered by email. */
  moderators(): ModeratorAccount[];
  /** The session with its account's passwordChangedAt; null when either is missing. */
  sessionWithAccount(id: string): { session: ModeratorSession; passwordChangedAt: number } | null;
  site(id: string): SiteRecord | null;
  /** Ordered by id. */
  sites(): SiteRecord[];
}

interface ModeratorRow {
  id: string;
  email: string;
  role: string;
  sites: string;
  passwordHash: string;
  createdAt: number;
  passwordChangedAt: number;
  name: string | null;
}

const MODERATOR_COLUMNS =
  'id, email, role, sites, password_hash AS passwordHash, created_at AS createdAt, password_changed_at AS passwordChangedAt, name';

function toAccount(row: ModeratorRow): ModeratorAccount {
  const { name, ...rest } = row;
  // Written by the store from a typed account, so read back as such; no name is told by its absence, as the account was given.
  return { ...rest, role: row.role as ModeratorRole, sites: JSON.parse(row.sites) as string[], ...(name === null ? {} : { name }) };
}

const accountOrNull = (row: ModeratorRow | undefined): ModeratorAccount | null => (row ? toAccount(row) : null);

interface DataRow {
  data: string;
}

/** The SQL function the queue search folds case with: JavaScript's, so 'É' finds 'é' as SQLite's ASCII-only lower() would not. */
const FOLD = 'rembuk_fold';

/** Registers the functions these queries call; the query-plan test's connection needs them too. */
export function registerSqlFunctions(db: Database): void {
  db.function(FOLD, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : null));
}

/**
 * A keyset cursor: the last item's time (queued_at, or an audit entry's at) and rowid (the index's
 * own tie-break), so a page starts right after it whether or not it is still in the list.
 */
function parseTimeCursor(cursor: string | null): [number, number] | null {
  if (cursor === null) return null;
  const match = /^(-?\d+):(\d+)$/.exec(cursor);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * A queue page's SQL for one combination of filters; its parameters are named (@site, @queue, @at,
 * @rowid, @limit, and each filter's). The range is always one queue index (an author's, a page's or
 * the site's), walked in its order from the cursor. The rule and search filters are checked row by
 * row along that range, a rule by its comment_rules primary key, a search by folding the name, id
 * and text: a rare match may read far along one site's queue, bounded by that queue, never the table.
 */
export function queueSql(query: Pick<QueueQuery, 'order' | 'authorId' | 'page' | 'rule' | 'search'>): string {
  const newestFirst = query.order === 'newest';
  const filters = [
    query.authorId === undefined ? null : 'author_id = @authorId',
    query.page === undefined ? null : 'page = @page',
    query.rule === undefined
      ? null
      : 'EXISTS (SELECT 1 FROM comment_rules r WHERE r.site = c.site AND r.page = c.page AND r.id = c.id AND r.rule = @rule)',
    query.search
      ? `(instr(${FOLD}(json_extract(data, '$.authorName')), @search) > 0 OR instr(${FOLD}(author_id), @search) > 0 OR instr(${FOLD}(json_extract(data, '$.text')), @search) > 0)`
      : null,
  ].filter((f) => f !== null);
  const direction = newestFirst ? ' DESC' : '';
  return `SELECT rowid, queued_at AS queuedAt, data FROM comments c
    WHERE site = @site AND queue = @queue AND queue IS NOT NULL AND (queued_at, rowid) ${newestFirst ? '<' : '>'} (@at, @rowid)
    ${filters.map((f) => `AND ${f}`).join(' ')}
    ORDER BY queued_at${direction}, rowid${direction} LIMIT @limit`;
}

/** The columns a thread row is read with: its JSON and its place in the index it came from. */
const PLACE = 'data, likes, created_at AS createdAt, id';

/**
 * The SQL of a thread page's top-level comments in one sort, after a cursor's place (@likes,
 * @at, @id; sentinels past either end for the first page): one range of a partial index on
 * listed top-level comments (by time, or by likes then time), walked in its order.
 */
export const TOP_LEVEL_SQL: Record<ThreadPageQuery['sort'], string> = {
  newest: `SELECT ${PLACE} FROM comments WHERE site = @site AND page = @page AND root_id IS NULL AND listed = 1
    AND (created_at, id) < (@at, @id) ORDER BY created_at DESC, id DESC LIMIT @limit`,
  oldest: `SELECT ${PLACE} FROM comments WHERE site = @site AND page = @page AND root_id IS NULL AND listed = 1
    AND (created_at, id) > (@at, @id) ORDER BY created_at, id LIMIT @limit`,
  likes: `SELECT ${PLACE} FROM comments WHERE site = @site AND page = @page AND root_id IS NULL AND listed = 1
    AND (likes, created_at, id) < (@likes, @at, @id) ORDER BY likes DESC, created_at DESC, id DESC LIMIT @limit`,
};

/** A root's listed replies (published and deleted) after a place, oldest first, skipping @skip: one range of the replies index. */
export const REPLIES_SQL = `SELECT ${PLACE} FROM comments WHERE site = @site AND page = @page AND root_id = @root AND listed = 1
  AND (created_at, id) > (@at, @id) ORDER BY created_at, id LIMIT @limit OFFSET @skip`;

/** Which of the comments named (a JSON array of ids) one identity likes: a search of the likes primary key per id. */
export const LIKED_SQL = `SELECT comment_id AS id FROM likes WHERE site = @site AND page = @page AND author_id = @viewer
  AND comment_id IN (SELECT value FROM json_each(@ids))`;

/** Where the first page of each walk starts: before every row it can hold. */
const FIRST: Record<ThreadPageQuery['sort'] | 'replies', CursorPlace> = {
  newest: { likes: 0, createdAt: Number.MAX_SAFE_INTEGER, id: '' },
  oldest: { likes: 0, createdAt: Number.MIN_SAFE_INTEGER, id: '' },
  likes: { likes: Number.MAX_SAFE_INTEGER, createdAt: Number.MAX_SAFE_INTEGER, id: '' },
  replies: { likes: 0, createdAt: Number.MIN_SAFE_INTEGER, id: '' },
};

interface PlaceRow extends CursorPlace {
  data: string;
}

export function createReadQueries(db: Database): ReadQueries {
  registerSqlFunctions(db);
  const topLevel = {
    newest: db.prepare<Record<string, unknown>, PlaceRow>(TOP_LEVEL_SQL.newest),
    oldest: db.prepare<Record<string, unknown>, PlaceRow>(TOP_LEVEL_SQL.oldest),
    likes: db.prepare<Record<string, unknown>, PlaceRow>(TOP_LEVEL_SQL.likes),
  };
  const replyRows = db.prepare<Record<string, unknown>, PlaceRow>(REPLIES_SQL);
  const likedRows = db.prepare<Record<string, unknown>, { id: string }>(LIKED_SQL);
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
  const authorRow = db.prepare<
    [string, string],
    { approved: number; rejected: number; bannedUntil: number | null; trusted: number; firstSeen: number | null }
  >(
    `SELECT approved_count AS approved, rejected_count AS rejected, banned_until AS bannedUntil, trusted, first_seen_at AS firstSeen
     FROM authors WHERE site = ? AND author_id = ?`,
  );
  const recentRows = db.prepare<[string, string, number], { text: string; at: number; page: string; name: string }>(
    `SELECT json_extract(data, '$.text') AS text, created_at AS at, page, json_extract(data, '$.authorName') AS name FROM comments
     WHERE site = ? AND author_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const authorCommentRows = db.prepare<[string, string, number], DataRow>(
    'SELECT data FROM comments WHERE site = ? AND author_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
  );
  const recentCommentRows = db.prepare<[string, number], DataRow>(
    `SELECT data FROM comments WHERE site = ? AND status != 'deleted' ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const auditRows = db.prepare<[string, number, number, number], DataRow & { rowid: number; at: number }>(
    'SELECT rowid, at, data FROM audit WHERE site = ? AND (at, rowid) < (?, ?) ORDER BY at DESC, rowid DESC LIMIT ?',
  );
  const dayRow = db.prepare<
    [string, string],
    { published: number; held: number; rejected: number; approvedByModerator: number; rejectedByModerator: number }
  >(
    `SELECT published, held, rejected, approved_by_moderator AS approvedByModerator, rejected_by_moderator AS rejectedByModerator
     FROM daily_counts WHERE site = ? AND day = ?`,
  );
  const dayRuleRows = db.prepare<[string, string], { rule: string; n: number }>(
    'SELECT rule, n FROM daily_rules WHERE site = ? AND day = ? ORDER BY rule',
  );
  const policyRow = db.prepare<[string], DataRow>('SELECT data FROM site_policies WHERE site = ?');

  type QueueRow = DataRow & { rowid: number; queuedAt: number };
  const queueStatements = new Map<string, ReturnType<typeof db.prepare<Record<string, unknown>, QueueRow>>>();
  /** One statement per combination of filters (see queueSql), prepared once. */
  function queueStatement(query: QueueQuery) {
    const sql = queueSql(query);
    let statement = queueStatements.get(sql);
    if (!statement) {
      statement = db.prepare<Record<string, unknown>, QueueRow>(sql);
      queueStatements.set(sql, statement);
    }
    return statement;
  }
  const queueCountRows = db.prepare<[string], { queue: string; n: number }>(
    'SELECT queue, count(*) AS n FROM comments WHERE site = ? AND queue IS NOT NULL GROUP BY queue',
  );

  const moderatorById = db.prepare<[string], ModeratorRow>(`SELECT ${MODERATOR_COLUMNS} FROM moderators WHERE id = ?`);
  const moderatorByEmail = db.prepare<[string], ModeratorRow>(`SELECT ${MODERATOR_COLUMNS} FROM moderators WHERE email = ?`);
  const moderatorRows = db.prepare<[], ModeratorRow>(`SELECT ${MODERATOR_COLUMNS} FROM moderators ORDER BY email`);
  const sessionRow = db.prepare<[string], ModeratorSession & { passwordChangedAt: number }>(
    `SELECT s.id, s.moderator_id AS moderatorId, s.created_at AS createdAt, s.expires_at AS expiresAt, m.password_changed_at AS passwordChangedAt
     FROM moderator_sessions s JOIN moderators m ON m.id = s.moderator_id WHERE s.id = ?`,
  );

  const siteById = db.prepare<[string], { data: string }>('SELECT data FROM sites WHERE id = ?');
  const siteRows = db.prepare<[], { data: string }>('SELECT data FROM sites ORDER BY id');
  // Written by the store from typed records, so read back as such.
  const toSite = (row: { data: string }) => JSON.parse(row.data) as SiteRecord;

  const parse = (row: DataRow | undefined): StoredComment | null => (row ? parseStoredComment(row.data) : null);

  /** The ids among `comments` that `viewer` likes, in their order; none without a viewer. */
  function likedAmong(site: string, page: string, viewer: string | null, comments: StoredComment[]): string[] {
    if (viewer === null || comments.length === 0) return [];
    const liked = new Set(likedRows.all({ site, page, viewer, ids: JSON.stringify(comments.map((c) => c.id)) }).map((r) => r.id));
    return comments.filter((c) => liked.has(c.id)).map((c) => c.id);
  }

  function repliesAfter(site: string, page: string, root: string, place: CursorPlace, skip: number, limit: number): PlaceRow[] {
    return replyRows.all({ site, page, root, at: place.createdAt, id: place.id, skip, limit });
  }

  // One read transaction: the comments, their replies, the count, the seq and the likes describe one moment.
  const threadPage = db.transaction((site: string, page: string, query: ThreadPageQuery): StoredThreadPage => {
    const place = query.cursor === null ? FIRST[query.sort] : decodeCursor(query.sort, query.cursor);
    const rows = topLevel[query.sort].all({ site, page, likes: place.likes, at: place.createdAt, id: place.id, limit: query.limit + 1 });
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    const comments = shown.map((r) => parseStoredComment(r.data));
    const replies =
      query.repliesPerRoot > 0
        ? comments.flatMap((c) => repliesAfter(site, page, c.id, FIRST.replies, 0, query.repliesPerRoot).map((r) => parseStoredComment(r.data)))
        : [];
    const thread = threadRow.get(site, page);
    return {
      comments,
      replies,
      nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last) : null,
      count: thread?.count ?? 0,
      seq: thread?.seq ?? 0,
      liked: likedAmong(site, page, query.viewerId, [...comments, ...replies]),
    };
  });

  const replies = db.transaction((site: string, page: string, root: string, query: RepliesQuery): StoredReplies => {
    const place = query.cursor === null ? FIRST.replies : decodeCursor('replies', query.cursor);
    const skip = query.cursor === null ? Math.max(0, query.skip) : 0;
    const rows = repliesAfter(site, page, root, place, skip, query.limit + 1);
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    const list = shown.map((r) => parseStoredComment(r.data));
    return {
      replies: list,
      nextCursor: rows.length > query.limit && last ? encodeCursor('replies', last) : null,
      liked: likedAmong(site, page, query.viewerId, list),
    };
  });

  // One transaction: the counts describe one moment. A primary-key lookup per page (threads is
  // keyed by site and page) costs less than building an IN list of up to 100 parameters.
  const threadCounts = db.transaction((site: string, pages: readonly string[]): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const page of pages) counts[page] = threadRow.get(site, page)?.count ?? 0;
    return counts;
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
    const recent = recentRows.all(site, authorId, AUTHOR_RECENT_KEPT);
    return {
      approvedCount: row?.approved ?? 0,
      rejectedCount: row?.rejected ?? 0,
      recentPosts: recent.map(({ text, at, page }) => ({ text, at, page })),
      bannedUntil: row?.bannedUntil ?? null,
      trusted: row?.trusted === 1,
      firstSeen: row?.firstSeen ?? null,
      name: recent[0]?.name ?? null,
    };
  });

  function queue(site: string, name: QueueName, query: QueueQuery): QueuePage {
    const edge = query.order === 'newest' ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
    const [at, rowid] = parseTimeCursor(query.cursor) ?? [edge, edge];
    const rows = queueStatement(query).all({
      site,
      queue: name,
      at,
      rowid,
      limit: query.limit + 1,
      ...(query.authorId === undefined ? {} : { authorId: query.authorId }),
      ...(query.page === undefined ? {} : { page: query.page }),
      ...(query.rule === undefined ? {} : { rule: query.rule }),
      ...(query.search ? { search: query.search.toLowerCase() } : {}),
    });
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    return {
      items: shown.map((r) => parseStoredComment(r.data)),
      nextCursor: rows.length > query.limit && last ? `${last.queuedAt}:${last.rowid}` : null,
    };
  }

  function queueCounts(site: string): Record<QueueName, number> {
    const byQueue = new Map(queueCountRows.all(site).map((r) => [r.queue, r.n]));
    return Object.fromEntries(QUEUE_NAMES.map((name) => [name, byQueue.get(name) ?? 0])) as Record<QueueName, number>;
  }

  function audit(site: string, query: { cursor: string | null; limit: number }) {
    const [at, rowid] = parseTimeCursor(query.cursor) ?? [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    const rows = auditRows.all(site, at, rowid, query.limit + 1);
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    return {
      // Written by the store from typed entries, so read back as such.
      entries: shown.map((r) => JSON.parse(r.data) as AuditEntry),
      nextCursor: rows.length > query.limit && last ? `${last.at}:${last.rowid}` : null,
    };
  }

  const dailyStats = db.transaction((site: string, days: readonly string[]): DailyStats[] =>
    days.map((day) => {
      const counts = dayRow.get(site, day);
      return {
        day,
        published: counts?.published ?? 0,
        held: counts?.held ?? 0,
        rejected: counts?.rejected ?? 0,
        approvedByModerator: counts?.approvedByModerator ?? 0,
        rejectedByModerator: counts?.rejectedByModerator ?? 0,
        rules: Object.fromEntries(dayRuleRows.all(site, day).map((r) => [r.rule, r.n])),
      };
    }),
  );

  return {
    queue,
    queueCounts,
    authorComments: (site, authorId, limit) => authorCommentRows.all(site, authorId, limit).map((r) => parseStoredComment(r.data)),
    recentComments: (site, limit) => recentCommentRows.all(site, limit).map((r) => parseStoredComment(r.data)),
    audit,
    dailyStats: (site, days) => dailyStats(site, days),
    sitePolicy(site) {
      const row = policyRow.get(site);
      // Written by the store from a typed record, so read back as such.
      return row ? (JSON.parse(row.data) as SitePolicyRecord) : null;
    },
    threadPage: (site, page, query) => threadPage(site, page, query),
    replies: (site, page, rootId, query) => replies(site, page, rootId, query),
    threadCounts: (site, pages) => threadCounts(site, pages),
    pendingByAuthor: (site, page, authorId) => pendingRows.all(site, page, authorId).map((r) => parseStoredComment(r.data)),
    events: (site, page, afterSeq, limit) => events(site, page, afterSeq, limit),
    byIdempotencyKey: (site, page, authorId, key) => parse(byKey.get(site, page, authorId, key)),
    comment: (site, page, id) => parse(byId.get(site, page, id)),
    authorHistory: (site, authorId) => authorHistory(site, authorId),
    moderator: (id) => accountOrNull(moderatorById.get(id)),
    moderatorByEmail: (email) => accountOrNull(moderatorByEmail.get(email)),
    moderators: () => moderatorRows.all().map(toAccount),
    site(id) {
      const row = siteById.get(id);
      return row ? toSite(row) : null;
    },
    sites: () => siteRows.all().map(toSite),
    sessionWithAccount(id) {
      const row = sessionRow.get(id);
      if (!row) return null;
      const { passwordChangedAt, ...session } = row;
      return { session, passwordChangedAt };
    },
  };
}
