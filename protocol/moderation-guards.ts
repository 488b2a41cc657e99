/**
 * Dependency-free runtime checks of what the /moderation namespace and the session endpoint
 * send, for the moderation console (zod stays out of the browser, as in guards.ts). Each
 * guard's type is the protocol's own and `shape` wants a guard for every field, so a field
 * added to moderation.ts that a guard forgets is a compile error; the maps below are keyed by
 * every request and broadcast name, so a new event without a guard is one too.
 */
import type { CommentStatus, PublicComment } from './comment.ts';
import { isErrorCode, isErrorReason, type DecidedBy, type Result, type WireError } from './errors.ts';
import type { ConnectErrorData, ReportReason } from './events.ts';
import type {
  AuditAction,
  AuditEntry,
  AuditPage,
  AuthorBanned,
  AuthorHistoryResult,
  AuthorSummary,
  Empty,
  ModerationAckOf,
  ModerationBroadcastName,
  ModerationBroadcastOf,
  ModerationEventName,
  ModerationQueue,
  ModeratorSessionView,
  Overview,
  OverviewDay,
  PolicyDryRun,
  PolicyView,
  QueueAdded,
  QueueCounts,
  QueueDecided,
  QueueDecideManyResult,
  QueueItem,
  QueueListResult,
  QueueReason,
  QueueReport,
  QueueResolved,
} from './moderation.ts';

export type Guard<T> = (value: unknown) => value is T;

type Field<T> = { [K in keyof T]-?: Guard<T[K]> };

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
/** JSON carries no `undefined`: an `unknown` field (the policy) must at least be present. */
const isPresent: Guard<unknown> = (v): v is unknown => v !== undefined;
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
  <T extends string | boolean>(expected: T): Guard<T> =>
  (v): v is T =>
    v === expected;
/** A member of a closed set, given as an object with every member as a key: a member added to the union that is missing here is a compile error. */
function memberOf<T extends string>(members: Record<T, true>): Guard<T> {
  return (v): v is T => typeof v === 'string' && Object.hasOwn(members, v);
}
const either =
  <A, B>(a: Guard<A>, b: Guard<B>): Guard<A | B> =>
  (v): v is A | B =>
    a(v) || b(v);

const isStatus = memberOf<CommentStatus>({ published: true, pending: true, rejected: true, deleted: true });
const isQueue = memberOf<ModerationQueue>({ pending: true, reported: true, rejected: true, approved: true });
const isAction = memberOf<QueueReason['action']>({ publish: true, hold: true, reject: true });
const isDecisionAction = memberOf<DecidedBy['action']>({ approve: true, reject: true });
const isReportReason = memberOf<ReportReason>({ spam: true, abuse: true, off_topic: true, other: true });
const isAuditAction = memberOf<AuditAction>({ approve: true, reject: true, ban: true, unban: true, trust: true, untrust: true, policy: true });

const isPublicComment = shape<PublicComment>({
  id: isString,
  page: isString,
  parentId: nullable(isString),
  authorId: isString,
  authorName: isString,
  text: isString,
  status: isStatus,
  createdAt: isNumber,
});

const isDecidedBy = shape<DecidedBy>({ action: isDecisionAction, by: isString, at: isNumber, reason: nullable(isString) });

/** A wire error, with the `decided` an ALREADY_DECIDED answer carries checked too. */
export const isModerationWireError: Guard<WireError> = shape<WireError>({
  code: isErrorCode,
  message: isString,
  field: optional(isString),
  reason: optional(isErrorReason),
  retryAfterMs: optional(isNumber),
  decided: optional(isDecidedBy),
});

/** A Result whose data passes `data`, or a well-formed error. */
export function isModerationResultOf<T>(data: Guard<T>): Guard<Result<T>> {
  return (v): v is Result<T> => {
    if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
    if (v.ok === true) return 'data' in v && data(v.data);
    return v.ok === false && 'error' in v && isModerationWireError(v.error);
  };
}

export const isQueueCounts: Guard<QueueCounts> = shape<QueueCounts>({
  pending: isNumber,
  reported: isNumber,
  rejected: isNumber,
  approved: isNumber,
});

const isQueueReason = shape<QueueReason>({
  rule: isString,
  action: isAction,
  message: shape<QueueReason['message']>({ en: isString, id: isString }),
  spans: arrayOf(shape<QueueReason['spans'][number]>({ start: isNumber, end: isNumber })),
});

const isQueueReport = shape<QueueReport>({ reason: isReportReason, note: nullable(isString), at: isNumber });

export const isAuthorSummary: Guard<AuthorSummary> = shape<AuthorSummary>({
  authorId: isString,
  name: isString,
  firstSeen: nullable(isNumber),
  approvedCount: isNumber,
  rejectedCount: isNumber,
  bannedUntil: nullable(isNumber),
  trusted: isBoolean,
});

const isDecision = shape<NonNullable<QueueItem['decision']>>({ action: isDecisionAction, by: isString, at: isNumber, reason: nullable(isString) });

export const isQueueItem: Guard<QueueItem> = shape<QueueItem>({
  comment: isPublicComment,
  reasons: arrayOf(isQueueReason),
  reports: arrayOf(isQueueReport),
  parent: nullable(shape<NonNullable<QueueItem['parent']>>({ id: isString, authorName: isString, text: isString })),
  pageUrl: nullable(isString),
  author: isAuthorSummary,
  decision: nullable(isDecision),
  revision: isNumber,
});

