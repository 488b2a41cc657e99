/**
 * The production store: node-redis, one Lua script (or MULTI) per operation, every thread's
 * keys under one hash tag `{site:page}` and a configurable prefix. Acknowledged writes
 * survive a crash only when Redis runs with AOF (appendonly yes); the README says so. The same
 * code runs on one Redis and on a Redis Cluster (redis-connection.ts, decision 0022): every
 * script and MULTI stays within one hash tag, reads across threads are separate commands, and
 * what must see every key (the export's SCAN, the settings check) visits every master.
 *
 * Two steps. A write that changes a comment (its creation, a decision, a report) is one
 * script on the thread's keys: the comment, its revision compare-and-set, the published index,
 * the event log, its version. What the write means for the site (its queue, the day's
 * counters, the audit log, the recent index, all under `{q:<site>}`) and for its author (counts,
 * recent posts, first comment and name, under `{a:<site>:<author>}`) lives in other hash slots,
 * so it follows in a second step of small scripts. Each of those is idempotent and keyed by
 * the comment's version (the site and the author keep the version they last applied and ignore
 * an older one; an audit entry is written once per id and counted in the day's figures with
 * it), so running the second step again from the stored comment gives the same indexes.
 *
 * A crash between the steps leaves the comment (and, for a decision, its audit entry in the
 * thread's `d:<id>` hash) written and the site's and author's indexes behind. Before its first
 * step every such write adds a token to the site's `unsettled` set and removes it once the
 * second step succeeded; a token left behind (older than UNSETTLED_AFTER_MS, so not a write
 * still in flight) is repaired by the next queue, count, audit or figures read of that site,
 * which reruns the second step from the stored comment. A post's own retry (same idempotency
 * key) repairs it too, and a queue read that meets an entry whose comment belongs elsewhere
 * re-places it. Until then a queue count can be off by one and a decision missing from the log.
 *
 * Threads (0021). Besides the published index (by seq: the count, the event log's floor) a
 * thread keeps its listing under its own tag: the listed top-level comments by time and by likes,
 * each root's replies, as sorted sets whose members sort as the order (redis-keys.ts), so a page
 * is a keyset ZRANGE BYLEX from its cursor's member; likes and reply counts as hashes beside the
 * JSON, and each comment's likers as a set. Every thread write script keeps them (THREAD_INDEX in
 * redis-scripts.ts: a top-level comment stays listed while it has published replies), and a page
 * is one read script: the top-level comments, their first replies, the count, the seq and the
 * viewer's likes of one moment. A thread stored before all this is indexed once, in one script,
 * by its first write or read.
 */
import { ErrorReply } from 'redis';
import { createHash, randomUUID } from 'node:crypto';
import type { ThreadEvent } from '../../protocol/events.ts';
import type { AuditEntry } from '../../protocol/moderation.ts';
import { isPublicComment, isThreadEvent } from '../../protocol/guards.ts';
import type { PublicComment } from '../../protocol/comment.ts';
import {
  commentCreatedEvent,
  commentDeletedEvent,
  commentLikedEvent,
  commentUpdatedEvent,
  toPublicComment,
  withCommentDefaults,
  type StoredBefore0021,
} from './public-views.ts';
import { closeWithin, REDIS_CLOSE_MS } from './close-within.ts';
import { decisionAuditEntry } from './decision-audit.ts';
import { StoreInputError, StoreUnavailableError } from './errors.ts';
import { isSessionLive, normalizeModeratorEmail } from './moderator-rules.ts';
import {
  authorKeys as authorKeysOf,
  moderatorKeys,
  parseQueueMember,
  queueKeys,
  queueMember,
  siteDirectoryKeys,
  siteKeys as siteKeysOf,
  threadKeys,
} from './redis-keys.ts';
import { redisDurabilityWarnings, redisVersionProblem } from './redis-durability.ts';
import { createRedisConnection, describeRedisTarget, masterNodes, type RedisConnection, type RedisTarget } from './redis-connection.ts';
import {
  CREATE_COMMENT,
  CREATE_MODERATOR,
  CREATE_SESSION,
  CREATE_SITE,
  INDEX_THREAD,
  MOVE_COMMENT,
  REACT_TO_COMMENT,
  READ_PUBLISHED_EVENT,
  READ_REPLIES,
  READ_THREAD_PAGE,
  RECORD_AUDIT,
  REMOVE_MODERATOR,
  REMOVE_SITE,
  REVOKE_SESSION,
  REVOKE_SESSIONS_OF,
  SETTLE_AUTHOR,
  SETTLE_SITE,
  UPDATE_MODERATOR,
  UPDATE_SITE,
} from './redis-scripts.ts';
import { siteFields, siteFromHash, siteUpdateFields } from './redis-site-fields.ts';
import {
  createdStatusOf,
  creationFigures,
  planDecision,
  planDelete,
  planEdit,
  planReport,
  queuedAt,
  queueOf,
  utcDay,
  type EditEvent,
  type Transition,
} from './moderation-transitions.ts';
import { ID_AT, listingOf, parseRepliesCursor, parseThreadCursor, repliesCursor, threadCursor } from './redis-thread-cursor.ts';
import {
  AUTHOR_RECENT_KEPT,
  type AuthorHistory,
  type CommentEdit,
  type CommentStore,
  type CreateCommentResult,
  type DailyStats,
  type DecideOptions,
  type DecideResult,
  type Decision,
  type DeleteResult,
  type EditResult,
  type ModeratorAccount,
  type ModeratorRole,
  type ModeratorSession,
  type ModeratorUpdate,
  type NewComment,
  type QueueName,
  type QueuePage,
  type QueueQuery,
  type ReactResult,
  type RepliesQuery,
  type ReportResult,
  type SignInLink,
  type SitePolicyRecord,
  type SiteRecord,
  type SiteUpdate,
  type StoredComment,
  type StoredReplies,
  type StoredReport,
  type StoredThreadPage,
  type ThreadEvents,
  type ThreadPageQuery,
} from './types.ts';
import { parseStoredComment } from './stored-json.ts';
import { exportRedisComments } from './redis-export.ts';
import { importIdempotencyKey, type ImportCommentResult } from './comment-transfer-types.ts';

/** Where Redis is (one server's URL, or a cluster's nodes) and how the store uses it. */
export type RedisStoreOptions = RedisTarget & RedisStoreSettings;

export interface RedisStoreSettings {
  /** Every key starts with this, so one Redis can host several installs (and tests). */
  prefix?: string;
  /** How long an idempotency key is remembered (default 7 days). */
  idempotencyTtlSeconds?: number;
  /** Approximate number of events each thread keeps for resync (default 5,000). */
  eventsKept?: number;
  onError?: (err: Error) => void;
  /** Settings that can lose comments, a repaired thread: things an operator should know. */
  onWarning?: (message: string) => void;
  /** The clock a session's TTL, and the age of an unsettled write, are measured by (default Date.now). */
  clock?: () => number;
  /** How many queue entries one filtered page may look at (default 2,000). */
  queueScanLimit?: number;
}

/** How many of an author's comments their index keeps (for the console's author history). */
const AUTHOR_COMMENTS_KEPT = 500;
/** How many of a site's latest comments its recent index keeps (the policy dry run judges at most 1,000). */
const SITE_RECENT_KEPT = 1_000;
/** A write's second step normally follows within milliseconds; a token older than this was left by a crash. */
export const UNSETTLED_AFTER_MS = 30_000;
/** How many tokens one read repairs at most, so a read stays quick after a long outage. */
const REPAIRS_PER_READ = 50;
/** How often a change is worked out again because a report came in between the read and the write. */
const CHANGE_ATTEMPTS = 20;

