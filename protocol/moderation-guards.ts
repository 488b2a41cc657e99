/**
 * Dependency-free runtime checks of what the /moderation namespace and the session endpoint
 * send, for the moderation console, built from guard-kit.ts as guards.ts is (zod stays out of
 * the browser). Each
 * guard's type is the protocol's own and `shape` wants a guard for every field, so a field
 * added to moderation.ts that a guard forgets is a compile error; the maps below are keyed by
 * every request and broadcast name, so a new event without a guard is one too.
 */
import type { ReportReason } from './events.ts';
import type {
  AuditAction,
  AuditEntry,
  AuditPage,
  AuthorBanned,
  AuthorHistoryResult,
  AuthorSummary,
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
import {
  arrayOf,
  either,
  isBoolean,
  isDecidedBy,
  isEmpty,
  isNumber,
  isPresent,
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

const isQueue = memberOf<ModerationQueue>({ pending: true, reported: true, rejected: true, approved: true });
const isAction = memberOf<QueueReason['action']>({ publish: true, hold: true, reject: true });
const isReportReason = memberOf<ReportReason>({ spam: true, abuse: true, off_topic: true, other: true });
const isAuditAction = memberOf<AuditAction>({ approve: true, reject: true, ban: true, unban: true, trust: true, untrust: true, policy: true });

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

export const isQueueItem: Guard<QueueItem> = shape<QueueItem>({
  comment: isPublicComment,
  reasons: arrayOf(isQueueReason),
  reports: arrayOf(isQueueReport),
  parent: nullable(shape<NonNullable<QueueItem['parent']>>({ id: isString, authorName: isString, text: isString })),
  pageUrl: nullable(isString),
  author: isAuthorSummary,
  decision: nullable(isDecidedBy),
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

/** The ack of every moderation request, keyed by event name. */
export const moderationAckGuards: { [E in ModerationEventName]: Guard<Result<ModerationAckOf<E>>> } = {
  'queue:list': isResultOf(isQueueListResult),
  'queue:decide': isResultOf(isQueueDecided),
  'queue:decide-many': isResultOf(isQueueDecideManyResult),
  'author:ban': isResultOf(isAuthorBanned),
  'author:unban': isResultOf(isAuthorSummary),
  'author:trust': isResultOf(isAuthorSummary),
  'author:history': isResultOf(isAuthorHistoryResult),
  'audit:list': isResultOf(isAuditPage),
  'policy:get': isResultOf(isPolicyView),
  'policy:dry-run': isResultOf(isPolicyDryRun),
  'policy:save': isResultOf(isPolicyView),
  'overview:get': isResultOf(isOverview),
};

/** Every moderation broadcast, keyed by event name. */
export const moderationBroadcastGuards: { [E in ModerationBroadcastName]: Guard<ModerationBroadcastOf<E>> } = {
  'queue:added': shape<QueueAdded>({ queue: isQueue, item: isQueueItem }),
  'queue:resolved': shape<QueueResolved>({ queue: isQueue, id: isString, page: isString, decision: nullable(isDecidedBy) }),
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
  get: isResultOf(isModeratorSessionView),
  post: isResultOf(isModeratorSessionView),
  delete: isResultOf(isEmpty),
} as const;

export type { Guard } from './guard-kit.ts';

/** What a refused /moderation handshake carries in `connect_error`'s `data`: the same as the reader namespace's. */
export { isConnectErrorData as isModerationConnectErrorData } from './guard-kit.ts';
