/**
 * The moderators' wire protocol: the Socket.IO namespace `/moderation` that the console at
 * /moderate speaks. Same rules as events.ts: `noun:verb` requests acknowledged with a Result,
 * past-tense broadcasts; the server parses every payload (protocol/moderation-parse.ts).
 *
 * The handshake carries no secret: the browser sends the httpOnly session cookie itself, and
 * the server checks it and the Origin before the connection exists. `auth.site` binds the
 * connection to one site the moderator may moderate; switching site is a new connection.
 */
import type { PublicComment } from './comment.ts';
import type { Ack, Assert, ReportReason } from './events.ts';

export interface ModerationHandshake {
  site: string;
}

/** The queues a console shows, in the order of its keys 1–4. */
export const ModerationQueue = { pending: 'pending', reported: 'reported', rejected: 'rejected', approved: 'approved' } as const;
export type ModerationQueue = (typeof ModerationQueue)[keyof typeof ModerationQueue];
export const MODERATION_QUEUES: readonly ModerationQueue[] = ['pending', 'reported', 'rejected', 'approved'];

export type QueueCounts = Record<ModerationQueue, number>;

/** One reason the engine gave, with the spans of the comment's text it matched (UTF-16 offsets). */
export interface QueueReason {
  rule: string;
  action: 'publish' | 'hold' | 'reject';
  message: { en: string; id: string };
  spans: { start: number; end: number }[];
}

export interface QueueReport {
  reason: ReportReason;
  note: string | null;
  at: number;
}

/** What a moderator sees of an author next to each item; `author:history` adds their comments. */
export interface AuthorSummary {
  authorId: string;
  /** The name of their latest comment. */
  name: string;
  /** Their first comment on this site (epoch ms), or null when nothing of theirs is stored. */
  firstSeen: number | null;
  approvedCount: number;
  rejectedCount: number;
  /** Epoch ms until which they may not post; `Number.MAX_SAFE_INTEGER` for a permanent ban; null when not banned. */
  bannedUntil: number | null;
  /** Trusted authors skip the new-author hold. */
  trusted: boolean;
}

export interface QueueItem {
  comment: PublicComment;
  /** Every reason, each with its matched spans: the console highlights them all. */
  reasons: QueueReason[];
  /** Readers' open reports, newest first. */
  reports: QueueReport[];
  /** The comment it replies to, when it is a reply and that comment is still stored. */
  parent: { id: string; authorName: string; text: string } | null;
  /** Where the page is read (the site's first origin + the page id), or null when the site has no origin. */
  pageUrl: string | null;
  author: AuthorSummary;
  /** The last moderator decision on it, or null. */
  decision: { action: 'approve' | 'reject'; by: string; at: number; reason: string | null } | null;
  /**
   * Changes with every moderation change to the comment; a decision names the revision the
   * moderator saw, so a decision made on a stale view answers ALREADY_DECIDED.
   */
  revision: number;
}

export interface QueueListRequest {
  queue: ModerationQueue;
  order: 'newest' | 'oldest';
  /** From an earlier page of the same queue, order and filters; null for the first page. */
  cursor: string | null;
  /** 1–LIMITS.queuePageMax; 25 when absent. */
  limit?: number;
  /** Only comments of this page. */
  page?: string;
  /** Only comments one of whose reasons is this rule. */
  rule?: string;
  /** Case-insensitive: in the author's name or id, or the text. */
  search?: string;
}

export interface QueueListResult {
  items: QueueItem[];
  nextCursor: string | null;
  counts: QueueCounts;
}

export interface CommentRef {
  page: string;
  id: string;
  /** The item's revision as the console showed it. */
  revision: number;
}

export interface QueueDecideRequest extends CommentRef {
  action: 'approve' | 'reject';
  /** A rejection's reason, picked from the list or typed; null or absent for none. */
  reason?: string | null;
}

export interface QueueDecided {
  item: QueueItem;
}

export interface QueueDecideManyRequest {
  items: CommentRef[];
  action: 'approve' | 'reject';
  reason?: string | null;
}

export interface QueueDecideManyResult {
  /** One per requested item, in order: the decided item, or why not (ALREADY_DECIDED, NOT_FOUND). */
  results: ({ id: string; ok: true; item: QueueItem } | { id: string; ok: false; code: string; message: string })[];
}

export const BanDuration = { day: '1d', week: '7d', permanent: 'permanent' } as const;
export type BanDuration = (typeof BanDuration)[keyof typeof BanDuration];

export interface AuthorBanRequest {
  authorId: string;
  duration: BanDuration;
  /** Also reject every comment of theirs that awaits review on this site. */
  rejectPending: boolean;
  reason?: string | null;
}

export interface AuthorBanned {
  author: AuthorSummary;
  /** How many pending comments were rejected with the ban. */
  rejected: number;
}

export interface AuthorRef {
  authorId: string;
}

export interface AuthorTrustRequest extends AuthorRef {
  trusted: boolean;
}

export interface AuthorHistoryResult {
  author: AuthorSummary;
  /** Their latest comments on this site, every status, newest first. */
  recent: QueueItem[];
}

