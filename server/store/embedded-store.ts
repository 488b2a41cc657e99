/**
 * The default store when no REDIS_URL is given: SQLite (better-sqlite3) in DATA_DIR. A writer
 * thread owns the write connection and group-commits (sqlite/sqlite-writer.ts); reads run on
 * the main thread's own connection (sqlite/read-queries.ts). A write's promise resolves only
 * after its transaction is committed (WAL, synchronous=FULL by default), and only then is it
 * visible, so nothing an author was told or a reader saw can be lost by a crash. A failed
 * write (disk full, read-only file, I/O error) is refused as StoreUnavailableError and leaves
 * nothing behind; the next one is tried afresh, so posting resumes once the cause is gone.
 *
 * An admin command may open the same DATA_DIR beside the running server (`besideRunningServer`):
 * SQLite's own file locks (WAL, busy timeouts) keep the two connections safe, and the server's
 * reads see what the command committed at their next query, without a restart.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ThreadEvent } from '../../protocol/events.ts';
import { StoreInputError, StoreUnavailableError } from './errors.ts';
import { isSessionLive, normalizeModeratorEmail } from './moderator-rules.ts';
import { lockDataDir, makeFilesPrivate, preparePrivateDir, touchPrivate, type DataDirLock } from './data-dir.ts';
import { createReadQueries, type ReadQueries } from './sqlite/read-queries.ts';
import { createExportQuery, exportPages, type ExportQuery } from './sqlite/export-query.ts';
import { startWriter } from './sqlite/writer-client.ts';
import type { JournalImportReport } from './sqlite/writer-protocol.ts';
import type { CommentStore, CreateCommentResult, DecideResult, DeleteResult, EditResult, ReactResult, ReportResult, StoreHealth } from './types.ts';

export interface EmbeddedStoreOptions {
  dataDir: string;
  /** fsync the WAL at every commit (default true): survives power loss, not only a crash. */
  fsync?: boolean;
  /** Told once when a legacy journal.jsonl was imported. */
  onImport?: (report: JournalImportReport) => void;
  clock?: () => number;
  /**
   * For short-lived admin commands only (adding a moderator, changing a password): open the
   * DATA_DIR while a server holds it. Skips the DATA_DIR lock, which refuses a second server,
   * and the legacy journal import, which is the server's to do. Never for a process that serves
   * readers: two servers on one DATA_DIR would not see each other's sockets.
   */
  besideRunningServer?: boolean;
}

/** The database's file name in DATA_DIR. */
export const DATABASE_FILE = 'rembuk.db';

