/**
 * The store speaks the domain, never raw keys. Two implementations (Redis, embedded) pass
 * one contract suite (store.contract.ts); a behaviour only one of them has is a defect here.
 */
import type { Action, RuleId } from '../../moderation/index.ts';
import type { CommentStatus, PublicComment } from '../../protocol/comment.ts';
import type { ReportReason, ThreadEvent, ThreadSort } from '../../protocol/events.ts';
import type { AuditEntry, ModerationQueue, OverviewDay } from '../../protocol/moderation.ts';
import type { ModeratorDirectory } from './moderator-types.ts';
export type { SiteAlertsRecord, SiteDirectory, SiteRecord, SiteUpdate } from './site-types.ts';
import type { SiteDirectory } from './site-types.ts';
import type { CommentTransferOf } from './comment-transfer-types.ts';
export type { ImportCommentResult } from './comment-transfer-types.ts';
/** Moving a site's comments out of one store and into another (comment-transfer-types.ts). */
export type CommentTransfer = CommentTransferOf<StoredComment>;

export {
  ModeratorRole,
  type ModeratorAccount,
  type ModeratorDirectory,
  type ModeratorSession,
  type ModeratorUpdate,
  type SignInLink,
} from './moderator-types.ts';

/** What the moderation step decided, stored with the comment so the queue can explain itself. */
export interface ModerationRecord {
  action: Action;
  reasons: ModerationReason[];
}

/**
 * One of the engine's reasons as stored. `rule` is the engine's RuleId, so a map keyed by it
 * (the refusals in comments/) must handle every rule. Records are read back from JSON unchecked:
 * the same engine wrote them (so renaming a rule id means migrating stored records).
 */
export interface ModerationReason {
  rule: RuleId;
  action: Action;
  message: { en: string; id: string };
  spans: { start: number; end: number }[];
}

/** A comment as stored: the public shape plus what only the server and moderators see. */
export interface StoredComment extends PublicComment {
  site: string;
  moderation: ModerationRecord;
  /** The last moderator decision on it ("decided by X, how, when"); absent until decided. */
  decision?: Decision;
  /**
   * Bumped by every moderation change (a decision, a report that hides it); absent means 0.
   * A decision names the revision the moderator saw, so a stale one is refused.
   */
  revision?: number;
  /** Readers' open reports, newest first; absent or empty when none. A decision closes them. */
  reports?: StoredReport[];
}

/** One reader's report of a comment. */
export interface StoredReport {
  /** The reporting reader's author id: a reader reports a comment once. */
  reporterId: string;
  reason: ReportReason;
  note: string | null;
  at: number;
}

/**
 * The moderation queues the store keeps. A comment is in at most one:
 * - `reported`: it has open reports (it is published, or `pending` when the reports hid it);
 * - `pending`: held (status pending) with no open reports;
 * - `rejected`: rejected by the engine or a moderator;
 * - `approved`: published by a moderator's decision, with no open reports (history).
 * A comment the engine published and nobody reported is in none.
 */
export type QueueName = ModerationQueue;

export const QUEUE_NAMES: readonly QueueName[] = ['pending', 'reported', 'rejected', 'approved'];

/** A moderator's decision on a pending comment. */
export interface Decision {
  action: 'approve' | 'reject';
  moderatorId: string;
  /** Why (a rejection's reason from a list or typed), or null. */
  reason: string | null;
  /** Epoch ms. */
  at: number;
}

export interface QueueQuery {
  /** By the time the comment entered the queue: createdAt when held or rejected by the engine, decision.at when decided. */
  order: 'newest' | 'oldest';
  /** Opaque cursor from an earlier page of the same queue, order and filter; null for the first page. */
  cursor: string | null;
  limit: number;
  /** Only this page's comments. */
  page?: string;
  /** Only comments one of whose moderation reasons is this rule. */
  rule?: string;
  /** Only this author's comments. */
  authorId?: string;
  /** Case-insensitive substring of the author's name or id, or of the text. */
  search?: string;
}

export interface QueuePage {
  /** The comments as stored, with their moderation reasons (and decision, when decided). */
  items: StoredComment[];
  nextCursor: string | null;
}

