/**
 * Dependency-free runtime checks of what the server sends, for the widget: zod stays out of
 * embed.js, and an answer of the wrong shape (an older or newer server, a proxy's error page
 * relayed as a frame) becomes a clear failure instead of a crash deep in the view. They check
 * what the widget reads, field by field; each guard's type is the protocol's own, and `shape`
 * wants a guard for every field of it (optional ones included), so a field added to events.ts
 * that a guard forgets is a compile error.
 */
import type { CommentStatus, PublicComment } from './comment.ts';
import { isErrorCode, isErrorReason, type DecidedBy, type Result, type WireError } from './errors.ts';
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
  ConnectErrorData,
  ModerationNotice,
  ThreadEvent,
  ThreadEventsBatch,
  ThreadPage,
  ThreadResync,
  ThreadSnapshot,
  Viewer,
} from './events.ts';

export type Guard<T> = (value: unknown) => value is T;

type Field<T> = { [K in keyof T]-?: Guard<T[K]> };

/** An object guard from one guard per field: every key of T must be given one. */
function shape<T>(fields: Field<T>): Guard<T> {
  const entries = Object.entries<Guard<unknown>>(fields);
  return (value: unknown): value is T => {
    if (typeof value !== 'object' || value === null) return false;
    for (const [key, guard] of entries) {
      if (!guard((value as Record<string, unknown>)[key])) return false;
    }
    return true;
  };
}

const isString: Guard<string> = (v): v is string => typeof v === 'string';
const isNumber: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
const nullable =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (v): v is T | null =>
    v === null || guard(v);
const optional =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || guard(v);
const arrayOf =
  <T>(guard: Guard<T>): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.every(guard);
const literal =
  <T extends string>(expected: T): Guard<T> =>
  (v): v is T =>
    v === expected;
const oneOf =
  <T extends string>(...allowed: readonly T[]): Guard<T> =>
  (v): v is T =>
    (allowed as readonly unknown[]).includes(v);

const STATUSES: ReadonlySet<unknown> = new Set<CommentStatus>(['published', 'pending', 'rejected', 'deleted']);
const isStatus: Guard<CommentStatus> = (v): v is CommentStatus => STATUSES.has(v);

export const isPublicComment: Guard<PublicComment> = shape<PublicComment>({
  id: isString,
  page: isString,
  parentId: nullable(isString),
  authorId: isString,
  authorName: isString,
  text: isString,
  status: isStatus,
  createdAt: isNumber,
});

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
  status: oneOf('published', 'rejected'),
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
const isEmpty: Guard<Record<string, never>> = (v): v is Record<string, never> => typeof v === 'object' && v !== null;

const isDecidedBy: Guard<DecidedBy> = shape<DecidedBy>({
  action: oneOf('approve', 'reject'),
  by: isString,
  at: isNumber,
  reason: nullable(isString),
});

export const isWireError: Guard<WireError> = shape<WireError>({
  code: isErrorCode,
  message: isString,
  field: optional(isString),
  reason: optional(isErrorReason),
  retryAfterMs: optional(isNumber),
  decided: optional(isDecidedBy),
});

/** A Result whose data passes `data`, or a well-formed error. */
export function isResultOf<T>(data: Guard<T>): Guard<Result<T>> {
  return (v): v is Result<T> => {
    if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
    if (v.ok === true) return 'data' in v && data(v.data);
    return v.ok === false && 'error' in v && isWireError(v.error);
  };
}

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

/** What a refused handshake carries in `connect_error`'s `data`. */
export const isConnectErrorData: Guard<ConnectErrorData> = shape<ConnectErrorData>({
  code: isErrorCode,
  message: isString,
  retryAfterMs: optional(isNumber),
});