export async function createEmbeddedStore(options: EmbeddedStoreOptions): Promise<CommentStore> {
  const clock = options.clock ?? Date.now;
  preparePrivateDir(options.dataDir);
  const lock: DataDirLock = options.besideRunningServer ? { release: () => undefined } : lockDataDir(options.dataDir, clock);
  const path = join(options.dataDir, DATABASE_FILE);
  let reader: Database.Database | null = null;
  try {
    touchPrivate(path);
    const { writer, imported } = await startWriter({
      path,
      synchronous: options.fsync === false ? 'NORMAL' : 'FULL',
      journalPath: options.besideRunningServer ? null : join(options.dataDir, 'journal.jsonl'),
    });
    if (imported) options.onImport?.(imported);
    const readDb = new Database(path, { timeout: 2_000, fileMustExist: true });
    reader = readDb;
    readDb.pragma('query_only = ON');
    makeFilesPrivate(options.dataDir);
    return createStore(createReadQueries(readDb), createExportQuery(readDb), writer, () => {
      readDb.close();
      lock.release();
    });
  } catch (err) {
    reader?.close();
    lock.release();
    throw err;
  }

  function createStore(
    reads: ReadQueries,
    exports: ExportQuery,
    writer: Awaited<ReturnType<typeof startWriter>>['writer'],
    release: () => void,
  ): CommentStore {
    /**
     * Reads fail on a broken disk or file (the caller answers UNAVAILABLE), or on a cursor they
     * refuse (another sort's, or not one they issued): that StoreInputError is the caller's, as it is.
     */
    const read = <T>(run: () => T): Promise<T> => {
      try {
        return Promise.resolve(run());
      } catch (cause) {
        if (cause instanceof StoreInputError) return Promise.reject(cause);
        return Promise.reject(new StoreUnavailableError('The comment store (embedded) could not be read.', { cause }));
      }
    };
    let closed = false;

    return {
      kind: 'embedded',

      async createComment(comment, key) {
        return (await writer.write({ op: 'create', comment, key })) as CreateCommentResult;
      },
      getThreadPage: (site, page, query) => read(() => reads.threadPage(site, page, query)),
      listReplies: (site, page, rootId, query) => read(() => reads.replies(site, page, rootId, query)),
      async reactToComment(site, page, id, authorId, like) {
        return (await writer.write({ op: 'react', site, page, commentId: id, authorId, like })) as ReactResult;
      },
      async editComment(site, page, id, edit) {
        return (await writer.write({ op: 'edit', site, page, commentId: id, edit })) as EditResult;
      },
      // `at` is not kept: a tombstone says nothing of when, and the comment:deleted event is the moment.
      async deleteComment(site, page, id, authorId) {
        return (await writer.write({ op: 'delete', site, page, commentId: id, authorId })) as DeleteResult;
      },
      countThreads: (site, pages) => read(() => reads.threadCounts(site, pages)),
      listPendingByAuthor: (site, page, authorId) => read(() => reads.pendingByAuthor(site, page, authorId)),
      readEvents: (site, page, afterSeq, limit) => read(() => reads.events(site, page, afterSeq, limit)),
      findByIdempotencyKey: (site, page, authorId, key) => read(() => reads.byIdempotencyKey(site, page, authorId, key)),
      getComment: (site, page, id) => read(() => reads.comment(site, page, id)),
      getAuthorHistory: (site, authorId) => read(() => reads.authorHistory(site, authorId)),

      listQueue: (site, queue, query) => read(() => reads.queue(site, queue, query)),
      queueCounts: (site) => read(() => reads.queueCounts(site)),
      async decideComment(site, page, id, decision, options) {
        return (await writer.write({ op: 'decide', site, page, commentId: id, decision, options })) as DecideResult;
      },
      async reportComment(site, page, id, report, hideAt) {
        return (await writer.write({ op: 'report', site, page, commentId: id, report, hideAt })) as ReportResult;
      },
      listAuthorComments: (site, authorId, limit) => read(() => reads.authorComments(site, authorId, limit)),
      listRecentComments: (site, limit) => read(() => reads.recentComments(site, limit)),
      async appendAudit(entry) {
        await writer.write({ op: 'audit:append', entry });
      },
      listAudit: (site, query) => read(() => reads.audit(site, query)),
      getDailyStats: (site, days) => read(() => reads.dailyStats(site, days)),
      getSitePolicy: (site) => read(() => reads.sitePolicy(site)),
      async setSitePolicy(site, record) {
        await writer.write({ op: 'policy:set', site, record });
      },

      async setAuthorBan(site, authorId, until) {
        await writer.write({ op: 'ban', site, authorId, until });
      },
      async setAuthorTrusted(site, authorId, trusted) {
        await writer.write({ op: 'trust', site, authorId, trusted });
      },

      exportComments: (site) => exportPages(exports, site, read),
      async importComment(comment) {
        return (await writer.write({ op: 'import', comment })) === 'exists' ? 'exists' : 'imported';
      },

      // One transaction writes the comment, its indexes, its event and its author's history:
      // a create that failed left nothing, so there is never anything to settle.
      settleComment: (): Promise<ThreadEvent | null> => Promise.resolve(null),

      async createModerator(account) {
        return (await writer.write({ op: 'moderator:create', account: { ...account, email: normalizeModeratorEmail(account.email) } })) === true;
      },
      getModerator: (id) => read(() => reads.moderator(id)),
      findModeratorByEmail: (email) => read(() => reads.moderatorByEmail(normalizeModeratorEmail(email))),
      listModerators: () => read(() => reads.moderators()),
      async updateModerator(id, update) {
        return (await writer.write({ op: 'moderator:update', moderatorId: id, update })) === true;
      },
      async removeModerator(id) {
        return (await writer.write({ op: 'moderator:remove', moderatorId: id })) === true;
      },
      async createSession(session) {
        await writer.write({ op: 'session:create', session });
      },
      async getSession(id, now) {
        const found = await read(() => reads.sessionWithAccount(id));
        if (!found) return null;
        if (isSessionLive(found.session, found.passwordChangedAt, now)) return found.session;
        // A dead session is deleted lazily; failing to is harmless, the check above refuses it anyway.
        writer.write({ op: 'session:revoke', sessionId: id }).catch(() => undefined);
        return null;
      },
      async revokeSession(id) {
        await writer.write({ op: 'session:revoke', sessionId: id });
      },
      async revokeSessionsOf(moderatorId) {
        return Number(await writer.write({ op: 'session:revoke-of', moderatorId }));
      },
      async createSignInLink(link) {
        await writer.write({ op: 'link:create', link });
      },
      async consumeSignInLink(id, now) {
        const moderatorId = await writer.write({ op: 'link:consume', linkId: id, now });
        return typeof moderatorId === 'string' ? moderatorId : null;
      },

      async createSite(site) {
        return (await writer.write({ op: 'site:create', site })) === true;
      },
      getSite: (id) => read(() => reads.site(id)),
      listSites: () => read(() => reads.sites()),
      async updateSite(id, update) {
        return (await writer.write({ op: 'site:update', siteId: id, update })) === true;
      },
      async removeSite(id) {
        return (await writer.write({ op: 'site:remove', siteId: id })) === true;
      },

      async health(): Promise<StoreHealth> {
        if (writer.stopped) return { ok: false, reason: writer.stopped };
        try {
          await writer.write({ op: 'probe', at: clock() });
          return { ok: true };
        } catch (err) {
          return { ok: false, reason: err instanceof Error ? err.message : String(err) };
        }
      },

      async close() {
        if (closed) return;
        closed = true;
        await writer.close();
        release();
      },
    };
  }
}
