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
  CommentReported,
  CommentStatusChange,
  ModerationNotice,
  ThreadEvent,
  ThreadEventsBatch,
  ThreadPage,
  ThreadResync,
  ThreadSnapshot,
  Viewer,
} from './events.ts';
import {
  arrayOf,
  isBoolean,
  isEmpty,
  isNumber,
  isPublicComment,
  isResultOf,
  isString,
  literal,
  memberOf,
  nullable,
  shape,
  type Guard,
} from './guard-kit.ts';
import type { Result } from './errors.ts';

export { isConnectErrorData, isPublicComment, isResultOf, type Guard } from './guard-kit.ts';

const isViewer = shape<Viewer>({ authorId: isString, token: isString });
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
/** Either thread event; a type the widget does not know fails, so its frame is treated as a gap. */
export const isThreadEvent: Guard<ThreadEvent> = (v): v is ThreadEvent => isCommentCreatedEvent(v) || isCommentDeletedEvent(v);

export const isCommentStatusChange: Guard<CommentStatusChange> = shape<CommentStatusChange>({
  id: isString,
  page: isString,
  status: memberOf<CommentStatusChange['status']>({ published: true, rejected: true }),
});

export const isThreadSnapshot: Guard<ThreadSnapshot> = shape<ThreadSnapshot>({
  page: isString,
  comments: arrayOf(isPublicComment),
  nextCursor: nullable(isString),
  count: isNumber,
  seq: isNumber,
  mine: arrayOf(isPublicComment),
  viewer: isViewer,
});
export const isThreadPage: Guard<ThreadPage> = shape<ThreadPage>({ comments: arrayOf(isPublicComment), nextCursor: nullable(isString) });
export const isThreadResync: Guard<ThreadResync> = shape<ThreadResync>({ events: arrayOf(isThreadEvent), seq: isNumber, reset: isBoolean });
export const isCommentCreated: Guard<CommentCreated> = shape<CommentCreated>({ comment: isPublicComment, reasons: arrayOf(isNotice) });
const isCommentReported: Guard<CommentReported> = shape<CommentReported>({ first: isBoolean });

/** The ack of every request, keyed by event name: `ackGuards['thread:join']` checks a snapshot. */
export const ackGuards: { [E in ClientEventName]: Guard<Result<AckOf<E>>> } = {
  'thread:join': isResultOf(isThreadSnapshot),
  'thread:leave': isResultOf(isEmpty),
  'thread:more': isResultOf(isThreadPage),
  'thread:resync': isResultOf(isThreadResync),
  'comment:create': isResultOf(isCommentCreated),
  'comment:report': isResultOf(isCommentReported),
};

export const isThreadEventsBatch: Guard<ThreadEventsBatch> = shape<ThreadEventsBatch>({ page: isString, events: arrayOf(isThreadEvent) });

/** Every broadcast, keyed by event name. */
export const broadcastGuards: { [E in BroadcastName]: Guard<BroadcastOf<E>> } = {
  'comment:created': isCommentCreatedEvent,
  'comment:deleted': isCommentDeletedEvent,
  'thread:events': isThreadEventsBatch,
  'comment:status': isCommentStatusChange,
};