type MoveReply = [number, (string | number)?, number?, number?, number?];
/** A comment as the read scripts return it (READ_ITEM): id, JSON or null when gone, likes, replyCount, 1 when the viewer likes it. */
type ItemReply = [string, string | null, string, string, number];
/** READ_THREAD_PAGE's answer: {1, count, seq, more, {{member, item, {item…}}…}}. */
type PageReply = [number, number, string, number, [string, ItemReply, ItemReply[]][]];
/** READ_REPLIES's answer: {1, more, {{member, item}…}}. */
type RepliesReply = [number, number, [string, ItemReply][]];

/** MOVE_COMMENT's words for what a change logs in the thread (its ARGV 6). */
type ThreadArg = 'publish' | 'unpublish' | 'update' | 'none';
const THREAD_ARG_OF_EVENT: Record<NonNullable<EditEvent>, ThreadArg> = { created: 'publish', deleted: 'unpublish', updated: 'update' };

/**
 * A comment's JSON as stored: its likes and replyCount live in the thread's counters beside it
 * (threadKeys().likes, replyCounts), so a like or a reply never rewrites it and never makes a
 * moderator's decision, planned over the exact JSON, start again.
 */
function storedJson(comment: StoredComment): string {
  const { likes: _likes, replyCount: _replies, ...rest } = comment;
  return JSON.stringify(rest);
}

/** A stored comment with its counters as the thread holds them now (absent: 0). */
function withCounts(json: string, likes: unknown, replies: unknown): StoredComment {
  return { ...parseStoredComment(json), likes: Number(likes ?? 0) || 0, replyCount: Number(replies ?? 0) || 0 };
}

/** The thread-wide keys every thread write script takes first, in THREAD_INDEX's order (redis-scripts.ts). */
function threadScriptKeys(k: ReturnType<typeof threadKeys>): string[] {
  return [k.seq, k.published, k.events, k.versions, k.indexed, k.byTime, k.byLikes, k.replyCounts, k.likes];
}

/** The keys a comment's place under its root is kept in: its root's replies and its root's own key (a top-level comment's own, unused). */
function rootKeysOf(k: ReturnType<typeof threadKeys>, comment: Pick<StoredComment, 'id' | 'rootId'>): [string, string] {
  const root = comment.rootId ?? comment.id;
  return [k.replies(root), k.comment(root)];
}

