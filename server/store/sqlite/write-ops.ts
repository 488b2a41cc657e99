/**
 * The embedded store's writes, as plain synchronous functions over one better-sqlite3
 * connection. The writer thread (sqlite-writer.ts) runs each inside its own savepoint of a
 * group-commit transaction, so a write is whole or absent and is durable once the batch commits.
 */
import type { Database } from 'better-sqlite3';
import type { ThreadEvent } from '../../../protocol/events.ts';
import type { AuditEntry } from '../../../protocol/moderation.ts';
import { commentCreatedEvent, commentDeletedEvent, commentLikedEvent, commentUpdatedEvent, withCommentDefaults } from '../public-views.ts';
import type {
  CommentEdit,
  CreateCommentResult,
  DeleteResult,
  EditResult,
  ReactResult,
  DecideOptions,
  Decision,
  DecideResult,
  ModeratorAccount,
  ModeratorSession,
  ModeratorUpdate,
  NewComment,
  ReportResult,
  SignInLink,
  SitePolicyRecord,
  SiteRecord,
  SiteUpdate,
  StoredComment,
  StoredReport,
} from '../types.ts';
import { decisionAuditEntry } from '../decision-audit.ts';
import { importIdempotencyKey, type ImportCommentResult } from '../comment-transfer-types.ts';
import { parseStoredComment } from '../stored-json.ts';
import {
  creationFigures,
  isListed,
  planDecision,
  planDelete,
  planEdit,
  planReaction,
  planReport,
  queuedAt,
  queueOf,
  replyCountDelta,
  utcDay,
  withReplyCount,
  type ThreadMove,
} from '../moderation-transitions.ts';

/** How many events per thread stay replayable for `thread:resync`. */
export const EVENTS_KEPT = 5_000;

export interface WriteOps {
  createComment(comment: NewComment, key: string): CreateCommentResult;
  /** Re-applies a record from the legacy journal with the seq it had then. */
  importComment(comment: StoredComment, key: string, seq: number | null): void;
  /** A comment from an export, as it was (comment-transfer-types.ts); a published one takes the thread's next seq. */
  importExported(comment: StoredComment): ImportCommentResult;
  setAuthorBan(site: string, authorId: string, until: number | null): void;
  /** A moderator's decision (0016's table), with its thread event, author counts, day's figure and audit entry, whole in this one write. */
  decideComment(site: string, page: string, id: string, decision: Decision, options: DecideOptions): DecideResult;
  /** A reader's report, and the hiding it may cause, whole in this one write. */
  reportComment(site: string, page: string, id: string, report: StoredReport, hideAt: number): ReportResult;
  /** A like or its taking back: the likes row, the count, the likes index and the event, whole in this one write. */
  reactToComment(site: string, page: string, id: string, authorId: string, like: boolean): ReactResult;
  /** An author's edit (0021): text, verdict, status, queue, thread, root and event, whole in this one write. */
  editComment(site: string, page: string, id: string, edit: CommentEdit): EditResult;
  /** An author's deletion (0021): the tombstone, its likes gone, out of its queue and thread, whole in this one write. */
  deleteComment(site: string, page: string, id: string, authorId: string): DeleteResult;
  setAuthorTrusted(site: string, authorId: string, trusted: boolean): void;
  /** Idempotent on the entry's id. */
  appendAudit(entry: AuditEntry): void;
  setSitePolicy(site: string, record: SitePolicyRecord): void;
  createSignInLink(link: SignInLink): void;
  /** Deletes the link whatever it answers, and every link expired by `now`. */
  consumeSignInLink(id: string, now: number): string | null;
  /** A real write of about a comment's size: proves the disk takes writes now. */
  probe(at: number): void;
  /** False when the (already normalized) email is taken; nothing written then. */
  createModerator(account: ModeratorAccount): boolean;
  updateModerator(id: string, update: ModeratorUpdate): boolean;
  /** The account and all its sessions; false when there was no account. */
  removeModerator(id: string): boolean;
  /** Also drops that moderator's sessions that had expired by the new one's creation. */
  createSession(session: ModeratorSession): void;
  revokeSession(id: string): void;
  revokeSessionsOf(moderatorId: string): number;
  /** False when the id is taken; nothing written then. */
  createSite(site: SiteRecord): boolean;
  /** Read, merged and written in this one write, so two updates never lose each other's fields. */
  updateSite(id: string, update: SiteUpdate): boolean;
  removeSite(id: string): boolean;
}

