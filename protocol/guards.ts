/**
 * Dependency-free runtime checks of what the server sends, for the widget: zod stays out of
 * embed.js, and an answer of the wrong shape (an older or newer server, a proxy's error page
 * relayed as a frame) becomes a clear failure instead of a crash deep in the view. They check
 * what the widget reads, field by field; each guard's type is the protocol's own, and `shape`
 * wants a guard for every field of it (optional ones included), so a field added to events.ts
 * that a guard forgets is a compile error. Built from guard-kit.ts, which the console's guards share.
 */
import type {
  AckOf,
  BroadcastName,
  BroadcastOf,
  ClientEventName,
  CommentCreated,
  CommentCreatedEvent,
  CommentDeletedEvent,
  CommentLikedEvent,
  CommentReacted,
  CommentReported,
  CommentStatusChange,
  CommentUpdatedEvent,
  ModerationNotice,
  ThreadEvent,
  ThreadEventsBatch,
  ThreadPage,
  ThreadReplies,
  ThreadResync,
  ThreadSnapshot,
  ThreadSort,
  Viewer,
} from './events.ts';
import {
  arrayOf,
  isAuthorKind,
  isBoolean,
  isEmpty,
  isNumber,
  isPublicComment,
  isResultOf,
  isString,
  isWireError,
  literal,
  memberOf,
  nullable,
  shape,
  type Guard,
} from './guard-kit.ts';
import type { Result } from './errors.ts';

export { isConnectErrorData, isPublicComment, isResultOf, type Guard } from './guard-kit.ts';

const isViewer = shape<Viewer>({
  authorId: isString,
  token: isString,
  kind: isAuthorKind,
  name: nullable(isString),
  avatarUrl: nullable(isString),
  ssoError: nullable(isWireError),
});
const isSort = memberOf<ThreadSort>({ newest: true, oldest: true, likes: true });
const isIds = arrayOf(isString);
const isNotice = shape<ModerationNotice>({ rule: isString, message: shape<ModerationNotice['message']>({ en: isString, id: isString }) });

export const isCommentCreatedEvent: Guard<CommentCreatedEvent> = shape<CommentCreatedEvent>({
  type: literal('comment:created'),
  page: isString,
  seq: isNumber,
  comment: isPublicComment,
  count: isNumber,
});
export const isCommentDeletedEvent: Guard<CommentDeletedEvent> = shape<CommentDeletedEvent>({
  type: literal('comment:deleted'),
  page: isString,
  seq: isNumber,
  id: isString,
  count: isNumber,
});
export const isCommentUpdatedEvent: Guard<CommentUpdatedEvent> = shape<CommentUpdatedEvent>({
  type: literal('comment:updated'),
  page: isString,
  seq: isNumber,
  comment: isPublicComment,
  count: isNumber,
});
export const isCommentLikedEvent: Guard<CommentLikedEvent> = shape<CommentLikedEvent>({
  type: literal('comment:liked'),
  page: isString,
  seq: isNumber,
  id: isString,
  likes: isNumber,
});
/** Any thread event; a type the widget does not know fails, so its frame is treated as a gap. */
export const isThreadEvent: Guard<ThreadEvent> = (v): v is ThreadEvent =>
  isCommentCreatedEvent(v) || isCommentDeletedEvent(v) || isCommentUpdatedEvent(v) || isCommentLikedEvent(v);

export const isCommentStatusChange: Guard<CommentStatusChange> = shape<CommentStatusChange>({
  id: isString,
  page: isString,
  status: memberOf<CommentStatusChange['status']>({ published: true, rejected: true }),
});

export const isCommentCreated: Guard<CommentCreated> = shape<CommentCreated>({ comment: isPublicComment, reasons: arrayOf(isNotice) });
export const isThreadSnapshot: Guard<ThreadSnapshot> = shape<ThreadSnapshot>({
  page: isString,
  sort: isSort,
  comments: arrayOf(isPublicComment),
  replies: arrayOf(isPublicComment),
  liked: isIds,
  nextCursor: nullable(isString),
  count: isNumber,
  seq: isNumber,
  mine: arrayOf(isCommentCreated),
  closed: isBoolean,
  editWindowMinutes: isNumber,
  viewer: isViewer,
});
export const isThreadPage: Guard<ThreadPage> = shape<ThreadPage>({
  comments: arrayOf(isPublicComment),
  replies: arrayOf(isPublicComment),
  liked: isIds,
  nextCursor: nullable(isString),
});
export const isThreadReplies: Guard<ThreadReplies> = shape<ThreadReplies>({
  rootId: isString,
  replies: arrayOf(isPublicComment),
  liked: isIds,
  nextCursor: nullable(isString),
});
export const isThreadResync: Guard<ThreadResync> = shape<ThreadResync>({ events: arrayOf(isThreadEvent), seq: isNumber, reset: isBoolean });
const isCommentReported: Guard<CommentReported> = shape<CommentReported>({ first: isBoolean });
const isCommentReacted: Guard<CommentReacted> = shape<CommentReacted>({ likes: isNumber, liked: isBoolean });

/** The ack of every request, keyed by event name: `ackGuards['thread:join']` checks a snapshot. */
export const ackGuards: { [E in ClientEventName]: Guard<Result<AckOf<E>>> } = {
  'thread:join': isResultOf(isThreadSnapshot),
  'thread:leave': isResultOf(isEmpty),
  'thread:more': isResultOf(isThreadPage),
  'thread:resync': isResultOf(isThreadResync),
  'comment:create': isResultOf(isCommentCreated),
  'comment:report': isResultOf(isCommentReported),
  'thread:replies': isResultOf(isThreadReplies),
  'comment:edit': isResultOf(isCommentCreated),
  'comment:delete': isResultOf(isEmpty),
  'comment:react': isResultOf(isCommentReacted),
};

export const isThreadEventsBatch: Guard<ThreadEventsBatch> = shape<ThreadEventsBatch>({ page: isString, events: arrayOf(isThreadEvent) });

/** Every broadcast, keyed by event name. */
export const broadcastGuards: { [E in BroadcastName]: Guard<BroadcastOf<E>> } = {
  'comment:created': isCommentCreatedEvent,
  'comment:deleted': isCommentDeletedEvent,
  'comment:updated': isCommentUpdatedEvent,
  'comment:liked': isCommentLikedEvent,
  'thread:events': isThreadEventsBatch,
  'comment:status': isCommentStatusChange,
};
