/**
 * The default store when no REDIS_URL is given: in-process indexes rebuilt at start from an
 * append-only journal (journal.ts). A write is on disk before its promise resolves, and only
 * then becomes visible, so nothing a reader saw or an author was told can be lost by a crash.
 */
import { join } from 'node:path';
import type { ThreadEvent } from '../../protocol/events.ts';
import { toPublicComment } from '../comments/to-public.ts';
import { openJournal, type Journal } from './journal.ts';
import {
  AUTHOR_RECENT_KEPT,
  type AuthorHistory,
  type CommentStore,
  type CreateCommentResult,
  type NewComment,
  type StoredComment,
  type StoredThreadPage,
  type ThreadEvents,
  type ThreadPageQuery,
} from './types.ts';

/** How many events per thread stay replayable for `thread:resync`. */
const EVENTS_KEPT = 5_000;

interface CreateRecord {
  v: 1;
  op: 'comment.create';
  comment: StoredComment;
  /** The thread event seq a published comment took; null for held and rejected ones. */
  seq: number | null;
  key: string;
}
interface BanRecord {
  v: 1;
  op: 'author.ban';
  site: string;
  authorId: string;
  until: number | null;
}
type JournalRecord = CreateRecord | BanRecord;

interface ThreadState {
  /** Last applied (visible) seq. */
  seq: number;
  /** Last seq handed out to a write that may still be in flight. */
  reservedSeq: number;
  /** Published comment ids in seq order (ascending). */
  published: { seq: number; id: string }[];
  events: ThreadEvent[];
  pendingByAuthor: Map<string, string[]>;
  idempotency: Map<string, string>;
  inflight: Map<string, Promise<CreateCommentResult>>;
}

export interface EmbeddedStoreOptions {
  dataDir: string;
  /** fdatasync every batch (default true). */
  fsync?: boolean;
  /** Told about a torn last line or unreadable lines found at start. */
  onWarning?: (message: string, details: Record<string, unknown>) => void;
}