interface CommentRow {
  data: string;
  seq: number | null;
}

/** The columns thread pages filter and sort on, read off the comment as it is to be stored. */
function threadColumns(comment: StoredComment) {
  return {
    rootId: comment.rootId,
    depth: comment.depth,
    likes: comment.likes,
    replyCount: comment.replyCount,
    listed: isListed(comment) ? 1 : 0,
  };
}

/** A day's figures, all zero; a write adds its one. */
const NO_COUNTS = { published: 0, held: 0, rejected: 0, approvedByModerator: 0, rejectedByModerator: 0 };

export function createWriteOps(db: Database): WriteOps {
  const findByKey = db.prepare<[string, string, string, string], Pick<CommentRow, 'data'>>(
    'SELECT data FROM comments WHERE site = ? AND page = ? AND author_id = ? AND idem_key = ?',
  );
  const insertComment = db.prepare(
    `INSERT INTO comments (site, page, id, author_id, idem_key, status, created_at, seq, queue, queued_at,
       root_id, depth, likes, reply_count, listed, data)
     VALUES (@site, @page, @id, @authorId, @key, @status, @createdAt, @seq, @queue, @queuedAt,
       @rootId, @depth, @likes, @replyCount, @listed, @data)`,
  );
  const byId = db.prepare<[string, string, string], CommentRow>('SELECT data, seq FROM comments WHERE site = ? AND page = ? AND id = ?');
  const updateComment = db.prepare(
    `UPDATE comments SET status = @status, seq = @seq, queue = @queue, queued_at = @queuedAt,
       likes = @likes, reply_count = @replyCount, listed = @listed, data = @data
     WHERE site = @site AND page = @page AND id = @id`,
  );
  const insertRule = db.prepare('INSERT INTO comment_rules (site, page, id, rule) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const deleteRules = db.prepare('DELETE FROM comment_rules WHERE site = ? AND page = ? AND id = ?');
  const publishedReplies = db.prepare<[string, string, string], { n: number }>(
    `SELECT count(*) AS n FROM comments WHERE site = ? AND page = ? AND root_id = ? AND listed = 1 AND status = 'published'`,
  );
  const likeRow = db.prepare<[string, string, string, string], { one: number }>(
    'SELECT 1 AS one FROM likes WHERE site = ? AND page = ? AND author_id = ? AND comment_id = ?',
  );
  const insertLike = db.prepare('INSERT INTO likes (site, page, author_id, comment_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const deleteLike = db.prepare('DELETE FROM likes WHERE site = ? AND page = ? AND author_id = ? AND comment_id = ?');
  const deleteLikesOf = db.prepare('DELETE FROM likes WHERE site = ? AND page = ? AND comment_id = ?');
  const ensureThread = db.prepare('INSERT INTO threads (site, page, seq, published_count) VALUES (?, ?, 0, 0) ON CONFLICT DO NOTHING');
  // One statement for both ways a comment moves: into the thread (+1) or out of it (-1); each takes the next seq.
  const nextSeq = db.prepare<[number, string, string], { seq: number; count: number }>(
    `UPDATE threads SET seq = seq + 1, published_count = published_count + ?
     WHERE site = ? AND page = ? RETURNING seq, published_count AS count`,
  );
  const importSeq = db.prepare(
    `INSERT INTO threads (site, page, seq, published_count) VALUES (?, ?, ?, 1)
     ON CONFLICT DO UPDATE SET seq = max(seq, excluded.seq), published_count = published_count + 1`,
  );
  const publishedCount = db.prepare<[string, string], { c: number }>('SELECT published_count AS c FROM threads WHERE site = ? AND page = ?');
  const insertEvent = db.prepare('INSERT INTO events (site, page, seq, data) VALUES (?, ?, ?, ?)');
  const trimEvents = db.prepare('DELETE FROM events WHERE site = ? AND page = ? AND seq <= ?');
  const recordAuthor = db.prepare(
    `INSERT INTO authors (site, author_id, first_seen_at, approved_count, rejected_count)
     VALUES (@site, @authorId, @at, @approved, @rejected)
     ON CONFLICT DO UPDATE SET
       first_seen_at = coalesce(min(first_seen_at, excluded.first_seen_at), excluded.first_seen_at),
       approved_count = approved_count + excluded.approved_count,
       rejected_count = rejected_count + excluded.rejected_count`,
  );
  const setBan = db.prepare(
    `INSERT INTO authors (site, author_id, banned_until) VALUES (@site, @authorId, @until)
     ON CONFLICT DO UPDATE SET banned_until = excluded.banned_until`,
  );
  const setTrust = db.prepare(
    `INSERT INTO authors (site, author_id, trusted) VALUES (@site, @authorId, @trusted)
     ON CONFLICT DO UPDATE SET trusted = excluded.trusted`,
  );
  const countDay = db.prepare(
    `INSERT INTO daily_counts (site, day, published, held, rejected, approved_by_moderator, rejected_by_moderator)
     VALUES (@site, @day, @published, @held, @rejected, @approvedByModerator, @rejectedByModerator)
     ON CONFLICT DO UPDATE SET
       published = published + excluded.published, held = held + excluded.held, rejected = rejected + excluded.rejected,
       approved_by_moderator = approved_by_moderator + excluded.approved_by_moderator,
       rejected_by_moderator = rejected_by_moderator + excluded.rejected_by_moderator`,
  );
  const countRule = db.prepare('INSERT INTO daily_rules (site, day, rule, n) VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1');
  const insertAudit = db.prepare('INSERT INTO audit (site, id, at, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const upsertPolicy = db.prepare('INSERT INTO site_policies (site, data) VALUES (?, ?) ON CONFLICT DO UPDATE SET data = excluded.data');
  const insertLink = db.prepare(
    `INSERT INTO sign_in_links (id, moderator_id, expires_at) VALUES (@id, @moderatorId, @expiresAt)
     ON CONFLICT DO UPDATE SET moderator_id = excluded.moderator_id, expires_at = excluded.expires_at`,
  );
  const takeLink = db.prepare<[string], { moderatorId: string; expiresAt: number }>(
    'DELETE FROM sign_in_links WHERE id = ? RETURNING moderator_id AS moderatorId, expires_at AS expiresAt',
  );
  const deleteExpiredLinks = db.prepare('DELETE FROM sign_in_links WHERE expires_at <= ?');
  const writeProbe = db.prepare("INSERT INTO meta (key, value) VALUES ('health-probe', ?) ON CONFLICT DO UPDATE SET value = excluded.value");

  const insertModerator = db.prepare(
    `INSERT INTO moderators (id, email, role, sites, password_hash, created_at, password_changed_at, name)
     VALUES (@id, @email, @role, @sites, @passwordHash, @createdAt, @passwordChangedAt, @name) ON CONFLICT DO NOTHING`,
  );
  const updateModeratorRow = db.prepare(
    `UPDATE moderators SET role = coalesce(@role, role), sites = coalesce(@sites, sites),
       password_hash = coalesce(@passwordHash, password_hash), password_changed_at = coalesce(@passwordChangedAt, password_changed_at),
       name = CASE WHEN @setName THEN @name ELSE name END
     WHERE id = @id`,
  );
  const deleteModerator = db.prepare('DELETE FROM moderators WHERE id = ?');
  const insertSession = db.prepare(
    `INSERT INTO moderator_sessions (id, moderator_id, created_at, expires_at) VALUES (@id, @moderatorId, @createdAt, @expiresAt)
     ON CONFLICT DO UPDATE SET moderator_id = excluded.moderator_id, created_at = excluded.created_at, expires_at = excluded.expires_at`,
  );
  const deleteExpiredOf = db.prepare('DELETE FROM moderator_sessions WHERE moderator_id = ? AND expires_at <= ?');
  const deleteSession = db.prepare('DELETE FROM moderator_sessions WHERE id = ?');
  const deleteSessionsOf = db.prepare('DELETE FROM moderator_sessions WHERE moderator_id = ?');

  const insertSite = db.prepare('INSERT INTO sites (id, data) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const siteRow = db.prepare<[string], { data: string }>('SELECT data FROM sites WHERE id = ?');
  const writeSite = db.prepare('UPDATE sites SET data = ? WHERE id = ?');
  const deleteSite = db.prepare('DELETE FROM sites WHERE id = ?');

  function insert(comment: StoredComment, key: string, seq: number | null): void {
    insertComment.run({
      site: comment.site,
      page: comment.page,
      id: comment.id,
      authorId: comment.authorId,
      key,
      status: comment.status,
      createdAt: comment.createdAt,
      seq,
      // Held and engine-rejected comments enter their queue when created; a published one is in none.
      queue: queueOf(comment),
      queuedAt: queuedAt(comment),
      ...threadColumns(comment),
      data: JSON.stringify(comment),
    });
    for (const reason of new Set(comment.moderation.reasons.map((r) => r.rule))) insertRule.run(comment.site, comment.page, comment.id, reason);
    const figures = creationFigures(comment);
    countDay.run({ ...NO_COUNTS, site: comment.site, day: figures.day, [figures.counter]: 1 });
    for (const rule of figures.rules) countRule.run(comment.site, figures.day, rule);
    recordAuthor.run({
      site: comment.site,
      authorId: comment.authorId,
      at: comment.createdAt,
      approved: comment.status === 'published' ? 1 : 0,
      rejected: comment.status === 'rejected' ? 1 : 0,
    });
  }

  function appendEvent(comment: StoredComment, seq: number, count: number, kind: 'in' | 'out' = 'in'): ThreadEvent {
    return logEvent(comment.site, kind === 'in' ? commentCreatedEvent(comment, seq, count) : commentDeletedEvent(comment, seq, count));
  }

  function logEvent(site: string, event: ThreadEvent): ThreadEvent {
    insertEvent.run(site, event.page, event.seq, JSON.stringify(event));
    // Trimming in steps keeps the delete rare and the log between EVENTS_KEPT and twice that.
    if (event.seq % EVENTS_KEPT === 0) trimEvents.run(site, event.page, event.seq - EVENTS_KEPT);
    return event;
  }

  /** The thread's next seq for an event that moves nothing in or out (an update, a like), with the count as it is. */
  function stillSeq(site: string, page: string): { seq: number; count: number } {
    ensureThread.run(site, page);
    const next = nextSeq.get(0, site, page);
    if (!next) throw new Error('the thread row vanished inside its own transaction');
    return next;
  }

  /**
   * A reply moved `delta` into or out of published: its root's replyCount (and so whether a
   * tombstone root stays listed) follows in the same write. A root that is gone has nothing to count.
   */
  function countUnderRoot(comment: StoredComment, delta: number): void {
    if (delta === 0 || comment.rootId === null) return;
    const row = byId.get(comment.site, comment.page, comment.rootId);
    if (!row) return;
    rewrite(withReplyCount(parseStoredComment(row.data), delta), row.seq);
  }

  function replaceRules(comment: StoredComment): void {
    deleteRules.run(comment.site, comment.page, comment.id);
    for (const reason of new Set(comment.moderation.reasons.map((r) => r.rule))) insertRule.run(comment.site, comment.page, comment.id, reason);
  }

  /** Takes the thread's next seq for a comment moving into or out of it, and logs the event. */
  function moveInThread(comment: StoredComment, move: ThreadMove): { seq: number | null; event: ThreadEvent | null } {
    if (move === null) return { seq: null, event: null };
    ensureThread.run(comment.site, comment.page);
    const next = nextSeq.get(move === 'in' ? 1 : -1, comment.site, comment.page);
    if (!next) throw new Error('the thread row vanished inside its own transaction');
    return { seq: next.seq, event: appendEvent(comment, next.seq, next.count, move) };
  }

  function rewrite(comment: StoredComment, seq: number | null): void {
    const { changes } = updateComment.run({
      site: comment.site,
      page: comment.page,
      id: comment.id,
      status: comment.status,
      seq,
      queue: queueOf(comment),
      // A later report leaves a reported comment's place alone: it is ordered by its first open one.
      queuedAt: queuedAt(comment),
      ...threadColumns(comment),
      data: JSON.stringify(comment),
    });
    if (changes !== 1) throw new Error(`comment ${comment.id} vanished inside its own transaction`);
  }

  /**
   * A comment from an export or the legacy journal, with 0021's fields where it lacks them. Its
   * replyCount is counted again from the replies imported so far (each published reply imported
   * after it adds itself), so an export of any age, with or without the counts, comes in exact.
   */
  function asImported(input: StoredComment): StoredComment {
    const comment = withCommentDefaults(structuredClone(input));
    if (comment.rootId !== null) return { ...comment, replyCount: 0 };
    return { ...comment, replyCount: publishedReplies.get(comment.site, comment.page, comment.id)?.n ?? 0 };
  }

  /** The seq column a comment keeps: its thread seq while published, null otherwise. */
  const seqAfter = (row: { seq: number | null }, comment: StoredComment, moved: number | null): number | null =>
    comment.status === 'published' ? (moved ?? row.seq) : null;

  return {
    createComment(input, key) {
      const existing = findByKey.get(input.site, input.page, input.authorId, key);
      if (existing) return { comment: parseStoredComment(existing.data), event: null, duplicate: true };
      const comment: StoredComment = structuredClone(input);
      if (comment.status !== 'published') {
        insert(comment, key, null);
        return { comment, event: null, duplicate: false };
      }
      ensureThread.run(comment.site, comment.page);
      const next = nextSeq.get(1, comment.site, comment.page);
      if (!next) throw new Error('the thread row vanished inside its own transaction');
      insert(comment, key, next.seq);
      countUnderRoot(comment, 1);
      return { comment, event: appendEvent(comment, next.seq, next.count), duplicate: false };
    },

    importComment(legacy, key, seq) {
      const comment = asImported(legacy);
      if (findByKey.get(comment.site, comment.page, comment.authorId, key)) return;
      insert(comment, key, seq);
      if (comment.status === 'published') countUnderRoot(comment, 1);
      if (seq === null) return;
      importSeq.run(comment.site, comment.page, seq);
      const count = publishedCount.get(comment.site, comment.page);
      appendEvent(comment, seq, count?.c ?? 1);
    },

    importExported(input) {
      if (byId.get(input.site, input.page, input.id)) return 'exists';
      const comment = asImported(input);
      const key = importIdempotencyKey(comment.id);
      if (comment.status !== 'published') {
        insert(comment, key, null);
        return 'imported';
      }
      ensureThread.run(comment.site, comment.page);
      const next = nextSeq.get(1, comment.site, comment.page);
      if (!next) throw new Error('the thread row vanished inside its own transaction');
      insert(comment, key, next.seq);
      countUnderRoot(comment, 1);
      appendEvent(comment, next.seq, next.count);
      return 'imported';
    },

    decideComment(site, page, id, decision, options) {
      const row = byId.get(site, page, id);
      if (!row) return { ok: false, code: 'NOT_FOUND' };
      const stored = parseStoredComment(row.data);
      // The writer thread runs one write at a time, so this check and the writes below are one step.
      const plan = planDecision(stored, decision, options.revision);
      if (!plan.ok) return plan.code === 'NOT_FOUND' ? { ok: false, code: 'NOT_FOUND' } : { ok: false, code: 'ALREADY_DECIDED', comment: stored };
      const { comment, change, from } = plan;
      const moved = moveInThread(comment, change.thread);
      rewrite(comment, seqAfter(row, comment, moved.seq));
      countUnderRoot(comment, replyCountDelta(comment, change));
      recordAuthor.run({ site, authorId: comment.authorId, at: comment.createdAt, approved: change.approvedDelta, rejected: change.rejectedDelta });
      const approve = decision.action === 'approve';
      countDay.run({ ...NO_COUNTS, site, day: utcDay(decision.at), [approve ? 'approvedByModerator' : 'rejectedByModerator']: 1 });
      const audit = decisionAuditEntry({ site, page, id }, decision, options, stored, comment);
      insertAudit.run(site, audit.id, audit.at, JSON.stringify(audit));
      return { ok: true, comment, event: moved.event, from, audit };
    },

    reportComment(site, page, id, report, hideAt) {
      const row = byId.get(site, page, id);
      if (!row) return { ok: false, code: 'NOT_FOUND' };
      const stored = parseStoredComment(row.data);
      const plan = planReport(stored, report, hideAt);
      if (!plan.ok) return plan;
      if (!plan.first) return { ok: true, first: false, comment: stored, event: null, hidden: false };
      const { comment, change } = plan;
      const moved = moveInThread(comment, change.thread);
      rewrite(comment, seqAfter(row, comment, moved.seq));
      countUnderRoot(comment, replyCountDelta(comment, change));
      if (change.approvedDelta !== 0) {
        recordAuthor.run({ site, authorId: comment.authorId, at: comment.createdAt, approved: change.approvedDelta, rejected: 0 });
      }
      return { ok: true, first: true, comment, event: moved.event, hidden: plan.hidden };
    },

    reactToComment(site, page, id, authorId, like) {
      const row = byId.get(site, page, id);
      if (!row) return { ok: false, code: 'NOT_FOUND' };
      const stored = parseStoredComment(row.data);
      const plan = planReaction(stored, likeRow.get(site, page, authorId, id) !== undefined, like);
      if (!plan.ok) return plan;
      if (plan.delta === 0) return { ok: true, likes: plan.likes, liked: plan.liked, event: null };
      if (like) insertLike.run(site, page, authorId, id);
      else deleteLike.run(site, page, authorId, id);
      const comment: StoredComment = { ...stored, likes: plan.likes };
      rewrite(comment, row.seq);
      const next = stillSeq(site, page);
      return { ok: true, likes: plan.likes, liked: plan.liked, event: logEvent(site, commentLikedEvent(comment, next.seq, plan.likes)) };
    },

    editComment(site, page, id, edit) {
      const row = byId.get(site, page, id);
      if (!row) return { ok: false, code: 'NOT_FOUND' };
      const plan = planEdit(parseStoredComment(row.data), edit);
      if (!plan.ok) return { ok: false, code: plan.code };
      const { comment, change } = plan;
      let event: ThreadEvent | null = null;
      let moved: number | null = null;
      if (plan.event === 'updated') {
        const next = stillSeq(site, page);
        event = logEvent(site, commentUpdatedEvent(comment, next.seq, next.count));
      } else {
        const move = moveInThread(comment, change.thread);
        event = move.event;
        moved = move.seq;
      }
      rewrite(comment, seqAfter(row, comment, moved));
      replaceRules(comment);
      countUnderRoot(comment, plan.rootDelta);
      if (change.approvedDelta !== 0 || change.rejectedDelta !== 0) {
        recordAuthor.run({ site, authorId: comment.authorId, at: comment.createdAt, approved: change.approvedDelta, rejected: change.rejectedDelta });
      }
      return { ok: true, comment, event };
    },

    deleteComment(site, page, id, authorId) {
      const row = byId.get(site, page, id);
      if (!row) return { ok: false, code: 'NOT_FOUND' };
      const stored = parseStoredComment(row.data);
      const plan = planDelete(stored, authorId);
      if (!plan.ok) return { ok: false, code: plan.code };
      if (plan.repeated) return { ok: true, comment: stored, event: null };
      const { comment, change } = plan;
      const moved = moveInThread(comment, change.thread);
      rewrite(comment, seqAfter(row, comment, moved.seq));
      deleteLikesOf.run(site, page, id);
      countUnderRoot(comment, plan.rootDelta);
      recordAuthor.run({ site, authorId: comment.authorId, at: comment.createdAt, approved: change.approvedDelta, rejected: change.rejectedDelta });
      return { ok: true, comment, event: moved.event };
    },

    setAuthorTrusted(site, authorId, trusted) {
      setTrust.run({ site, authorId, trusted: trusted ? 1 : 0 });
    },

    appendAudit(entry) {
      insertAudit.run(entry.site, entry.id, entry.at, JSON.stringify(entry));
    },

    setSitePolicy(site, record) {
      upsertPolicy.run(site, JSON.stringify(record));
    },

    createSignInLink(link) {
      insertLink.run(link);
    },

    consumeSignInLink(id, now) {
      const link = takeLink.get(id);
      deleteExpiredLinks.run(now);
      return link && now < link.expiresAt ? link.moderatorId : null;
    },

    setAuthorBan(site, authorId, until) {
      setBan.run({ site, authorId, until });
    },

    probe(at) {
      // About the largest comment's size, so a probe that fits means a post would fit too.
      writeProbe.run(`${at}:${'.'.repeat(16 * 1024)}`);
    },

    createModerator(account) {
      // ON CONFLICT DO NOTHING covers both keys: a taken email (or id) inserts no row.
      const { changes } = insertModerator.run({ ...account, sites: JSON.stringify(account.sites), name: account.name ?? null });
      return changes === 1;
    },

    updateModerator(id, update) {
      const { changes } = updateModeratorRow.run({
        id,
        role: update.role ?? null,
        sites: update.sites === undefined ? null : JSON.stringify(update.sites),
        passwordHash: update.passwordHash ?? null,
        passwordChangedAt: update.passwordChangedAt ?? null,
        // A name given as null takes the name away (their email's local part shows again); an absent one leaves it.
        setName: update.name === undefined ? 0 : 1,
        name: update.name ?? null,
      });
      return changes === 1;
    },

    removeModerator(id) {
      deleteSessionsOf.run(id);
      return deleteModerator.run(id).changes === 1;
    },

    createSession(session) {
      deleteExpiredOf.run(session.moderatorId, session.createdAt);
      insertSession.run(session);
    },

    revokeSession(id) {
      deleteSession.run(id);
    },

    revokeSessionsOf(moderatorId) {
      return deleteSessionsOf.run(moderatorId).changes;
    },

    createSite(site) {
      return insertSite.run(site.id, JSON.stringify({ ...site, moderation: site.moderation ?? null })).changes === 1;
    },

    updateSite(id, update) {
      const row = siteRow.get(id);
      if (!row) return false;
      const given = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
      // Written by this store from a typed record, so read back as such.
      writeSite.run(JSON.stringify({ ...(JSON.parse(row.data) as SiteRecord), ...given }), id);
      return true;
    },

    removeSite(id) {
      return deleteSite.run(id).changes === 1;
    },
  };
}
