/**
 * The wire protocol between the widget and the server. Both sides import this file; the
 * server additionally parses every client payload at runtime (protocol/parse.ts), because
 * these types validate nothing.
 *
 * Names are `noun:verb`: a request uses the base verb and is acknowledged with a Result;
 * a broadcast uses the past tense.
 */
import type { AuthorKind, PublicComment } from './comment.ts';
import type { ErrorCode, Result, WireError } from './errors.ts';

/** Sent in the Socket.IO handshake (`auth`). The site is bound for the connection's lifetime. */
export interface HandshakeAuth {
  site: string;
  /** The anonymous author token the server issued earlier, if the device has one. */
  token?: string;
  /**
   * A JWT the host page passed (`sso` attribute): HS256, signed with the site's SSO secret,
   * `aud` the site id, `sub` the user id, `name`, optional `avatar` (https URL), `exp` required.
   * A refused token does not refuse the connection: the reader continues anonymous and
   * `viewer.ssoError` says why.
   */
  sso?: string;
}

export interface ThreadRef {
  page: string;
}

/** The order of a thread's top-level comments (replies are always oldest first): `likes` ties by newest. */
export const ThreadSort = { newest: 'newest', oldest: 'oldest', likes: 'likes' } as const;
export type ThreadSort = (typeof ThreadSort)[keyof typeof ThreadSort];
export const THREAD_SORTS = Object.values(ThreadSort);

export interface ThreadJoinRequest extends ThreadRef {
  /** Absent: newest. */
  sort?: ThreadSort;
}

export interface Viewer {
  authorId: string;
  /** Keep this (localStorage) and send it in the next handshake to stay the same author. */
  token: string;
  /** How the server knows the viewer: anonymous, or verified (sso, moderator) with the name and avatar their comments carry. */
  kind: AuthorKind;
  /** A verified viewer's name; null for an anonymous one (the widget remembers the name they type). */
  name: string | null;
  /** An SSO viewer's avatar (https), else null. */
  avatarUrl: string | null;
  /** Why the page's SSO token was refused (code SSO_INVALID): the viewer continues anonymous. Null when none was refused. */
  ssoError: WireError | null;
}

/** A page of a thread as readers see it: the HTTP API's answer and the core of a snapshot. */
export interface ThreadView {
  page: string;
  sort: ThreadSort;
  /** Top-level comments in `sort` order; one no longer published that still has published replies comes as a tombstone. */
  comments: PublicComment[];
  /** The first replies (LIMITS.repliesPerRoot) of each of `comments`, grouped by root in the order of `comments`, oldest first in a group. */
  replies: PublicComment[];
  /** Of `comments` and `replies`, the ids the viewer likes (always empty over HTTP). */
  liked: string[];
  /** Pass to `thread:more` (with the same sort) for the next top-level comments; null when there are none. */
  nextCursor: string | null;
  /** Published comments in the thread, replies included. */
  count: number;
  /** The thread's latest event sequence; live events with seq ≤ this are already included. */
  seq: number;
}

export interface ThreadSnapshot extends ThreadView {
  /** The viewer's own comments that await review (visible only to them), each with why it waits. */
  mine: CommentCreated[];
  /** The thread takes no new comments (the site closed the page); what is there stays readable. */
  closed: boolean;
  /** How long after posting the viewer may edit a comment (the site's setting); 0: never. */
  editWindowMinutes: number;
  viewer: Viewer;
}

export interface ThreadMoreRequest extends ThreadRef {
  /** From the previous page of the same sort. */
  cursor: string;
  /** Absent: newest. Must be the sort the cursor came from. */
  sort?: ThreadSort;
}

export interface ThreadPage {
  comments: PublicComment[];
  replies: PublicComment[];
  liked: string[];
  nextCursor: string | null;
}

/** More replies under one top-level comment than its page carried. */
export interface ThreadRepliesRequest extends ThreadRef {
  rootId: string;
  /** From the previous `thread:replies` answer; absent for the first one, which starts after `skip`. */
  cursor?: string;
  /** Without a cursor: how many replies to skip (those the page carried). Absent: 0. */
  skip?: number;
}