export async function createRedisStore(options: RedisStoreOptions): Promise<CommentStore> {
  const prefix = options.prefix ?? 'rembuk';
  const idemTtl = options.idempotencyTtlSeconds ?? 7 * 24 * 3600;
  const eventsKept = options.eventsKept ?? 5_000;
  // Fail fast while disconnected: a post should get UNAVAILABLE now, not hang in a queue.
  const client: RedisConnection = createRedisConnection(options, { disableOfflineQueue: true });
  const where = describeRedisTarget(options);
  client.on('error', (err: Error) => options.onError?.(err));
  try {
    await client.connect();
  } catch (cause) {
    throw new StoreUnavailableError(`Could not connect to ${where}.`, { cause });
  }
  try {
    await checkSettings(client, options.onWarning ?? (() => undefined));
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }

  const clock = options.clock ?? Date.now;
  const queueScanLimit = options.queueScanLimit ?? 2_000;
  const warn = (message: string) => options.onWarning?.(message);
  const mod = moderatorKeys(prefix);
  const siteDir = siteDirectoryKeys(prefix);
  const shas = new Map<string, string>();
  const run = (what: string, script: string, keyList: string[], args: string[]) => {
    let sha = shas.get(script);
    if (sha === undefined) shas.set(script, (sha = sha1(script)));
    return runScript(what, script, sha, keyList, args);
  };

  async function readSite(id: string): Promise<SiteRecord | null> {
    return siteFromHash(await client.hGetAll(siteDir.site(id)));
  }

  async function readAccount(id: string): Promise<ModeratorAccount | null> {
    return accountFromHash(await client.hGetAll(mod.account(id)));
  }

  const keys = (site: string, page: string) => threadKeys(prefix, site, page);
  const authorKeys = (site: string, authorId: string) => authorKeysOf(prefix, site, authorId);
  const queuesOf = (site: string) => queueKeys(prefix, site);
  const siteKeys = (site: string) => siteKeysOf(prefix, site);

  /** A comment with its counters, read together (one MULTI: one slot); its raw JSON for a change planned over it. */
  async function readCommentRaw(site: string, page: string, id: string): Promise<{ comment: StoredComment; raw: string } | null> {
    const k = keys(site, page);
    const [json, likes, replies] = await client.multi().get(k.comment(id)).hGet(k.likes, id).hGet(k.replyCounts, id).execTyped();
    return typeof json === 'string' ? { comment: withCounts(json, likes, replies), raw: json } : null;
  }

  async function readComment(site: string, page: string, id: string): Promise<StoredComment | null> {
    return (await readCommentRaw(site, page, id))?.comment ?? null;
  }

  /** Comments read in one step per call, each with its counters, in the order given; gone ones skipped. */
  async function readComments(site: string, page: string, ids: string[]): Promise<StoredComment[]> {
    if (ids.length === 0) return [];
    const k = keys(site, page);
    const [raw, likes, replies] = await client
      .multi()
      .mGet(ids.map((id) => k.comment(id)))
      .hmGet(k.likes, ids)
      .hmGet(k.replyCounts, ids)
      .execTyped();
    const out: StoredComment[] = [];
    raw.forEach((json, i) => {
      if (typeof json === 'string') out.push(withCounts(json, likes[i], replies[i]));
    });
    return out;
  }

  /**
   * Comments of any threads with their counters. Commands sent together, not one pipeline: each
   * thread's keys sit in their own slot, which on a cluster can be another node's (node-redis
   * still sends a tick's commands to each node in one write).
   */
  async function withStoredCounts(comments: StoredComment[]): Promise<StoredComment[]> {
    if (comments.length === 0) return [];
    const counts = await Promise.all(
      comments.map((c) => {
        const k = keys(c.site, c.page);
        return Promise.all([client.hGet(k.likes, c.id), client.hGet(k.replyCounts, c.id)]);
      }),
    );
    return comments.map((c, i) => {
      const [likes, replies] = counts[i] ?? [];
      return { ...c, likes: Number(likes ?? 0) || 0, replyCount: Number(replies ?? 0) || 0 };
    });
  }

  /**
   * An imported comment from an export written before 0021 has none of its fields: the defaults,
   * and a reply's root and depth from its parent when that was imported before it (an export is
   * oldest first), so a conversation deeper than one reply keeps its root.
   */
  async function withImportDefaults(given: StoredComment): Promise<StoredComment> {
    const comment = withCommentDefaults(given);
    if (given.rootId !== undefined || comment.parentId === null) return comment;
    const parent = await readComment(comment.site, comment.page, comment.parentId);
    return parent ? { ...comment, rootId: parent.rootId ?? parent.id, depth: parent.depth + 1 } : comment;
  }

  /** Builds the listing indexes of a thread stored before them (INDEX_THREAD), then the caller reads again. */
  async function indexThread(site: string, page: string): Promise<void> {
    const k = keys(site, page);
    await run('the thread index build', INDEX_THREAD, threadScriptKeys(k), [k.base]);
  }

  // ---- The second step (see the file's comment) ----

  /** The site's side: queue, creation figures, recent index. */
  async function settleSite(comment: StoredComment, version: number): Promise<void> {
    const q = queuesOf(comment.site);
    const s = siteKeys(comment.site);
    const figures = creationFigures(comment);
    await run(
      'the queue write',
      SETTLE_SITE,
      [q.pending, q.reported, q.rejected, q.approved, s.placed, s.recent, s.day(figures.day)],
      [
        queueMember(comment.page, comment.id),
        String(version),
        queueOf(comment) ?? '',
        // A comment in no queue has no place in one; the script reads the score only with a queue.
        String(queuedAt(comment) ?? comment.createdAt),
        String(comment.createdAt),
        String(SITE_RECENT_KEPT),
        figures.counter,
        ...figures.rules,
      ],
    );
  }

  /** An audit entry in the site's log, once; a decision's also in its day's figures. */
  async function recordAudit(entry: AuditEntry, counter: 'approvedByModerator' | 'rejectedByModerator' | ''): Promise<void> {
    const s = siteKeys(entry.site);
    await run(
      'the audit write',
      RECORD_AUDIT,
      [s.auditEntries, s.auditLog, s.day(utcDay(entry.at))],
      [entry.id, String(entry.at), JSON.stringify(entry), counter],
    );
  }

  const decisionCounter = (entry: AuditEntry) => (entry.action === 'approve' ? 'approvedByModerator' : 'rejectedByModerator');

  /** The author's side; true when this call recorded the comment for the first time. */
  async function settleAuthor(comment: StoredComment, version: number): Promise<boolean> {
    const k = authorKeys(comment.site, comment.authorId);
    const recorded = await run(
      'the author-history write',
      SETTLE_AUTHOR,
      [k.counts, k.recent, k.recorded, k.counted, k.comments],
      [
        comment.id,
        String(version),
        comment.status,
        // The id finds the post again when the comment is edited or deleted; readers never see it.
        JSON.stringify({ text: comment.text, at: comment.createdAt, page: comment.page, id: comment.id }),
        String(AUTHOR_RECENT_KEPT),
        String(comment.createdAt),
        comment.authorName,
        createdStatusOf(comment),
        queueMember(comment.page, comment.id),
        String(AUTHOR_COMMENTS_KEPT),
        comment.page,
      ],
    );
    return recorded === 1;
  }

  /** The whole second step for a comment at a version; the three parts touch different slots, so they go at once. */
  async function settleAt(comment: StoredComment, version: number, audits: readonly AuditEntry[]): Promise<boolean> {
    const [, , first] = await Promise.all([
      settleSite(comment, version),
      Promise.all(audits.map((entry) => recordAudit(entry, decisionCounter(entry)))),
      settleAuthor(comment, version),
    ]);
    return first;
  }

  /** The second step rerun from what the thread holds: the comment, its version and its decisions' audit entries. */
  async function settleFromStore(site: string, page: string, id: string): Promise<{ comment: StoredComment; first: boolean } | null> {
    const k = keys(site, page);
    const [json, version, audits] = await client.multi().get(k.comment(id)).hGet(k.versions, id).hVals(k.decisions(id)).execTyped();
    if (typeof json !== 'string') return null;
    const comment = parseStoredComment(json);
    const entries = (audits ?? []).map((entry) => JSON.parse(entry) as AuditEntry);
    return { comment, first: await settleAt(comment, Number(version ?? 0), entries) };
  }

  /** Says a write's second step may not run; the token is removed once it has. */
  async function markUnsettled(site: string, page: string, id: string): Promise<string> {
    const token = JSON.stringify([clock(), page, id, randomUUID()]);
    await client.sAdd(siteKeys(site).unsettled, token);
    return token;
  }

  async function markSettled(site: string, token: string): Promise<void> {
    // A token left behind only costs a repeat of an idempotent step later.
    await client.sRem(siteKeys(site).unsettled, token).catch(() => undefined);
  }

  /** Reruns the second step of the site's writes that a crash (or a failure) left unsettled. */
  async function repairUnsettled(site: string): Promise<void> {
    const key = siteKeys(site).unsettled;
    const tokens = await client.sRandMemberCount(key, REPAIRS_PER_READ);
    for (const token of tokens) {
      const parsed = parseUnsettledToken(token);
      if (parsed && clock() - parsed.at < UNSETTLED_AFTER_MS) continue;
      try {
        if (parsed) await settleFromStore(site, parsed.page, parsed.id);
        await client.sRem(key, token);
      } catch (err) {
        warn(
          `Redis: could not complete an earlier write on site ${site} (${err instanceof Error ? err.message : String(err)}); the next read tries again.`,
        );
      }
    }
  }

  /** The second step after the first is durable: a failure leaves the token for the repair, and is only told. */
  async function settleQuietly(comment: StoredComment, version: number, audits: readonly AuditEntry[], token: string): Promise<void> {
    try {
      await settleAt(comment, version, audits);
      await markSettled(comment.site, token);
    } catch (err) {
      warn(
        `Redis: comment ${comment.site}:${comment.page}:${comment.id} is stored but its queue, audit entry or author counts were not updated (${err instanceof Error ? err.message : String(err)}); a later read of the site's queues repairs it.`,
      );
    }
  }

  // ---- Reading back ----

  /**
   * The event a published comment got when it was created: read back from the event log, or
   * rebuilt with the thread's current count when the log has been trimmed past it.
   */
  async function publishedEventOf(comment: StoredComment): Promise<ThreadEvent | null> {
    const k = keys(comment.site, comment.page);
    const reply = (await run('the event read', READ_PUBLISHED_EVENT, [k.published, k.events], [comment.id])) as [number, (number | null)?, number?];
    const seq = Number(reply[0]);
    if (seq === 0) return null;
    // The count logged with the event, or (trimmed from the log) the thread's count now.
    return commentCreatedEvent(comment, seq, Number(reply[1] ?? reply[2] ?? 0));
  }

  async function settle(comment: StoredComment): Promise<ThreadEvent | null> {
    const settled = await settleFromStore(comment.site, comment.page, comment.id);
    if (!settled?.first) return null;
    // A comment published by a moderator's decision had its event handed out by decideComment.
    const stored = settled.comment;
    return stored.status === 'published' && !stored.decision ? publishedEventOf(stored) : null;
  }

  // ---- Changes to a comment ----

  function warnRepairedSeq(site: string, page: string, seq: number): void {
    warn(`Redis: the seq key of thread ${site}:${page} was missing, corrupt or behind; rebuilt from its comments and events (now ${seq}).`);
  }

  /** The thread event a written change logged (seq 0: none), as `thread` said to log it. */
  function eventOf(comment: StoredComment, thread: ThreadArg, reply: MoveReply): ThreadEvent | null {
    const seq = Number(reply[1] ?? 0);
    if (seq === 0) return null;
    if (reply[3] === 1) warnRepairedSeq(comment.site, comment.page, seq);
    const count = Number(reply[2]);
    if (thread === 'publish') return commentCreatedEvent(comment, seq, count);
    if (thread === 'update') return commentUpdatedEvent(comment, seq, count);
    return commentDeletedEvent(comment, seq, count);
  }

  /** What a decision's or a report's plan logs in the thread. */
  const threadArgOf = (plan: Transition): ThreadArg =>
    plan.change.thread === 'in' ? 'publish' : plan.change.thread === 'out' ? 'unpublish' : 'none';

  /** Runs MOVE_COMMENT for a change worked out from `raw` (the stored JSON, `stored` the comment it holds). */
  async function move(
    stored: StoredComment,
    raw: string,
    plan: Transition,
    thread: ThreadArg,
    extra: { revision?: number; audit?: AuditEntry; dropLikes?: boolean },
  ): Promise<MoveReply> {
    const k = keys(stored.site, stored.page);
    const { comment, change } = plan;
    return (await run(
      'the comment change',
      MOVE_COMMENT,
      [
        ...threadScriptKeys(k),
        k.comment(comment.id),
        k.pendingOf(comment.authorId),
        k.decisions(comment.id),
        ...rootKeysOf(k, comment),
        k.likers(comment.id),
      ],
      [
        k.base,
        comment.id,
        raw,
        extra.revision === undefined ? '' : String(extra.revision),
        storedJson(comment),
        thread,
        JSON.stringify(toPublicComment(comment)),
        String(eventsKept),
        change.pending ?? 'none',
        String(comment.createdAt),
        extra.audit ? JSON.stringify(extra.audit) : '',
        stored.status,
        comment.status,
        comment.rootId ?? '',
        extra.dropLikes ? '1' : '',
      ],
    )) as MoveReply;
  }

  const stillChanging = (what: string, site: string, page: string, id: string) =>
    new StoreUnavailableError(`Comment ${site}:${page}:${id} kept changing during ${what} (${CHANGE_ATTEMPTS} attempts); try again.`);

  /** An attempt's answer: the change was written (and is to be settled), or nothing was, or the comment changed meanwhile. */
  type Attempt<R> = { answer: R; written?: { comment: StoredComment; version: number; audits: readonly AuditEntry[] } } | 'changed';

  /**
   * One read-plan-write change of a stored comment, with its site marked unsettled meanwhile:
   * `attempt` gets the comment as read and answers; it is run again (up to CHANGE_ATTEMPTS)
   * while the comment changed under it. A written change is settled (which clears the mark);
   * otherwise the mark is cleared here.
   */
  async function changeComment<R>(
    what: string,
    site: string,
    page: string,
    id: string,
    attempt: (stored: StoredComment, raw: string) => Promise<Attempt<R>>,
  ): Promise<R | { ok: false; code: 'NOT_FOUND' }> {
    const token = await markUnsettled(site, page, id);
    let written = false;
    try {
      for (let tries = 0; tries < CHANGE_ATTEMPTS; tries += 1) {
        const read = await readCommentRaw(site, page, id);
        if (read === null) return { ok: false, code: 'NOT_FOUND' };
        const outcome = await attempt(read.comment, read.raw);
        if (outcome === 'changed') continue;
        if (outcome.written) {
          written = true;
          await settleQuietly(outcome.written.comment, outcome.written.version, outcome.written.audits, token);
        }
        return outcome.answer;
      }
      throw stillChanging(what, site, page, id);
    } finally {
      if (!written) await markSettled(site, token);
    }
  }

  function decide(site: string, page: string, id: string, decision: Decision, options: DecideOptions): Promise<DecideResult> {
    return changeComment<DecideResult>('a decision', site, page, id, async (stored, raw) => {
      const plan = planDecision(stored, decision, options.revision);
      if (!plan.ok)
        return { answer: plan.code === 'NOT_FOUND' ? { ok: false, code: 'NOT_FOUND' } : { ok: false, code: 'ALREADY_DECIDED', comment: stored } };
      const { comment } = plan;
      const audit = decisionAuditEntry({ site, page, id }, decision, options, stored, comment);
      // The revision compare-and-set happens again in the script, on the thread's keys.
      const thread = threadArgOf(plan);
      const reply = await move(stored, raw, plan, thread, { revision: options.revision, audit });
      if (reply[0] === 0) return { answer: { ok: false, code: 'NOT_FOUND' } };
      if (reply[0] === 2) {
        const now = (await readComment(site, page, id)) ?? parseStoredComment(String(reply[1]));
        return { answer: { ok: false, code: 'ALREADY_DECIDED', comment: now } };
      }
      if (reply[0] === 3) return 'changed';
      return {
        answer: { ok: true, comment, event: eventOf(comment, thread, reply), from: plan.from, audit },
        written: { comment, version: Number(reply[4]), audits: [audit] },
      };
    });
  }

  function report(site: string, page: string, id: string, entry: StoredReport, hideAt: number): Promise<ReportResult> {
    return changeComment<ReportResult>('a report', site, page, id, async (stored, raw) => {
      const plan = planReport(stored, entry, hideAt);
      if (!plan.ok) return { answer: plan };
      if (!plan.first) return { answer: { ok: true, first: false, comment: stored, event: null, hidden: false } };
      const thread = threadArgOf(plan);
      const reply = await move(stored, raw, plan, thread, {});
      if (reply[0] === 0) return { answer: { ok: false, code: 'NOT_FOUND' } };
      if (reply[0] !== 1) return 'changed';
      const { comment } = plan;
      return {
        answer: { ok: true, first: true, comment, event: eventOf(comment, thread, reply), hidden: plan.hidden },
        written: { comment, version: Number(reply[4]), audits: [] },
      };
    });
  }

  function edit(site: string, page: string, id: string, change: CommentEdit): Promise<EditResult> {
    return changeComment<EditResult>('an edit', site, page, id, async (stored, raw) => {
      const plan = planEdit(stored, change);
      if (!plan.ok) return { answer: { ok: false, code: plan.code } };
      const thread = plan.event === null ? 'none' : THREAD_ARG_OF_EVENT[plan.event];
      // The revision compare-and-set happens again in the script: a decision in between is never overwritten.
      const reply = await move(stored, raw, plan, thread, { revision: change.revision });
      if (reply[0] === 0) return { answer: { ok: false, code: 'NOT_FOUND' } };
      if (reply[0] === 2) return { answer: { ok: false, code: 'CONFLICT' } };
      if (reply[0] === 3) return 'changed';
      const { comment } = plan;
      return { answer: { ok: true, comment, event: eventOf(comment, thread, reply) }, written: { comment, version: Number(reply[4]), audits: [] } };
    });
  }

  function remove(site: string, page: string, id: string, authorId: string): Promise<DeleteResult> {
    return changeComment<DeleteResult>('a deletion', site, page, id, async (stored, raw) => {
      const plan = planDelete(stored, authorId);
      if (!plan.ok) return { answer: { ok: false, code: plan.code } };
      if (plan.repeated) return { answer: { ok: true, comment: stored, event: null } };
      const thread = plan.event === null ? 'none' : THREAD_ARG_OF_EVENT[plan.event];
      const reply = await move(stored, raw, plan, thread, { dropLikes: true });
      if (reply[0] === 0) return { answer: { ok: false, code: 'NOT_FOUND' } };
      if (reply[0] !== 1) return 'changed';
      const { comment } = plan;
      return { answer: { ok: true, comment, event: eventOf(comment, thread, reply) }, written: { comment, version: Number(reply[4]), audits: [] } };
    });
  }

  /**
   * A like or its taking back: one script on the thread's keys (REACT_TO_COMMENT), which checks
   * the comment is published. Nothing of the site's or the author's changes, so no second step.
   */
  async function react(site: string, page: string, id: string, authorId: string, like: boolean): Promise<ReactResult> {
    const stored = await readComment(site, page, id);
    if (stored === null || stored.status !== 'published') return { ok: false, code: 'NOT_FOUND' };
    const k = keys(site, page);
    const reply = (await run(
      'the like',
      REACT_TO_COMMENT,
      [...threadScriptKeys(k), k.likers(id)],
      [k.base, id, authorId, like ? '1' : '0', String(stored.createdAt), stored.rootId ?? '', String(eventsKept)],
    )) as [number, number?, number?, number?];
    if (reply[0] === 0) return { ok: false, code: 'NOT_FOUND' };
    const likes = Number(reply[1]);
    const seq = Number(reply[2]);
    if (reply[3] === 1) warnRepairedSeq(site, page, seq);
    return { ok: true, likes, liked: like, event: seq === 0 ? null : commentLikedEvent({ id, page }, seq, likes) };
  }

  // ---- Reading threads: one read script over the listing indexes ----

  /** A comment as a read script returns it (READ_ITEM): null when its key is gone; its id noted in `liked` when the viewer likes it. */
  function itemOf(item: ItemReply, liked: string[]): StoredComment | null {
    const [id, json, likes, replies, likedByViewer] = item;
    if (typeof json !== 'string') return null;
    if (Number(likedByViewer) === 1) liked.push(id);
    return withCounts(json, likes, replies);
  }

  /** Runs a read script, building the thread's indexes first when it says they were never built. */
  async function readIndexed<R extends unknown[]>(site: string, page: string, read: () => Promise<unknown>): Promise<R> {
    let reply = (await read()) as R;
    if (Number(reply[0]) === 0) {
      await indexThread(site, page);
      reply = (await read()) as R;
    }
    return reply;
  }

  async function threadPage(site: string, page: string, query: ThreadPageQuery): Promise<StoredThreadPage> {
    const after = parseThreadCursor(query.cursor, query.sort);
    const { index, reverse } = listingOf(query.sort);
    const k = keys(site, page);
    const start = after === null ? (reverse ? '+' : '-') : `(${after}`;
    const reply = await readIndexed<PageReply>(site, page, () =>
      run(
        'the thread read',
        READ_THREAD_PAGE,
        [k[index], k.published, k.seq, k.indexed, k.versions, k.likes, k.replyCounts],
        [k.base, reverse ? 'rev' : 'fwd', start, String(query.limit), String(query.repliesPerRoot), query.viewerId ?? '', String(ID_AT[query.sort])],
      ),
    );
    const [, count, seq, more, tops] = reply;
    const liked: string[] = [];
    const comments: StoredComment[] = [];
    const replies: StoredComment[] = [];
    for (const [, top, under] of tops) {
      const comment = itemOf(top, liked);
      if (comment) comments.push(comment);
      for (const item of under) {
        const reply = itemOf(item, liked);
        if (reply) replies.push(reply);
      }
    }
    const last = tops.at(-1)?.[0];
    const nextCursor = Number(more) === 1 && last !== undefined ? threadCursor(query.sort, last) : null;
    return { comments, replies, nextCursor, count: Number(count), seq: Number(seq), liked };
  }

  async function listReplies(site: string, page: string, rootId: string, query: RepliesQuery): Promise<StoredReplies> {
    const after = parseRepliesCursor(query.cursor, rootId);
    const k = keys(site, page);
    const reply = await readIndexed<RepliesReply>(site, page, () =>
      run(
        'the replies read',
        READ_REPLIES,
        [k.replies(rootId), k.indexed, k.published, k.versions, k.likes, k.replyCounts],
        [k.base, after === null ? '-' : `(${after}`, String(after === null ? Math.max(0, query.skip) : 0), String(query.limit), query.viewerId ?? ''],
      ),
    );
    const [, more, items] = reply;
    const liked: string[] = [];
    const replies: StoredComment[] = [];
    for (const [, item] of items) {
      const comment = itemOf(item, liked);
      if (comment) replies.push(comment);
    }
    const last = items.at(-1)?.[0];
    return { replies, nextCursor: Number(more) === 1 && last !== undefined ? repliesCursor(rootId, last) : null, liked };
  }

  // ---- Queues and the audit log: keyset pages over sorted sets ----

  /**
   * The entries of a sorted set after a cursor (score and member), in order, fetched in
   * batches. The cursor's score is included and its ties filtered here: Redis orders equal
   * scores by member.
   */
  async function* entriesAfter(key: string, newest: boolean, after: Cursor | null, batch: number) {
    const start = after ? String(after.score) : newest ? '+inf' : '-inf';
    const stop = newest ? '-inf' : '+inf';
    for (let offset = 0; ;) {
      const entries = await client.zRangeWithScores(key, start, stop, { BY: 'SCORE', REV: newest, LIMIT: { offset, count: batch } });
      offset += entries.length;
      for (const e of entries) {
        if (after && e.score === after.score) {
          const order = Buffer.compare(Buffer.from(e.value), Buffer.from(after.member));
          if (newest ? order >= 0 : order <= 0) continue;
        }
        yield e;
      }
      if (entries.length < batch) return;
    }
  }

  /**
   * A page of a queue. Filters other than the page need the comment, so a filtered page walks
   * the site's queue in batches and drops what does not match; it looks at `queueScanLimit`
   * entries at most and then answers with what it found and a cursor at the last entry it
   * looked at (a page can then be short, even empty, with more to come).
   */
  async function listQueue(site: string, queue: QueueName, query: QueueQuery): Promise<QueuePage> {
    await repairUnsettled(site);
    const key = queuesOf(site)[queue];
    const want = query.limit + 1;
    const batch = Math.max(want, 64);
    const search = query.search?.toLowerCase();
    const matches = (c: StoredComment) =>
      (query.rule === undefined || c.moderation.reasons.some((r) => r.rule === query.rule)) &&
      (query.authorId === undefined || c.authorId === query.authorId) &&
      (search === undefined || [c.authorName, c.authorId, c.text].some((field) => field.toLowerCase().includes(search)));
    const found: { comment: StoredComment; score: number; member: string }[] = [];
    const misplaced: { member: string; ref: { page: string; id: string } | null; exists: boolean }[] = [];
    let scanned = 0;
    let lastScanned: Cursor | null = null;
    let pending: { score: number; value: string; ref: { page: string; id: string } | null }[] = [];
    const flush = async () => {
      const comments = await Promise.all(pending.map((e) => (e.ref ? readComment(site, e.ref.page, e.ref.id) : Promise.resolve(null))));
      pending.forEach((e, i) => {
        const comment = comments[i] ?? null;
        // The stored state is the truth: an entry a late second step left behind is skipped and repaired.
        if (comment && queueOf(comment) === queue) {
          if (matches(comment)) found.push({ comment, score: e.score, member: e.value });
        } else misplaced.push({ member: e.value, ref: e.ref, exists: comment !== null });
      });
      pending = [];
    };
    for await (const e of entriesAfter(key, query.order === 'newest', parseCursor(query.cursor), batch)) {
      scanned += 1;
      lastScanned = { score: e.score, member: e.value };
      const ref = parseQueueMember(e.value);
      if (query.page === undefined || ref?.page === query.page) pending.push({ ...e, ref });
      if (pending.length >= batch) await flush();
      if (found.length >= want || scanned >= queueScanLimit) break;
    }
    await flush();
    // Repaired after reading, so the offsets above stayed valid; a failure is retried at the next read.
    for (const { member, ref, exists } of misplaced) {
      if (ref && exists) await settleFromStore(site, ref.page, ref.id).catch(() => undefined);
      else await client.zRem(key, member).catch(() => undefined);
    }
    const shown = found.slice(0, query.limit);
    const last = shown.at(-1);
    if (found.length > query.limit && last) return { items: shown.map((f) => f.comment), nextCursor: cursorOf(last.score, last.member) };
    const stop: Cursor | null = scanned >= queueScanLimit ? lastScanned : null;
    return { items: shown.map((f) => f.comment), nextCursor: stop ? cursorOf(stop.score, stop.member) : null };
  }

  async function listAudit(site: string, query: { cursor: string | null; limit: number }) {
    await repairUnsettled(site);
    const s = siteKeys(site);
    const ids: Cursor[] = [];
    for await (const e of entriesAfter(s.auditLog, true, parseCursor(query.cursor), query.limit + 1)) {
      ids.push({ score: e.score, member: e.value });
      if (ids.length > query.limit) break;
    }
    const shown = ids.slice(0, query.limit);
    const raw =
      shown.length === 0
        ? []
        : await client.hmGet(
            s.auditEntries,
            shown.map((e) => e.member),
          );
    const entries = raw.filter((json): json is string => typeof json === 'string').map((json) => JSON.parse(json) as AuditEntry);
    const last = shown.at(-1);
    return { entries, nextCursor: ids.length > query.limit && last ? cursorOf(last.score, last.member) : null };
  }

  async function dailyStats(site: string, days: readonly string[]): Promise<DailyStats[]> {
    await repairUnsettled(site);
    const s = siteKeys(site);
    const all = await Promise.all(days.map((day) => client.hGetAll(s.day(day))));
    return days.map((day, i) => {
      const fields = all[i] ?? {};
      const rules: Record<string, number> = {};
      for (const [field, value] of Object.entries(fields)) if (field.startsWith('rule:')) rules[field.slice(5)] = Number(value);
      const n = (field: string) => Number(fields[field] ?? 0);
      return {
        day,
        published: n('published'),
        held: n('held'),
        rejected: n('rejected'),
        approvedByModerator: n('approvedByModerator'),
        rejectedByModerator: n('rejectedByModerator'),
        rules,
      };
    });
  }

  /** The comments an index names (`<page>\n<id>` members), in its order; gone ones skipped. */
  async function commentsOf(site: string, members: string[]): Promise<StoredComment[]> {
    const found = await Promise.all(
      members.map((member) => {
        const ref = parseQueueMember(member);
        return ref ? readComment(site, ref.page, ref.id) : Promise.resolve(null);
      }),
    );
    return found.filter((c) => c !== null);
  }

  async function runScript(what: string, script: string, sha: string, keyList: string[], args: string[]): Promise<unknown> {
    try {
      try {
        return await client.evalSha(sha, { keys: keyList, arguments: args });
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('NOSCRIPT')) {
          return await client.eval(script, { keys: keyList, arguments: args });
        }
        throw err;
      }
    } catch (err) {
      // A refusal from Redis (OOM, WRONGTYPE, a script's own check) says what to fix: keep it
      // in the message the operator reads in the log.
      if (err instanceof ErrorReply) throw new StoreUnavailableError(`Redis refused ${what}: ${err.message}`, { cause: err });
      throw err;
    }
  }

  /**
   * CREATE_COMMENT for a comment as given (a new one, or an import whose likes come with it; its
   * replyCount is its replies', counted as they are written).
   */
  async function writeComment(what: string, comment: StoredComment, idemKey: string) {
    const k = keys(comment.site, comment.page);
    return (await run(
      what,
      CREATE_COMMENT,
      [...threadScriptKeys(k), k.idem(comment.authorId, idemKey), k.comment(comment.id), k.pendingOf(comment.authorId), ...rootKeysOf(k, comment)],
      [
        k.base,
        storedJson(comment),
        comment.status,
        comment.id,
        String(comment.createdAt),
        String(idemTtl),
        String(eventsKept),
        JSON.stringify(toPublicComment(comment)),
        comment.rootId ?? '',
        String(Number.isFinite(comment.likes) ? Math.max(0, Math.trunc(comment.likes)) : 0),
      ],
    )) as [number, string | number, number?, number?];
  }

  return guard({
    kind: 'redis',

    async createComment(input: NewComment, key: string): Promise<CreateCommentResult> {
      const token = await markUnsettled(input.site, input.page, input.id);
      const reply = await writeComment('the comment write', input, key).catch(async (err: unknown) => {
        // Refused whole: nothing to settle.
        await markSettled(input.site, token);
        throw err;
      });
      if (reply[0] === 0) {
        await markSettled(input.site, token);
        const existingId = String(reply[1]);
        const earlier = await readComment(input.site, input.page, existingId);
        if (earlier === null) throw new StoreUnavailableError(`Comment ${existingId} is indexed but missing.`);
        // The first attempt may have stopped after the thread write: finish it, and whichever
        // call finishes it hands out the event.
        return { comment: earlier, event: await settle(earlier), duplicate: true };
      }
      const seq = Number(reply[1]);
      if (reply[3] === 1) {
        warn(
          `Redis: the seq key of thread ${input.site}:${input.page} was missing, corrupt or behind; rebuilt from its comments and events (now ${seq}). Is Redis evicting keys (maxmemory-policy)?`,
        );
      }
      const comment: StoredComment = structuredClone(input);
      // The comment is stored; if this step fails the author is told UNAVAILABLE, and their
      // retry (same idempotency key) settles it: queue and history once, event once.
      const recorded = await settleAt(comment, 1, []).catch((cause: unknown) => {
        throw new StoreUnavailableError(
          `Comment ${comment.id} is stored but its moderation queue or its author's history was not updated; a retry with the same key completes it.`,
          { cause },
        );
      });
      await markSettled(input.site, token);
      const event: ThreadEvent | null = recorded && input.status === 'published' ? commentCreatedEvent(input, seq, Number(reply[2])) : null;
      return { comment, event, duplicate: false };
    },

    getThreadPage: (site: string, page: string, query: ThreadPageQuery) => threadPage(site, page, query),

    listReplies: (site: string, page: string, rootId: string, query: RepliesQuery) => listReplies(site, page, rootId, query),

    reactToComment: (site: string, page: string, id: string, authorId: string, like: boolean) => react(site, page, id, authorId, like),

    editComment: (site: string, page: string, id: string, change: CommentEdit) => edit(site, page, id, change),

    // `at` is not kept: a tombstone says nothing of when its words went.
    deleteComment: (site: string, page: string, id: string, authorId: string) => remove(site, page, id, authorId),

    async countThreads(site: string, pages: readonly string[]): Promise<Record<string, number>> {
      // Commands sent together, not a MULTI: each thread's keys sit in their own cluster slot (on a
      // cluster, perhaps another node), and counts read a moment apart are as good as any for a badge.
      const replies = await Promise.all(pages.map((page) => client.zCard(keys(site, page).published)));
      const counts: Record<string, number> = {};
      pages.forEach((page, i) => {
        counts[page] = Number(replies[i] ?? 0);
      });
      return counts;
    },

    async listPendingByAuthor(site: string, page: string, authorId: string): Promise<StoredComment[]> {
      const ids = await client.zRange(keys(site, page).pendingOf(authorId), 0, -1, { REV: true });
      const found = await readComments(site, page, ids);
      return found.filter((c) => c.status === 'pending');
    },

    async readEvents(site: string, page: string, afterSeq: number, limit: number): Promise<ThreadEvents> {
      const k = keys(site, page);
      const [entries, seqRaw] = await client.multi().xRange(k.events, `(${afterSeq}-0`, '+', { COUNT: limit }).get(k.seq).execTyped();
      const seq = Number(seqRaw ?? 0);
      // node-redis types a MULTI's XRANGE reply as nullable; no entries is no events.
      const events = (entries ?? []).map((entry) => eventFromLog(entry, page));
      const first = events[0];
      // Trimmed: the oldest event kept is later than the one the reader needs next.
      const complete = afterSeq >= seq || (first !== undefined && first.seq === afterSeq + 1);
      return { events: complete ? events : [], seq, complete };
    },

    async findByIdempotencyKey(site: string, page: string, authorId: string, key: string): Promise<StoredComment | null> {
      const id = await client.get(keys(site, page).idem(authorId, key));
      return id === null ? null : readComment(site, page, id);
    },

    getComment: (site: string, page: string, id: string) => readComment(site, page, id),

    exportComments: (site: string) =>
      exportRedisComments(
        client,
        () => masterNodes(client),
        prefix,
        site,
        (c) => keys(c.site, c.page).comment(c.id),
        withStoredCounts,
      ),

    /**
     * The create's two steps with the comment as it was: CREATE_COMMENT writes the JSON whatever
     * its status (a published one takes the next seq and logs its event, a pending one joins its
     * author's pending index), and the second step places it from that JSON (queue, figures,
     * author counts), as a repair would. Its id already in the thread: written before, nothing done.
     */
    async importComment(given: StoredComment): Promise<ImportCommentResult> {
      const k = keys(given.site, given.page);
      if ((await client.exists(k.comment(given.id))) === 1) return 'exists';
      const comment = await withImportDefaults(given);
      const token = await markUnsettled(comment.site, comment.page, comment.id);
      const reply = await writeComment('the comment import', comment, importIdempotencyKey(comment.id)).catch(async (err: unknown) => {
        await markSettled(comment.site, token);
        throw err;
      });
      if (reply[0] === 0) {
        await markSettled(comment.site, token);
        return 'exists';
      }
      // A failure here leaves the token: the next queue read of the site completes it.
      await settleAt(structuredClone(comment), 1, []);
      await markSettled(comment.site, token);
      return 'imported';
    },

    async getAuthorHistory(site: string, authorId: string): Promise<AuthorHistory> {
      const k = authorKeys(site, authorId);
      // Two commands sent together (node-redis pipelines a tick's commands); a MULTI would be four.
      const [counts, recent] = await Promise.all([client.hGetAll(k.counts), client.lRange(k.recent, 0, -1)]);
      return {
        approvedCount: Number(counts['approved'] ?? 0),
        rejectedCount: Number(counts['rejected'] ?? 0),
        recentPosts: recent.map((json) => {
          const { text, at, page } = JSON.parse(json) as AuthorHistory['recentPosts'][number];
          return { text, at, page };
        }),
        bannedUntil: counts['bannedUntil'] ? Number(counts['bannedUntil']) : null,
        trusted: counts['trusted'] === '1',
        firstSeen: counts['firstSeen'] ? Number(counts['firstSeen']) : null,
        name: counts['name'] ?? null,
      };
    },

    async setAuthorBan(site: string, authorId: string, until: number | null): Promise<void> {
      const k = authorKeys(site, authorId);
      if (until === null) await client.hDel(k.counts, 'bannedUntil');
      else await client.hSet(k.counts, 'bannedUntil', String(until));
    },

    async setAuthorTrusted(site: string, authorId: string, trusted: boolean): Promise<void> {
      const k = authorKeys(site, authorId);
      if (trusted) await client.hSet(k.counts, 'trusted', '1');
      else await client.hDel(k.counts, 'trusted');
    },

    async listAuthorComments(site: string, authorId: string, limit: number): Promise<StoredComment[]> {
      if (limit <= 0) return [];
      return commentsOf(site, await client.zRange(authorKeys(site, authorId).comments, 0, limit - 1, { REV: true }));
    },

    async listRecentComments(site: string, limit: number): Promise<StoredComment[]> {
      if (limit <= 0) return [];
      const members = await client.zRange(siteKeys(site).recent, 0, -1, { REV: true });
      const out: StoredComment[] = [];
      // Read in pages until `limit` are found: deleted comments are left out.
      for (let at = 0; at < members.length && out.length < limit; at += limit) {
        const comments = await commentsOf(site, members.slice(at, at + limit));
        out.push(...comments.filter((c) => c.status !== 'deleted'));
      }
      return out.slice(0, limit);
    },

    reportComment: (site: string, page: string, id: string, entry: StoredReport, hideAt: number) => report(site, page, id, entry, hideAt),

    appendAudit: (entry: AuditEntry) => recordAudit(entry, ''),

    listAudit: (site: string, query: { cursor: string | null; limit: number }) => listAudit(site, query),

    getDailyStats: (site: string, days: readonly string[]) => dailyStats(site, days),

    async getSitePolicy(site: string): Promise<SitePolicyRecord | null> {
      const json = await client.get(siteKeys(site).policy);
      return json === null ? null : (JSON.parse(json) as SitePolicyRecord);
    },

    async setSitePolicy(site: string, record: SitePolicyRecord): Promise<void> {
      await client.set(siteKeys(site).policy, JSON.stringify(record));
    },

    settleComment: (comment: StoredComment) => settle(comment),

    listQueue: (site: string, queue: QueueName, query: QueueQuery) => listQueue(site, queue, query),

    async queueCounts(site: string): Promise<Record<QueueName, number>> {
      await repairUnsettled(site);
      const q = queuesOf(site);
      // One MULTI: the four sizes describe the same moment.
      const [pending, reported, rejected, approved] = await client
        .multi()
        .zCard(q.pending)
        .zCard(q.reported)
        .zCard(q.rejected)
        .zCard(q.approved)
        .execTyped();
      return { pending: Number(pending), reported: Number(reported), rejected: Number(rejected), approved: Number(approved) };
    },

    decideComment: (site: string, page: string, id: string, decision: Decision, options: DecideOptions) => decide(site, page, id, decision, options),

    async createModerator(account: ModeratorAccount): Promise<boolean> {
      const email = normalizeModeratorEmail(account.email);
      const fields = accountFields({ ...account, email });
      const created = await run(
        'the moderator create',
        CREATE_MODERATOR,
        [mod.account(account.id), mod.byEmail, mod.ids],
        [account.id, email, ...fields],
      );
      return created === 1;
    },

    getModerator: (id: string) => readAccount(id),

    async findModeratorByEmail(email: string): Promise<ModeratorAccount | null> {
      const id = await client.hGet(mod.byEmail, normalizeModeratorEmail(email));
      return id === null ? null : readAccount(id);
    },

    async listModerators(): Promise<ModeratorAccount[]> {
      const ids = await client.sMembers(mod.ids);
      const accounts = await Promise.all(ids.map(readAccount));
      return accounts.filter((a) => a !== null).sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
    },

    async updateModerator(id: string, update: ModeratorUpdate): Promise<boolean> {
      const updated = await run('the moderator update', UPDATE_MODERATOR, [mod.account(id)], updateFields(update));
      return updated === 1;
    },

    async removeModerator(id: string): Promise<boolean> {
      const removed = await run(
        'the moderator removal',
        REMOVE_MODERATOR,
        [mod.account(id), mod.byEmail, mod.ids, mod.sessionsOf(id)],
        [id, mod.sessionPrefix],
      );
      return removed === 1;
    },

    async createSession(session: ModeratorSession): Promise<void> {
      const ttl = Math.ceil(session.expiresAt - clock());
      // Already expired: there is nothing to keep, and PX must be positive.
      if (ttl <= 0) return;
      await run(
        'the session create',
        CREATE_SESSION,
        [mod.session(session.id), mod.sessionsOf(session.moderatorId)],
        [session.id, session.moderatorId, String(session.createdAt), String(session.expiresAt), String(ttl), mod.sessionPrefix],
      );
    },

    async getSession(id: string, now: number): Promise<ModeratorSession | null> {
      const raw = await client.hGetAll(mod.session(id));
      const moderatorId = raw['moderatorId'];
      if (moderatorId === undefined) return null;
      const session: ModeratorSession = {
        id,
        moderatorId,
        createdAt: Number(raw['createdAt']),
        expiresAt: Number(raw['expiresAt']),
      };
      const changedAt = await client.hGet(mod.account(moderatorId), 'passwordChangedAt');
      if (changedAt !== null && isSessionLive(session, Number(changedAt), now)) return session;
      // Dead (its account removed, its password changed, expired at `now`): deleted lazily.
      run('the session revoke', REVOKE_SESSION, [mod.session(id)], [id, mod.sessionsOfPrefix]).catch(() => undefined);
      return null;
    },

    async revokeSession(id: string): Promise<void> {
      await run('the session revoke', REVOKE_SESSION, [mod.session(id)], [id, mod.sessionsOfPrefix]);
    },

    async revokeSessionsOf(moderatorId: string): Promise<number> {
      return Number(await run('the sessions revoke', REVOKE_SESSIONS_OF, [mod.sessionsOf(moderatorId)], [mod.sessionPrefix]));
    },

    async createSignInLink(link: SignInLink): Promise<void> {
      const ttl = Math.ceil(link.expiresAt - clock());
      // Already expired: there is nothing to keep, and PX must be positive.
      if (ttl <= 0) return;
      await client.set(mod.signInLink(link.id), JSON.stringify({ moderatorId: link.moderatorId, expiresAt: link.expiresAt }), {
        expiration: { type: 'PX', value: ttl },
      });
    },

    async consumeSignInLink(id: string, now: number): Promise<string | null> {
      // GETDEL: of two uses at once, one reads the link and the other finds nothing.
      const json = await client.getDel(mod.signInLink(id));
      if (json === null) return null;
      const link = JSON.parse(json) as Pick<SignInLink, 'moderatorId' | 'expiresAt'>;
      return now < link.expiresAt ? link.moderatorId : null;
    },

    async createSite(site: SiteRecord): Promise<boolean> {
      return (await run('the site create', CREATE_SITE, [siteDir.site(site.id), siteDir.ids], [site.id, ...siteFields(site)])) === 1;
    },

    getSite: (id: string) => readSite(id),

    async listSites(): Promise<SiteRecord[]> {
      const ids = (await client.sMembers(siteDir.ids)).sort();
      const sites = await Promise.all(ids.map(readSite));
      return sites.filter((s) => s !== null);
    },

    async updateSite(id: string, update: SiteUpdate): Promise<boolean> {
      return (await run('the site update', UPDATE_SITE, [siteDir.site(id)], siteUpdateFields(update))) === 1;
    },

    async removeSite(id: string): Promise<boolean> {
      return (await run('the site removal', REMOVE_SITE, [siteDir.site(id), siteDir.ids], [id])) === 1;
    },

    // A real write, not PING: a Redis at maxmemory with noeviction answers PING and refuses
    // every post, and /healthz must say the second.
    async health() {
      if (!client.isReady) return { ok: false as const, reason: `${where} is unreachable (reconnecting)` };
      try {
        await client.set(`${prefix}:health`, String(Date.now()), { expiration: { type: 'EX', value: 60 } });
        return { ok: true as const };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (message.startsWith('OOM')) return { ok: false as const, reason: `Redis refuses writes: it is at maxmemory (${message})` };
        return { ok: false as const, reason: `Redis cannot take writes: ${message}` };
      }
    },

    async close(): Promise<void> {
      // Bounded: after a Redis restart a reply may never come, and close would wait for it forever.
      if (client.isOpen) await closeWithin(client, REDIS_CLOSE_MS);
    },
  });
}

