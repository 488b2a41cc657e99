/**
 * The embedded store's writes, as plain synchronous functions over one better-sqlite3
 * connection. The writer thread (sqlite-writer.ts) runs each inside its own savepoint of a
 * group-commit transaction, so a write is whole or absent and is durable once the batch commits.
 */
import type { Database } from 'better-sqlite3';
import type { ThreadEvent } from '../../../protocol/events.ts';
import { commentCreatedEvent } from '../public-views.ts';
import type {
  CreateCommentResult,
  Decision,
  DecideResult,
  ModeratorAccount,
  ModeratorSession,
  ModeratorUpdate,
  NewComment,
  StoredComment,
} from '../types.ts';
import { parseStoredComment } from '../stored-json.ts';

/** How many events per thread stay replayable for `thread:resync`. */
export const EVENTS_KEPT = 5_000;

export interface WriteOps {
  createComment(comment: NewComment, key: string): CreateCommentResult;
  /** Re-applies a record from the legacy journal with the seq it had then. */
  importComment(comment: StoredComment, key: string, seq: number | null): void;
  setAuthorBan(site: string, authorId: string, until: number | null): void;
  /** A moderator's decision on a pending comment, whole in this one write. */
  decideComment(site: string, page: string, id: string, decision: Decision): DecideResult;
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
}

interface CommentRow {
  data: string;
}

export function createWriteOps(db: Database): WriteOps {
  const findByKey = db.prepare<[string, string, string, string], CommentRow>(
    'SELECT data FROM comments WHERE site = ? AND page = ? AND author_id = ? AND idem_key = ?',
  );
  const insertComment = db.prepare(
    `INSERT INTO comments (site, page, id, author_id, idem_key, status, created_at, seq, queued_at, data)
     VALUES (@site, @page, @id, @authorId, @key, @status, @createdAt, @seq, @queuedAt, @data)`,
  );
  const byId = db.prepare<[string, string, string], CommentRow>('SELECT data FROM comments WHERE site = ? AND page = ? AND id = ?');
  const applyDecision = db.prepare(
    `UPDATE comments SET status = @status, seq = @seq, queued_at = @queuedAt, data = @data
     WHERE site = @site AND page = @page AND id = @id AND status = 'pending'`,
  );
  const ensureThread = db.prepare('INSERT INTO threads (site, page, seq, published_count) VALUES (?, ?, 0, 0) ON CONFLICT DO NOTHING');
  const nextSeq = db.prepare<[string, string], { seq: number; count: number }>(
    `UPDATE threads SET seq = seq + 1, published_count = published_count + 1
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
  const writeProbe = db.prepare("INSERT INTO meta (key, value) VALUES ('health-probe', ?) ON CONFLICT DO UPDATE SET value = excluded.value");

  const insertModerator = db.prepare(
    `INSERT INTO moderators (id, email, role, sites, password_hash, created_at, password_changed_at)
     VALUES (@id, @email, @role, @sites, @passwordHash, @createdAt, @passwordChangedAt) ON CONFLICT DO NOTHING`,
  );
  const updateModeratorRow = db.prepare(
    `UPDATE moderators SET role = coalesce(@role, role), sites = coalesce(@sites, sites),
       password_hash = coalesce(@passwordHash, password_hash), password_changed_at = coalesce(@passwordChangedAt, password_changed_at)
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
      queuedAt: comment.status === 'published' ? null : comment.createdAt,
      data: JSON.stringify(comment),
    });
    recordAuthor.run({
      site: comment.site,
      authorId: comment.authorId,
      at: comment.createdAt,
      approved: comment.status === 'published' ? 1 : 0,
      rejected: comment.status === 'rejected' ? 1 : 0,
    });
  }

  function appendEvent(comment: StoredComment, seq: number, count: number): ThreadEvent {
    const event: ThreadEvent = commentCreatedEvent(comment, seq, count);
    insertEvent.run(comment.site, comment.page, seq, JSON.stringify(event));
    // Trimming in steps keeps the delete rare and the log between EVENTS_KEPT and twice that.
    if (seq % EVENTS_KEPT === 0) trimEvents.run(comment.site, comment.page, seq - EVENTS_KEPT);
    return event;
  }

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
      const next = nextSeq.get(comment.site, comment.page);
      if (!next) throw new Error('the thread row vanished inside its own transaction');
      insert(comment, key, next.seq);
      return { comment, event: appendEvent(comment, next.seq, next.count), duplicate: false };
    },

    importComment(comment, key, seq) {
      if (findByKey.get(comment.site, comment.page, comment.authorId, key)) return;
      insert(comment, key, seq);
      if (seq === null) return;
      importSeq.run(comment.site, comment.page, seq);
      const count = publishedCount.get(comment.site, comment.page);
      appendEvent(comment, seq, count?.c ?? 1);
    },

    decideComment(site, page, id, decision) {
      const row = byId.get(site, page, id);
      if (!row) return { ok: false, code: 'NOT_FOUND' };
      const stored = parseStoredComment(row.data);
      // The writer thread runs one write at a time, so this check and the update below are one step.
      if (stored.status !== 'pending') return { ok: false, code: 'ALREADY_DECIDED', comment: stored };
      const approve = decision.action === 'approve';
      const comment: StoredComment = { ...stored, status: approve ? 'published' : 'rejected', decision: structuredClone(decision) };
      let next: { seq: number; count: number } | undefined;
      if (approve) {
        ensureThread.run(site, page);
        next = nextSeq.get(site, page);
        if (!next) throw new Error('the thread row vanished inside its own transaction');
      }
      const { changes } = applyDecision.run({
        site,
        page,
        id,
        status: comment.status,
        seq: next?.seq ?? null,
        queuedAt: decision.at,
        data: JSON.stringify(comment),
      });
      if (changes !== 1) throw new Error(`comment ${id} changed inside its own transaction`);
      recordAuthor.run({ site, authorId: comment.authorId, at: comment.createdAt, approved: approve ? 1 : 0, rejected: approve ? 0 : 1 });
      return { ok: true, comment, event: next ? appendEvent(comment, next.seq, next.count) : null };
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
      const { changes } = insertModerator.run({ ...account, sites: JSON.stringify(account.sites) });
      return changes === 1;
    },

    updateModerator(id, update) {
      const { changes } = updateModeratorRow.run({
        id,
        role: update.role ?? null,
        sites: update.sites === undefined ? null : JSON.stringify(update.sites),
        passwordHash: update.passwordHash ?? null,
        passwordChangedAt: update.passwordChangedAt ?? null,
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
  };
}