export interface ThreadReplies {
  rootId: string;
  /** Oldest first; deleted ones as tombstones. */
  replies: PublicComment[];
  liked: string[];
  nextCursor: string | null;
}

export interface ThreadResyncRequest extends ThreadRef {
  /** The last seq the client applied. */
  afterSeq: number;
}

export interface ThreadResync {
  /** Events after `afterSeq`, oldest first, gap-free. */
  events: ThreadEvent[];
  seq: number;
  /** True when too much was missed: the client should `thread:join` afresh instead. */
  reset: boolean;
}

export interface CommentCreateRequest extends ThreadRef {
  text: string;
  /** Required of an anonymous viewer; ignored for a verified one (SSO, moderator), whose name is theirs. */
  authorName?: string;
  parentId?: string | null;
  /** Client-generated idempotency key: a retry with the same key returns the first result. */
  key: string;
}

/** Why moderation held or rejected a comment, told to its author only. */
export interface ModerationNotice {
  rule: string;
  message: { en: string; id: string };
}

export interface CommentCreated {
  comment: PublicComment;
  /** Empty when published; otherwise why the comment awaits review or was rejected. */
  reasons: ModerationNotice[];
}

/** Edit one's own comment, within the site's edit window (EDIT_WINDOW_CLOSED after it). It is moderated again. */
export interface CommentEditRequest extends ThreadRef {
  id: string;
  text: string;
}

/** Delete one's own comment, at any time. One with replies stays as a tombstone. */
export interface CommentDeleteRequest extends ThreadRef {
  id: string;
}

/** Like a published comment (`like: true`) or take the like back. One like per identity; repeating is harmless. */
export interface CommentReactRequest extends ThreadRef {
  id: string;
  like: boolean;
}

export interface CommentReacted {
  likes: number;
  /** Whether this viewer likes it now. */
  liked: boolean;
}

/** A thread event as broadcast and as replayed by `thread:resync`. */
export interface CommentCreatedEvent {
  type: 'comment:created';
  page: string;
  seq: number;
  comment: PublicComment;
  /** The thread's published count after this event (saves a second broadcast per post). */
  count: number;
}
/**
 * A comment left the thread for readers: a moderator rejected it after it was published, or
 * enough readers reported it that it is hidden until a moderator looks. Readers drop it.
 */
export interface CommentDeletedEvent {
  type: 'comment:deleted';
  page: string;
  seq: number;
  id: string;
  /** The thread's published count after this event. */
  count: number;
}
/** A published comment's text changed (its author edited it and it stayed published): replace it. */
export interface CommentUpdatedEvent {
  type: 'comment:updated';
  page: string;
  seq: number;
  comment: PublicComment;
  count: number;
}
/** A published comment's likes changed. */
export interface CommentLikedEvent {
  type: 'comment:liked';
  page: string;
  seq: number;
  id: string;
  likes: number;
}
/**
 * Also `comment:deleted` when its author deleted it or an edit sent it back to review: the
 * widget keeps a tombstone when replies hang under it, else drops it.
 */
export type ThreadEvent = CommentCreatedEvent | CommentDeletedEvent | CommentUpdatedEvent | CommentLikedEvent;

/** Told to one author (room `author:<site>:<id>`) when a moderator decides their held comment. */
export interface CommentStatusChange {
  id: string;
  page: string;
  /** `published`: it is in the thread now (its comment:created reaches every page); `rejected`: it will not be. */
  status: 'published' | 'rejected';
}

/** Why a reader reports a comment. */
export const ReportReason = { spam: 'spam', abuse: 'abuse', off_topic: 'off_topic', other: 'other' } as const;
export type ReportReason = (typeof ReportReason)[keyof typeof ReportReason];
export const REPORT_REASONS = Object.values(ReportReason);