/**
 * Turns connection failures into StoreUnavailableError so callers answer UNAVAILABLE. A Proxy
 * over every method, so a method added to the store is guarded without being listed here.
 */
function guard(store: CommentStore): CommentStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // An iterable (exportComments) is returned as it is, its pages guarded as they are read.
      if (property === 'exportComments') {
        return async function* (...args: unknown[]) {
          try {
            yield* Reflect.apply(value, target, args) as AsyncIterable<unknown>;
          } catch (cause) {
            if (cause instanceof StoreUnavailableError) throw cause;
            throw new StoreUnavailableError('The comment store (Redis) is unavailable.', { cause });
          }
        };
      }
      return async (...args: unknown[]) => {
        try {
          const result: unknown = await Reflect.apply(value, target, args);
          return result;
        } catch (cause) {
          // The caller's mistake (a cursor it should not have sent) is told as such, not as an outage.
          if (cause instanceof StoreUnavailableError || cause instanceof StoreInputError) throw cause;
          throw new StoreUnavailableError('The comment store (Redis) is unavailable.', { cause });
        }
      };
    },
  });
}

/**
 * Refuses a Redis too old for the scripts' flags and warns about settings that can lose
 * acknowledged comments. Reads INFO, which managed Redis services allow; CONFIG GET (often
 * disabled there) only for appendfsync, which INFO does not show.
 */