const isQueueListResult = shape<QueueListResult>({ items: arrayOf(isQueueItem), nextCursor: nullable(isString), counts: isQueueCounts });
const isQueueDecided = shape<QueueDecided>({ item: isQueueItem });

type ManyOutcome = QueueDecideManyResult['results'][number];
const isManyOutcome: Guard<ManyOutcome> = either(
  shape<Extract<ManyOutcome, { ok: true }>>({ id: isString, ok: literal(true), item: isQueueItem }),
  shape<Extract<ManyOutcome, { ok: false }>>({ id: isString, ok: literal(false), code: isString, message: isString }),
);
const isQueueDecideManyResult = shape<QueueDecideManyResult>({ results: arrayOf(isManyOutcome) });

const isAuthorBanned = shape<AuthorBanned>({ author: isAuthorSummary, rejected: isNumber });
const isAuthorHistoryResult = shape<AuthorHistoryResult>({ author: isAuthorSummary, recent: arrayOf(isQueueItem) });

type AuditTarget = AuditEntry['target'];
const isAuditTarget: Guard<AuditTarget> = either(
  either(
    shape<Extract<AuditTarget, { commentId: string }>>({ commentId: isString, page: isString, authorId: isString }),
    shape<{ authorId: string }>({ authorId: isString }),
  ),
  shape<{ policy: true }>({ policy: literal(true) }),
);

export const isAuditEntry: Guard<AuditEntry> = shape<AuditEntry>({
  id: isString,
  at: isNumber,
  site: isString,
  moderatorId: isString,
  moderatorEmail: isString,
  action: isAuditAction,
  target: isAuditTarget,
  reason: nullable(isString),
  before: nullable(isString),
  after: nullable(isString),
});
const isAuditPage = shape<AuditPage>({ entries: arrayOf(isAuditEntry), nextCursor: nullable(isString) });

const isPolicyView = shape<PolicyView>({ policy: isPresent, updatedAt: nullable(isNumber), updatedBy: nullable(isString) });
const isPolicyDryRun = shape<PolicyDryRun>({
  examined: isNumber,
  changed: isNumber,
  examples: arrayOf(
    shape<PolicyDryRun['examples'][number]>({ comment: isPublicComment, before: isAction, after: isAction, reasons: arrayOf(isQueueReason) }),
  ),
});

const isOverviewDay = shape<OverviewDay>({
  day: isString,
  published: isNumber,
  held: isNumber,
  rejected: isNumber,
  approvedByModerator: isNumber,
  rejectedByModerator: isNumber,
});
const isOverview = shape<Overview>({
  days: arrayOf(isOverviewDay),
  topRules: arrayOf(shape<Overview['topRules'][number]>({ rule: isString, count: isNumber })),
});
const isEmpty: Guard<Empty> = (v): v is Empty => typeof v === 'object' && v !== null;

/** The ack of every moderation request, keyed by event name. */
export const moderationAckGuards: { [E in ModerationEventName]: Guard<Result<ModerationAckOf<E>>> } = {
  'queue:list': isModerationResultOf(isQueueListResult),
  'queue:decide': isModerationResultOf(isQueueDecided),
  'queue:decide-many': isModerationResultOf(isQueueDecideManyResult),
  'author:ban': isModerationResultOf(isAuthorBanned),
  'author:unban': isModerationResultOf(isAuthorSummary),
  'author:trust': isModerationResultOf(isAuthorSummary),
  'author:history': isModerationResultOf(isAuthorHistoryResult),
  'audit:list': isModerationResultOf(isAuditPage),
  'policy:get': isModerationResultOf(isPolicyView),
  'policy:dry-run': isModerationResultOf(isPolicyDryRun),
  'policy:save': isModerationResultOf(isPolicyView),
  'overview:get': isModerationResultOf(isOverview),
};

/** Every moderation broadcast, keyed by event name. */
export const moderationBroadcastGuards: { [E in ModerationBroadcastName]: Guard<ModerationBroadcastOf<E>> } = {
  'queue:added': shape<QueueAdded>({ queue: isQueue, item: isQueueItem }),
  'queue:resolved': shape<QueueResolved>({ queue: isQueue, id: isString, page: isString, decision: nullable(isDecision) }),
  'queue:counts': isQueueCounts,
  'session:ended': isEmpty,
};

export const isModeratorSessionView: Guard<ModeratorSessionView> = shape<ModeratorSessionView>({
  email: isString,
  role: memberOf<ModeratorSessionView['role']>({ admin: true, moderator: true }),
  sites: arrayOf(shape<ModeratorSessionView['sites'][number]>({ id: isString, name: isString })),
  expiresAt: isNumber,
});

/** The answers of `MODERATION_HTTP.session`: GET and POST carry the session view, DELETE an empty object. */
export const sessionResultGuards = {
  get: isModerationResultOf(isModeratorSessionView),
  post: isModerationResultOf(isModeratorSessionView),
  delete: isModerationResultOf(isEmpty),
} as const;

/** What a refused /moderation handshake carries in `connect_error`'s `data`. */
export const isModerationConnectErrorData: Guard<ConnectErrorData> = shape<ConnectErrorData>({
  code: isErrorCode,
  message: isString,
  retryAfterMs: optional(isNumber),
});