/** What `decideComment` needs besides the decision: the revision the moderator saw, and the audit record. */
export interface DecideOptions {
  /** The comment's `revision` as the moderator saw it; another answers ALREADY_DECIDED. */
  revision: number;
  /** The audit entry's id and the moderator's email, written in the same atomic step as the decision. */
  audit: { id: string; moderatorEmail: string };
}

export type DecideResult =
  /**
   * `event`: the thread event to broadcast: comment:created when the decision published it,
   * comment:deleted when it took a published comment out of the thread, null otherwise.
   * `from`: the queue it was in (and so leaves), null for an engine-published comment nobody
   * reported (it was in none); `audit`: the entry written.
   */
  | { ok: true; comment: StoredComment; event: ThreadEvent | null; from: QueueName | null; audit: AuditEntry }
  | { ok: false; code: 'NOT_FOUND' }
  /** The comment is no longer pending: `comment` as stored, its `decision` says who, how and when (absent when the engine published it). */
  | { ok: false; code: 'ALREADY_DECIDED'; comment: StoredComment };

export type NewCommentStatus = Extract<CommentStatus, 'published' | 'pending' | 'rejected'>;

export interface NewComment extends StoredComment {
  status: NewCommentStatus;
}

export interface CreateCommentResult {
  comment: StoredComment;
  /**
   * The thread event to broadcast, or null. Non-null exactly once per published comment: for the
   * call that published it, or for the retry that completed a first attempt which failed after
   * the comment was stored (see `settleComment`). Null for held and rejected comments.
   */
  event: ThreadEvent | null;
  /** True when the idempotency key had been used: `comment` is the first result, no new comment was written. */
  duplicate: boolean;
}

export interface ThreadPageQuery {
  /** The order of top-level comments (replies are always oldest first within their group). */
  sort: ThreadSort;
  /** Opaque cursor from an earlier page of the same sort; null for the first page. A cursor of another sort throws StoreInputError. */
  cursor: string | null;
  /** Top-level comments in the page. */
  limit: number;
  /** Replies carried per top-level comment (the first ones, oldest first). */
  repliesPerRoot: number;
  /** Whose likes to report in `liked`; null for none (the HTTP API). */
  viewerId: string | null;
}

/**
 * A page of a thread, read in one atomic step, every part from an index: the top-level comments
 * listed in the thread (published ones, and ones no longer published that still have published
 * replies: the caller shows those as tombstones) in `sort` order, and their first replies.
 */
export interface StoredThreadPage {
  /** Top-level comments in sort order, as stored (a tombstone's status is whatever it is: deleted, pending, rejected). */
  comments: StoredComment[];
  /** Published and deleted replies of those comments, grouped by root in the order of `comments`, oldest first in a group. */
  replies: StoredComment[];
  nextCursor: string | null;
  /** Published comments in the thread (replies included), read in the same atomic step as the page. */
  count: number;
  /** The thread's latest event seq, read in the same atomic step as the page. */
  seq: number;
  /** Of the comments returned (both lists), the ids `viewerId` likes. */
  liked: string[];
}

export interface RepliesQuery {
  /** Opaque cursor from an earlier answer; null to start after the first `skip` replies. */
  cursor: string | null;
  /** With a null cursor: how many replies to skip (those the page carried). */
  skip: number;
  limit: number;
  viewerId: string | null;
}

export interface StoredReplies {
  /** Published and deleted replies under the root, oldest first. */
  replies: StoredComment[];
  nextCursor: string | null;
  liked: string[];
}

export type ReactResult =
  /** `event`: comment:liked when the count changed (a repeated like or unlike changes nothing and answers null). */
  | { ok: true; likes: number; liked: boolean; event: ThreadEvent | null }
  /** No published comment with that id in the thread. */
  | { ok: false; code: 'NOT_FOUND' };

/** An author's edit, moderated again by the caller; the store applies it atomically or refuses. */
export interface CommentEdit {
  /** Must be the comment's author: another answers FORBIDDEN. */
  authorId: string;
  text: string;
  editedAt: number;
  /** The engine's verdict on the new text (replaces the stored one). */
  moderation: ModerationRecord;
  /** Where the verdict sends it: published (stays or becomes so), pending (held again), rejected. */
  status: NewCommentStatus;
  /** The comment's revision the caller read and moderated; another answers CONFLICT (read again and retry). */
  revision: number;
}