async function checkSettings(client: RedisConnection, warn: (message: string) => void): Promise<void> {
  // On a cluster every master keeps its own settings and its own share of the comments: each is
  // checked, and a warning that several give is said once.
  const warnings = new Set<string>();
  for (const node of await masterNodes(client)) {
    let info: string;
    try {
      info = await node.info();
    } catch (err) {
      warnings.add(
        `Could not read Redis settings (INFO failed: ${err instanceof Error ? err.message : String(err)}); make sure Redis runs with maxmemory-policy noeviction and appendonly yes.`,
      );
      continue;
    }
    const tooOld = redisVersionProblem(info);
    if (tooOld) throw new StoreUnavailableError(tooOld);
    let appendfsync: string | null = null;
    try {
      appendfsync = (await node.configGet('appendfsync'))['appendfsync'] ?? null;
    } catch {
      // CONFIG is disabled (managed Redis): the check says it could not tell.
    }
    for (const warning of redisDurabilityWarnings(info, appendfsync)) warnings.add(warning);
  }
  for (const warning of warnings) warn(warning);
}

/** An account as the field/value pairs of its hash. */
function accountFields(account: ModeratorAccount): string[] {
  return [
    'id',
    account.id,
    'email',
    account.email,
    'role',
    account.role,
    'sites',
    JSON.stringify(account.sites),
    'passwordHash',
    account.passwordHash,
    'createdAt',
    String(account.createdAt),
    'passwordChangedAt',
    String(account.passwordChangedAt),
    // JSON, so that a name set back to null (the email's local part) reads back as null.
    ...(account.name === undefined ? [] : ['name', JSON.stringify(account.name)]),
  ];
}