export const AuditAction = {
  approve: 'approve',
  reject: 'reject',
  ban: 'ban',
  unban: 'unban',
  trust: 'trust',
  untrust: 'untrust',
  policy: 'policy',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** One moderator action, as the audit log keeps it. */
export interface AuditEntry {
  id: string;
  at: number;
  site: string;
  moderatorId: string;
  /** The moderator's email when it was written. */
  moderatorEmail: string;
  action: AuditAction;
  /** What it was done to: a comment (page and id), an author, or the site's policy. */
  target: { commentId: string; page: string; authorId: string } | { authorId: string } | { policy: true };
  reason: string | null;
  /** The comment's status (or the author's ban/trust state, or the policy's version) before and after. */
  before: string | null;
  after: string | null;
}

export interface AuditListRequest {
  cursor: string | null;
  limit?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}

export interface PolicyView {
  /** The site's moderation policy as JSON (moderation/README.md). */
  policy: unknown;
  /** Null while the site uses the policy of SITES_FILE (or the default). */
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface PolicyRequest {
  policy: unknown;
}

/** What a new policy would change, on the site's most recent comments. */
export interface PolicyDryRun {
  /** How many recent comments were judged again (at most 1,000). */
  examined: number;
  /** How many would get another action than under the current policy. */
  changed: number;
  /** Some of those, side by side. */
  examples: { comment: PublicComment; before: QueueReason['action']; after: QueueReason['action']; reasons: QueueReason[] }[];
}

export interface OverviewDay {
  /** YYYY-MM-DD, UTC. */
  day: string;
  /** By what happened to the comments created that day. */
  published: number;
  held: number;
  rejected: number;
  /** Decisions moderators made that day. */
  approvedByModerator: number;
  rejectedByModerator: number;
}

export interface Overview {
  /** The last 30 days, oldest first, every day present. */
  days: OverviewDay[];
  /** The rules that held or rejected most in those days, most first (at most 10). */
  topRules: { rule: string; count: number }[];
}

export type Empty = Record<string, never>;

export interface ModerationClientEvents {
  'queue:list': (payload: QueueListRequest, ack: Ack<QueueListResult>) => void;
  'queue:decide': (payload: QueueDecideRequest, ack: Ack<QueueDecided>) => void;
  'queue:decide-many': (payload: QueueDecideManyRequest, ack: Ack<QueueDecideManyResult>) => void;
  'author:ban': (payload: AuthorBanRequest, ack: Ack<AuthorBanned>) => void;
  'author:unban': (payload: AuthorRef, ack: Ack<AuthorSummary>) => void;
  'author:trust': (payload: AuthorTrustRequest, ack: Ack<AuthorSummary>) => void;
  'author:history': (payload: AuthorRef, ack: Ack<AuthorHistoryResult>) => void;
  'audit:list': (payload: AuditListRequest, ack: Ack<AuditPage>) => void;
  'policy:get': (payload: Empty, ack: Ack<PolicyView>) => void;
  'policy:dry-run': (payload: PolicyRequest, ack: Ack<PolicyDryRun>) => void;
  'policy:save': (payload: PolicyRequest, ack: Ack<PolicyView>) => void;
  'overview:get': (payload: Empty, ack: Ack<Overview>) => void;
}

/** A comment entered a queue (held, reported, or moved by a decision). */
export interface QueueAdded {
  queue: ModerationQueue;
  item: QueueItem;
}

/** A comment left a queue: decided (by whom), or no longer reported. */
export interface QueueResolved {
  queue: ModerationQueue;
  id: string;
  page: string;
  decision: QueueItem['decision'];
}

export interface ModerationServerEvents {
  'queue:added': (event: QueueAdded) => void;
  'queue:resolved': (event: QueueResolved) => void;
  'queue:counts': (counts: QueueCounts) => void;
  /** The session ended (signed out, revoked, expired, password changed); the console shows sign-in. */
  'session:ended': (payload: Empty) => void;
}

export type ModerationEventName = keyof ModerationClientEvents;
export const MODERATION_EVENTS = [
  'queue:list',
  'queue:decide',
  'queue:decide-many',
  'author:ban',
  'author:unban',
  'author:trust',
  'author:history',
  'audit:list',
  'policy:get',
  'policy:dry-run',
  'policy:save',
  'overview:get',
] as const satisfies readonly ModerationEventName[];
type IsNever<T> = [T] extends [never] ? true : false;
/** Fails to compile when a moderation request is missing from MODERATION_EVENTS. */
export type ModerationEventsAreComplete = Assert<IsNever<Exclude<ModerationEventName, (typeof MODERATION_EVENTS)[number]>>>;

export type ModerationRequestOf<E extends ModerationEventName> = Parameters<ModerationClientEvents[E]>[0];
export type ModerationAckOf<E extends ModerationEventName> = Parameters<ModerationClientEvents[E]>[1] extends Ack<infer T> ? T : never;
export type ModerationBroadcastName = keyof ModerationServerEvents;
export type ModerationBroadcastOf<E extends ModerationBroadcastName> = Parameters<ModerationServerEvents[E]>[0];

/** The namespace's path. */
export const MODERATION_NAMESPACE = '/moderation';

/** Epoch ms that stands for "banned for ever". */
export const BANNED_FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * `GET /moderate/api/session` (and a successful `POST`) answers this; `DELETE` signs out.
 * `POST` takes `{ email, password }`. All three are same-origin only.
 */
export interface ModeratorSessionView {
  email: string;
  role: 'admin' | 'moderator';
  /** The sites this moderator may moderate (every registered site for an admin), by name. */
  sites: { id: string; name: string }[];
  expiresAt: number;
}

/** The console's other HTTP paths, relative to the server's origin. */
export const MODERATION_HTTP = {
  session: '/moderate/api/session',
  /** `?site=<id>`: the site's whole audit log as JSON lines, newest first (signed-in, same site rules as the namespace). */
  auditExport: '/moderate/api/audit.jsonl',
  /** `?token=…`: a one-time sign-in link; sets the session cookie and redirects to /moderate. */
  signInLink: '/moderate/api/link',
} as const;