export interface CommentReportRequest extends ThreadRef {
  id: string;
  reason: ReportReason;
  /** Optional words for the moderators (up to LIMITS.reportNoteMax characters). */
  note?: string;
}

export interface CommentReported {
  /** False when this reader had already reported the comment: a reader reports a comment once. */
  first: boolean;
}

/** Several thread events that became public in the same instant, in seq order, in one frame. */
export interface ThreadEventsBatch {
  page: string;
  events: ThreadEvent[];
}

export type Ack<T> = (result: Result<T>) => void;

/** Requests a reader's socket may send. */
export interface ClientToServerEvents {
  'thread:join': (payload: ThreadJoinRequest, ack: Ack<ThreadSnapshot>) => void;
  'thread:leave': (payload: ThreadRef, ack: Ack<Record<string, never>>) => void;
  'thread:more': (payload: ThreadMoreRequest, ack: Ack<ThreadPage>) => void;
  'thread:resync': (payload: ThreadResyncRequest, ack: Ack<ThreadResync>) => void;
  'comment:create': (payload: CommentCreateRequest, ack: Ack<CommentCreated>) => void;
  'thread:replies': (payload: ThreadRepliesRequest, ack: Ack<ThreadReplies>) => void;
  'comment:report': (payload: CommentReportRequest, ack: Ack<CommentReported>) => void;
  /** Answers like a create: the comment as it now is (its status may have changed) and why it waits. */
  'comment:edit': (payload: CommentEditRequest, ack: Ack<CommentCreated>) => void;
  'comment:delete': (payload: CommentDeleteRequest, ack: Ack<Record<string, never>>) => void;
  'comment:react': (payload: CommentReactRequest, ack: Ack<CommentReacted>) => void;
}

/** Broadcasts the server sends to readers. */
export interface ServerToClientEvents {
  'comment:created': (event: CommentCreatedEvent) => void;
  'comment:deleted': (event: CommentDeletedEvent) => void;
  'comment:updated': (event: CommentUpdatedEvent) => void;
  'comment:liked': (event: CommentLikedEvent) => void;
  'thread:events': (batch: ThreadEventsBatch) => void;
  /** Only to the comment's author. */
  'comment:status': (change: CommentStatusChange) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
/** Every request event, for the server's packet guard; the compiler checks none is missing. */
export const CLIENT_EVENTS = [
  'thread:join',
  'thread:leave',
  'thread:more',
  'thread:resync',
  'thread:replies',
  'comment:create',
  'comment:report',
  'comment:edit',
  'comment:delete',
  'comment:react',
] as const satisfies readonly ClientEventName[];
type IsNever<T> = [T] extends [never] ? true : false;
/** Fails to compile when a request event is missing from CLIENT_EVENTS. */
export type ClientEventsAreComplete = Assert<IsNever<Exclude<ClientEventName, (typeof CLIENT_EVENTS)[number]>>>;
/** A compile-time assertion: `Assert<X>` compiles only when X is `true`. */
export type Assert<T extends true> = T;

/** The payload a request sends. */
export type RequestOf<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
/** What a successful request's ack carries: a request's ack type follows from its name. */
export type AckOf<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

export type BroadcastName = keyof ServerToClientEvents;
/** The payload of a broadcast. */
export type BroadcastOf<E extends BroadcastName> = Parameters<ServerToClientEvents[E]>[0];

/** Error codes attached to a refused Socket.IO connection (`connect_error` → `err.data.code`). */
export interface ConnectErrorData {
  code: ErrorCode;
  message: string;
  /** For RATE_LIMITED: how long to wait before connecting again, when known. */
  retryAfterMs?: number;
}

/** Room names, in one place so server and tests agree. */
export const rooms = {
  thread: (site: string, page: string) => `thread:${site}:${page}`,
  author: (site: string, authorId: string) => `author:${site}:${authorId}`,
  /** Every moderation console open on a site (namespace /moderation). */
  moderators: (site: string) => `moderators:${site}`,
} as const;