function updateFields(update: ModeratorUpdate): string[] {
  const out: string[] = [];
  if (update.role !== undefined) out.push('role', update.role);
  if (update.sites !== undefined) out.push('sites', JSON.stringify(update.sites));
  if (update.passwordHash !== undefined) out.push('passwordHash', update.passwordHash);
  if (update.passwordChangedAt !== undefined) out.push('passwordChangedAt', String(update.passwordChangedAt));
  if (update.name !== undefined) out.push('name', JSON.stringify(update.name));
  return out;
}

/** Written by the store from a typed account (accountFields), so read back as such; null when absent. */
function accountFromHash(raw: Record<string, string>): ModeratorAccount | null {
  const { id, email, role, sites, passwordHash, createdAt, passwordChangedAt, name } = raw;
  if (id === undefined || email === undefined || role === undefined || sites === undefined || passwordHash === undefined) return null;
  return {
    id,
    email,
    // Absent in accounts written before moderators had names.
    ...(name === undefined ? {} : { name: JSON.parse(name) as string | null }),
    role: role as ModeratorRole,
    sites: JSON.parse(sites) as string[],
    passwordHash,
    createdAt: Number(createdAt),
    passwordChangedAt: Number(passwordChangedAt),
  };
}

interface Cursor {
  score: number;
  member: string;
}