export type EditResult =
  /**
   * `event`: comment:updated when it was published and stays so; comment:deleted when an edit
   * took a published comment out of the thread (held or rejected); comment:created when a held
   * comment became published; null otherwise. The comment's queue follows queueOf (a held edit
   * goes to pending, queued at editedAt; a comment with open reports stays in reported).
   */
  { ok: true; comment: StoredComment; event: ThreadEvent | null } | { ok: false; code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' };

export type DeleteResult =
  /**
   * The comment is a tombstone now: status deleted, text '' (the words are gone from the store),
   * out of every queue, its likes gone. `event`: comment:deleted when it was published, else null.
   * Deleting a deleted comment answers ok with a null event.
   */
  { ok: true; comment: StoredComment; event: ThreadEvent | null } | { ok: false; code: 'NOT_FOUND' | 'FORBIDDEN' };

export interface ThreadEvents {
  /** Oldest first, gap-free from afterSeq + 1. */
  events: ThreadEvent[];
  seq: number;
  /** False when the log no longer holds every event after afterSeq (trimmed): the reader must re-join. */
  complete: boolean;
}

/** What moderation needs to know about an author on one site. */
export interface AuthorHistory {
  /** Comments of theirs that were published. */
  approvedCount: number;
  rejectedCount: number;
  /** Newest first, at most AUTHOR_RECENT_KEPT, across the site's threads. */
  recentPosts: { text: string; at: number; page: string }[];
  /** Epoch ms until which the author may not post, or null. */
  bannedUntil: number | null;
  /** Marked trusted by a moderator: skips the new-author hold. */
  trusted: boolean;
  /** Their first comment on the site (epoch ms), or null. */
  firstSeen: number | null;
  /** The display name of their latest comment, or null. */
  name: string | null;
}

export type ReportResult =
  { ok: true; first: boolean; comment: StoredComment; event: ThreadEvent | null; hidden: boolean } | { ok: false; code: 'NOT_FOUND' };

/** A day's figures as the console's overview shows them, and the rules behind its held and rejected. */
export interface DailyStats extends OverviewDay {
  /** Rule id → how many comments created that day it held or rejected. */
  rules: Record<string, number>;
}

export interface SitePolicyRecord {
  /** The policy JSON as saved (already valid: the server parsed it). */
  policy: unknown;
  updatedAt: number;
  /** The moderator's email. */
  updatedBy: string;
}

/** How many recent posts per author the stores keep for duplicate and velocity rules. */
export const AUTHOR_RECENT_KEPT = 20;

export type StoreHealth = { ok: true } | { ok: false; reason: string };

/**
 * Comments, their threads and authors, (ModeratorDirectory) the moderators' accounts and
 * sessions, (SiteDirectory) the sites served, and (CommentTransfer) a site's export and import.
 */
export interface CommentStore extends ModeratorDirectory, SiteDirectory, CommentTransfer {
  /** Which backend, for logs and /healthz. */
  readonly kind: 'redis' | 'embedded';
  /**
   * One atomic, durable write: the comment, the thread's indexes and (when published) the
   * next thread event. Idempotent on (site, page, authorId, idempotencyKey): a repeated key
   * returns the first comment with `duplicate: true` and writes nothing.
   */
  createComment(comment: NewComment, idempotencyKey: string): Promise<CreateCommentResult>;
  /** A page of top-level comments in the query's sort, with their first replies, count, seq and the viewer's likes read atomically with it. */
  getThreadPage(site: string, page: string, query: ThreadPageQuery): Promise<StoredThreadPage>;
  /** More replies under one top-level comment, oldest first. */
  listReplies(site: string, page: string, rootId: string, query: RepliesQuery): Promise<StoredReplies>;
  /**
   * Likes a published comment for `authorId` (`like: true`) or takes the like back: one like per
   * identity, the count and the sort-by-likes index changed in the same atomic step, and the
   * thread's next event when the count changed.
   */
  reactToComment(site: string, page: string, id: string, authorId: string, like: boolean): Promise<ReactResult>;
  /**
   * Applies an author's edit: text, editedAt, moderation and status together, its queue, the
   * thread's count and index and root's replyCount when visibility changed, the revision bumped,
   * and the thread event, in one atomic step.
   */
  editComment(site: string, page: string, id: string, edit: CommentEdit): Promise<EditResult>;
  /**
   * The author deletes their comment (any status but deleted): a tombstone, as DeleteResult says.
   * Its replies stay; a top-level tombstone stays listed while it has published replies.
   */
  deleteComment(site: string, page: string, id: string, authorId: string, at: number): Promise<DeleteResult>;
  /**
   * Published comments in each of these threads (`<rembuk-count>`), read in one step: every
   * page named gets a number, 0 for a thread with no comments.
   */
  countThreads(site: string, pages: readonly string[]): Promise<Record<string, number>>;
  /** The author's comments in this thread that await review, newest first. */
  listPendingByAuthor(site: string, page: string, authorId: string): Promise<StoredComment[]>;
  /** Thread events after `afterSeq`, at most `limit`. */
  readEvents(site: string, page: string, afterSeq: number, limit: number): Promise<ThreadEvents>;
  /** The comment an author already created with this idempotency key in this thread, or null. */
  findByIdempotencyKey(site: string, page: string, authorId: string, key: string): Promise<StoredComment | null>;
  /** One comment, or null. */
  getComment(site: string, page: string, id: string): Promise<StoredComment | null>;
  /** The author's record on a site: counts, recent posts, ban. An unknown author has an empty one. */
  getAuthorHistory(site: string, authorId: string): Promise<AuthorHistory>;
  /** Bans an author from posting on a site until `until` (epoch ms); null lifts the ban. */
  setAuthorBan(site: string, authorId: string, until: number | null): Promise<void>;
  /** Marks an author trusted on a site (their comments skip the new-author hold), or not. */
  setAuthorTrusted(site: string, authorId: string, trusted: boolean): Promise<void>;
  /** The author's comments on a site, every status, newest first. */
  listAuthorComments(site: string, authorId: string, limit: number): Promise<StoredComment[]>;
  /** The site's latest comments, every status but deleted, newest first (the policy dry run). */
  listRecentComments(site: string, limit: number): Promise<StoredComment[]>;
  /**
   * A reader reports a published comment. Once per reporter: a repeat answers `first: false`
   * and changes nothing. The first open report puts it in `reported`; the `hideAt`-th distinct
   * reporter hides it (status pending, out of the thread, `event` its comment:deleted).
   * NOT_FOUND when there is no such published comment.
   */
  reportComment(site: string, page: string, id: string, report: StoredReport, hideAt: number): Promise<ReportResult>;
  /** Appends a moderator action to the site's audit log (decisions write theirs in decideComment). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The site's audit log, newest first. */
  listAudit(site: string, query: { cursor: string | null; limit: number }): Promise<{ entries: AuditEntry[]; nextCursor: string | null }>;
  /** Per UTC day (YYYY-MM-DD): what happened to the comments created that day, the moderators' decisions, and the rules that held or rejected. */
  getDailyStats(site: string, days: readonly string[]): Promise<DailyStats[]>;
  /** The policy the console saved for a site, or null when none was saved. */
  getSitePolicy(site: string): Promise<SitePolicyRecord | null>;
  setSitePolicy(site: string, record: SitePolicyRecord): Promise<void>;
  /**
   * Completes whatever a first attempt at creating this comment left undone (its author's
   * history; its publication) and returns the thread event when this call is the one that
   * completed a published comment, so the caller broadcasts it exactly once; null otherwise.
   * Idempotent: keyed by the comment id. A store whose create is one transaction has nothing
   * left undone and always answers null.
   */
  settleComment(comment: StoredComment): Promise<ThreadEvent | null>;
  /** A page of a site's queue, newest or oldest first by the time each comment entered it. */
  listQueue(site: string, queue: QueueName, query: QueueQuery): Promise<QueuePage>;
  /** How many comments each of the site's queues holds. */
  queueCounts(site: string): Promise<Record<QueueName, number>>;
  /**
   * Decides a pending comment atomically: approve publishes it (the thread's next seq, its
   * published index, its event, the author's approved count), reject rejects it (the author's
   * rejected count); both record `decision` and move it between queues. Of two decisions on
   * one comment, however close, exactly one is ok and the other answers ALREADY_DECIDED.
   */
  decideComment(site: string, page: string, id: string, decision: Decision, options: DecideOptions): Promise<DecideResult>;
  /** Is the backend reachable and writable? When not, says why in words an operator can act on. */
  health(): Promise<StoreHealth>;
  /** Finish in-flight writes, flush, release connections. */
  close(): Promise<void>;
}