export async function createEmbeddedStore(options: EmbeddedStoreOptions): Promise<CommentStore> {
  const path = join(options.dataDir, 'journal.jsonl');
  const { journal, replay } = await openJournal<JournalRecord>(path, { fsync: options.fsync ?? true });
  if (replay.tornTail !== null) {
    options.onWarning?.('journal: skipped a torn last line left by a crash (it was never acknowledged)', {
      path,
      bytes: replay.tornTail.length,
    });
  }
  if (replay.badLines.length > 0) {
    options.onWarning?.('journal: skipped unreadable lines', { path, lines: replay.badLines });
  }

  const threads = new Map<string, ThreadState>();
  const comments = new Map<string, StoredComment>();
  const authors = new Map<string, AuthorHistory>();

  for (const record of replay.records) {
    if (record.op === 'comment.create') applyCreate(record);
    else if (record.op === 'author.ban') applyBan(record);
  }

  function author(site: string, authorId: string): AuthorHistory {
    const key = threadKey(site, authorId);
    let history = authors.get(key);
    if (!history) {
      history = { approvedCount: 0, rejectedCount: 0, recentPosts: [], bannedUntil: null };
      authors.set(key, history);
    }
    return history;
  }

  function applyBan(record: BanRecord): void {
    author(record.site, record.authorId).bannedUntil = record.until;
  }

  function recordInHistory(comment: StoredComment): void {
    const history = author(comment.site, comment.authorId);
    if (comment.status === 'published') history.approvedCount += 1;
    if (comment.status === 'rejected') history.rejectedCount += 1;
    history.recentPosts.unshift({ text: comment.text, at: comment.createdAt, page: comment.page });
    if (history.recentPosts.length > AUTHOR_RECENT_KEPT) history.recentPosts.length = AUTHOR_RECENT_KEPT;
  }
  return createStore(journal);

  function thread(site: string, page: string): ThreadState {
    const key = threadKey(site, page);
    let state = threads.get(key);
    if (!state) {
      state = {
        seq: 0,
        reservedSeq: 0,
        published: [],
        events: [],
        pendingByAuthor: new Map(),
        idempotency: new Map(),
        inflight: new Map(),
      };
      threads.set(key, state);
    }
    return state;
  }

  function applyCreate(record: CreateRecord): ThreadEvent | null {
    const { comment } = record;
    const state = thread(comment.site, comment.page);
    comments.set(commentKey(comment.site, comment.page, comment.id), comment);
    state.idempotency.set(idemKey(comment.authorId, record.key), comment.id);
    recordInHistory(comment);
    if (comment.status === 'pending') {
      const mine = state.pendingByAuthor.get(comment.authorId) ?? [];
      mine.push(comment.id);
      state.pendingByAuthor.set(comment.authorId, mine);
    }
    if (record.seq === null) return null;
    state.published.push({ seq: record.seq, id: comment.id });
    state.seq = record.seq;
    state.reservedSeq = Math.max(state.reservedSeq, record.seq);
    const event: ThreadEvent = {
      type: 'comment:created',
      page: comment.page,
      seq: record.seq,
      comment: toPublicComment(comment),
      count: state.published.length,
    };
    state.events.push(event);
    if (state.events.length > EVENTS_KEPT * 2) state.events.splice(0, state.events.length - EVENTS_KEPT);
    return event;
  }

  function createStore(writer: Journal<JournalRecord>): CommentStore {
    return {
      kind: 'embedded',

      createComment(input: NewComment, key: string): Promise<CreateCommentResult> {
        const state = thread(input.site, input.page);
        const ik = idemKey(input.authorId, key);
        const existingId = state.idempotency.get(ik);
        if (existingId !== undefined) {
          const existing = comments.get(commentKey(input.site, input.page, existingId));
          if (existing) return Promise.resolve({ comment: existing, event: null, duplicate: true });
        }
        const inflight = state.inflight.get(ik);
        if (inflight) {
          return inflight.then((first) => ({ comment: first.comment, event: null, duplicate: true }));
        }
        const comment: StoredComment = structuredClone(input);
        const seq = comment.status === 'published' ? ++state.reservedSeq : null;
        const record: CreateRecord = { v: 1, op: 'comment.create', comment, seq, key };
        const write = writer.append(record).then(() => {
          const event = applyCreate(record);
          return { comment, event, duplicate: false };
        });
        state.inflight.set(ik, write);
        const clear = () => state.inflight.delete(ik);
        write.then(clear, clear);
        return write;
      },

      async getThreadPage(site: string, page: string, query: ThreadPageQuery): Promise<StoredThreadPage> {
        const state = threads.get(threadKey(site, page));
        if (!state) return { comments: [], nextCursor: null, count: 0, seq: 0 };
        const before = query.cursor === null ? Number.POSITIVE_INFINITY : Number(query.cursor);
        // Index of the first entry whose seq is >= before; everything left of it is older.
        let end = lowerBound(state.published, before);
        const slice: StoredComment[] = [];
        let nextCursor: string | null = null;
        while (end > 0 && slice.length < query.limit) {
          end -= 1;
          const entry = state.published[end];
          if (!entry) break;
          const c = comments.get(commentKey(site, page, entry.id));
          if (c) slice.push(c);
          nextCursor = String(entry.seq);
        }
        if (end === 0) nextCursor = null;
        return { comments: slice, nextCursor, count: state.published.length, seq: state.seq };
      },

      async listPendingByAuthor(site: string, page: string, authorId: string): Promise<StoredComment[]> {
        const ids = threads.get(threadKey(site, page))?.pendingByAuthor.get(authorId) ?? [];
        const out: StoredComment[] = [];
        for (let i = ids.length - 1; i >= 0; i -= 1) {
          const c = comments.get(commentKey(site, page, ids[i] ?? ''));
          if (c && c.status === 'pending') out.push(c);
        }
        return out;
      },

      async readEvents(site: string, page: string, afterSeq: number, limit: number): Promise<ThreadEvents> {
        const state = threads.get(threadKey(site, page));
        if (!state) return { events: [], seq: 0, complete: afterSeq === 0 };
        const oldest = state.events[0]?.seq ?? state.seq + 1;
        const complete = afterSeq >= oldest - 1;
        const from = Math.max(0, afterSeq + 1 - oldest);
        return { events: state.events.slice(from, from + limit), seq: state.seq, complete };
      },

      async findByIdempotencyKey(site: string, page: string, authorId: string, key: string): Promise<StoredComment | null> {
        const id = threads.get(threadKey(site, page))?.idempotency.get(idemKey(authorId, key));
        return id === undefined ? null : (comments.get(commentKey(site, page, id)) ?? null);
      },

      async getComment(site: string, page: string, id: string): Promise<StoredComment | null> {
        return comments.get(commentKey(site, page, id)) ?? null;
      },

      async getAuthorHistory(site: string, authorId: string): Promise<AuthorHistory> {
        const history = authors.get(threadKey(site, authorId));
        if (!history) return { approvedCount: 0, rejectedCount: 0, recentPosts: [], bannedUntil: null };
        return structuredClone(history);
      },

      async setAuthorBan(site: string, authorId: string, until: number | null): Promise<void> {
        const record: BanRecord = { v: 1, op: 'author.ban', site, authorId, until };
        await writer.append(record);
        applyBan(record);
      },

      async ping(): Promise<boolean> {
        return true;
      },

      async close(): Promise<void> {
        await writer.close();
      },
    };
  }
}

function lowerBound(entries: { seq: number }[], seq: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid]?.seq ?? 0) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SEP = '\u0000';
const threadKey = (site: string, page: string) => `${site}${SEP}${page}`;
const commentKey = (site: string, page: string, id: string) => `${site}${SEP}${page}${SEP}${id}`;
const idemKey = (authorId: string, key: string) => `${authorId}${SEP}${key}`;