/** A page cursor: the last item's score and member, so the next page starts right after it even if it left the set. */
function cursorOf(score: number, member: string): string {
  return Buffer.from(JSON.stringify([score, member])).toString('base64url');
}

function parseCursor(cursor: string | null): Cursor | null {
  if (cursor === null) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return { score: value[0], member: value[1] };
  } catch {
    // Not one of ours: the first page.
  }
  return null;
}

/** An unsettled write's token (markUnsettled): when it began, and its comment. */
function parseUnsettledToken(token: string): { at: number; page: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(token);
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string' && typeof value[2] === 'string') {
      return { at: value[0], page: value[1], id: value[2] };
    }
  } catch {
    // Not one of ours: dropped.
  }
  return null;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * A thread event from its log entry (`<seq>-0`: 'c' the public comment of a comment:created,
 * 'u' that of a comment:updated, 'd' the id of a comment:deleted, each with 'n' the count after
 * it; 'l' the id of a comment:liked with 'k' its likes). Entries written before events were built
 * in one place hold the whole event as 'e'; public comments logged before 0021 read with its defaults.
 */
function eventFromLog(entry: { id: string; message: Record<string, string> }, page: string): ThreadEvent {
  const seq = Number.parseInt(entry.id, 10);
  const { c, u, d, n, l, k, e } = entry.message;
  if (c !== undefined || u !== undefined) {
    const comment = loggedComment(c ?? u ?? '');
    if (comment) return c !== undefined ? commentCreatedEvent(comment, seq, Number(n)) : commentUpdatedEvent(comment, seq, Number(n));
  } else if (d !== undefined) {
    return commentDeletedEvent({ id: d, page }, seq, Number(n));
  } else if (l !== undefined) {
    return commentLikedEvent({ id: l, page }, seq, Number(k));
  } else if (e !== undefined) {
    const legacy: unknown = JSON.parse(e);
    if (isThreadEvent(legacy)) return legacy;
  }
  throw new StoreUnavailableError(`The event log entry ${entry.id} is unreadable.`);
}

/** A public comment from the log, checked by the protocol's guard; null when it is not one. */
function loggedComment(json: string): PublicComment | null {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) return null;
  const comment = toPublicComment(withCommentDefaults(value as StoredBefore0021));
  return isPublicComment(comment) ? comment : null;
}
