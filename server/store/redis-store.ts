/**
 * The production store: node-redis, one Lua script (or MULTI) per operation, every thread's
 * keys under one hash tag `{site:page}` and a configurable prefix. Acknowledged writes
 * survive a crash only when Redis runs with AOF (appendonly yes); the README says so.
 */
import { createClient, ErrorReply, type RedisClientType } from 'redis';
import { createHash } from 'node:crypto';
import type { ThreadEvent } from '../../protocol/events.ts';
import { isPublicComment, isThreadEvent } from '../../protocol/guards.ts';
import { commentCreatedEvent, toPublicComment } from './public-views.ts';
import { StoreUnavailableError } from './errors.ts';
import { isSessionLive, normalizeModeratorEmail } from './moderator-rules.ts';
import { authorKeys as authorKeysOf, moderatorKeys, parseQueueMember, queueKeys, queueMember, threadKeys } from './redis-keys.ts';
import { redisDurabilityWarnings, redisVersionProblem } from './redis-durability.ts';
import {
  COUNT_DECISION,
  CREATE_COMMENT,
  CREATE_MODERATOR,
  CREATE_SESSION,
  DECIDE_COMMENT,
  PLACE_IN_QUEUE,
  READ_PUBLISHED_EVENT,
  RECORD_HISTORY,
  REMOVE_MODERATOR,
  REVOKE_SESSION,
  REVOKE_SESSIONS_OF,
  UPDATE_MODERATOR,
} from './redis-scripts.ts';
import {
  AUTHOR_RECENT_KEPT,
  type AuthorHistory,
  type CommentStore,
  type CreateCommentResult,
  type DecideResult,
  type Decision,
  type ModeratorAccount,
  type ModeratorRole,
  type ModeratorSession,
  type ModeratorUpdate,
  type NewComment,
  type QueueName,
  type QueuePage,
  type QueueQuery,
  type StoredComment,
  type StoredThreadPage,
  type ThreadEvents,
  type ThreadPageQuery,
} from './types.ts';
import { parseStoredComment } from './stored-json.ts';

export interface RedisStoreOptions {
  url: string;
  /** Every key starts with this, so one Redis can host several installs (and tests). */
  prefix?: string;
  /** How long an idempotency key is remembered (default 7 days). */
  idempotencyTtlSeconds?: number;
  /** Approximate number of events each thread keeps for resync (default 5,000). */
  eventsKept?: number;
  onError?: (err: Error) => void;
  /** Settings that can lose comments, a repaired thread: things an operator should know. */
  onWarning?: (message: string) => void;
  /** The clock a session's TTL is measured from (default Date.now). */
  clock?: () => number;
}

/** How many ids of an author's recorded comments are kept to make the history write idempotent. */
const RECORDED_IDS_KEPT = 500;

export async function createRedisStore(options: RedisStoreOptions): Promise<CommentStore> {
  const prefix = options.prefix ?? 'rembuk';
  const idemTtl = options.idempotencyTtlSeconds ?? 7 * 24 * 3600;
  const eventsKept = options.eventsKept ?? 5_000;
  // Fail fast while disconnected: a post should get UNAVAILABLE now, not hang in a queue.
  const client: RedisClientType = createClient({ url: options.url, disableOfflineQueue: true });
  client.on('error', (err: Error) => options.onError?.(err));
  try {
    await client.connect();
  } catch (cause) {
    throw new StoreUnavailableError(`Could not connect to Redis at ${redactUrl(options.url)}.`, { cause });
  }
  try {
    await checkSettings(client, options.onWarning ?? (() => undefined));
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }

  const createSha = sha1(CREATE_COMMENT);
  const historySha = sha1(RECORD_HISTORY);
  const readEventSha = sha1(READ_PUBLISHED_EVENT);
  const clock = options.clock ?? Date.now;
  const mod = moderatorKeys(prefix);
  const run = (what: string, script: string, keyList: string[], args: string[]) => runScript(what, script, sha1(script), keyList, args);

  async function readAccount(id: string): Promise<ModeratorAccount | null> {
    return accountFromHash(await client.hGetAll(mod.account(id)));
  }

  const keys = (site: string, page: string) => threadKeys(prefix, site, page);
  // An author's record spans threads, so it lives under its own hash tag and is updated in
  // a second, idempotent step after the thread write (docs/decisions/0006-redis-atomic-writes.md).
  const authorKeys = (site: string, authorId: string) => authorKeysOf(prefix, site, authorId);

  /** Records the comment in its author's history; true when this call did, false when an earlier one had. */
  async function recordInHistory(comment: StoredComment): Promise<boolean> {
    const k = authorKeys(comment.site, comment.authorId);
    // A decided comment was created pending: its history records the creation, the decision is counted apart.
    const createdStatus = comment.decision ? 'pending' : comment.status;
    const recorded = await runScript(
      'the author-history write',
      RECORD_HISTORY,
      historySha,
      [k.counts, k.recent, k.recorded],
      [
        comment.id,
        createdStatus,
        JSON.stringify({ text: comment.text, at: comment.createdAt, page: comment.page }),
        String(AUTHOR_RECENT_KEPT),
        String(comment.createdAt),
        String(RECORDED_IDS_KEPT),
      ],
    );
    return recorded === 1;
  }

  /**
   * The event a published comment got when it was created: read back from the event log, or
   * rebuilt with the thread's current count when the log has been trimmed past it.
   */
  async function publishedEventOf(comment: StoredComment): Promise<ThreadEvent | null> {
    const k = keys(comment.site, comment.page);
    const reply = (await runScript('the event read', READ_PUBLISHED_EVENT, readEventSha, [k.published, k.events], [comment.id])) as [
      number,
      (number | null)?,
      number?,
    ];
    const seq = Number(reply[0]);
    if (seq === 0) return null;
    // The count logged with the event, or (trimmed from the log) the thread's count now.
    return commentCreatedEvent(comment, seq, Number(reply[1] ?? reply[2] ?? 0));
  }

  async function settle(comment: StoredComment): Promise<ThreadEvent | null> {
    await settleQueues(comment);
    if (!(await recordInHistory(comment))) return null;
    // A comment published by a moderator's decision had its event handed out by decideComment.
    return comment.status === 'published' && !comment.decision ? publishedEventOf(comment) : null;
  }

  const queuesOf = (site: string) => queueKeys(prefix, site);

  /**
   * The second, idempotent step after a thread write (like the author history): puts the
   * comment in the queue its stored state says, out of the others, and counts a moderator's
   * decision in its author's counts once. A retry, a later decision attempt or a queue read
   * that meets a misplaced entry completes it.
   */
  async function settleQueues(comment: StoredComment): Promise<void> {
    const queue = queueOf(comment);
    if (queue !== null) {
      const q = queuesOf(comment.site);
      await run(
        'the queue write',
        PLACE_IN_QUEUE,
        [q.pending, q.rejected, q.approved],
        [queueMember(comment.page, comment.id), queue, String(comment.decision?.at ?? comment.createdAt)],
      );
    }
    if (comment.decision) {
      const k = authorKeys(comment.site, comment.authorId);
      await run(
        'the decision count',
        COUNT_DECISION,
        [k.counts, k.recorded],
        [
          `${comment.id}:${comment.decision.action}`,
          comment.decision.action === 'approve' ? 'approved' : 'rejected',
          String(comment.decision.at),
          String(RECORDED_IDS_KEPT),
        ],
      );
    }
  }

  /** settleQueues after a decision is already durable: a failure is repaired later, so it is only told. */
  async function settleQueuesQuietly(comment: StoredComment): Promise<void> {
    await settleQueues(comment).catch((err: unknown) => {
      options.onWarning?.(
        `Redis: comment ${comment.site}:${comment.page}:${comment.id} is decided but its queue or author counts were not updated (${err instanceof Error ? err.message : String(err)}); the next read of its queue repairs it.`,
      );
    });
  }

  async function decide(site: string, page: string, id: string, decision: Decision): Promise<DecideResult> {
    const k = keys(site, page);
    const raw = await client.get(k.comment(id));
    if (raw === null) return { ok: false, code: 'NOT_FOUND' };
    const stored = parseStoredComment(raw);
    if (stored.status !== 'pending') {
      await settleQueuesQuietly(stored);
      return { ok: false, code: 'ALREADY_DECIDED', comment: stored };
    }
    const approve = decision.action === 'approve';
    const comment: StoredComment = { ...stored, status: approve ? 'published' : 'rejected', decision: structuredClone(decision) };
    const reply = (await run(
      'the decision',
      DECIDE_COMMENT,
      [k.comment(id), k.seq, k.published, k.events, k.pendingOf(stored.authorId)],
      [id, decision.action, JSON.stringify(comment), JSON.stringify(toPublicComment(comment)), String(eventsKept)],
    )) as [number, (string | number)?, number?, number?];
    if (reply[0] === 0) return { ok: false, code: 'NOT_FOUND' };
    if (reply[0] === 2) {
      const current = parseStoredComment(String(reply[1]));
      await settleQueuesQuietly(current);
      return { ok: false, code: 'ALREADY_DECIDED', comment: current };
    }
    const seq = Number(reply[1]);
    if (reply[3] === 1) {
      options.onWarning?.(
        `Redis: the seq key of thread ${site}:${page} was missing, corrupt or behind; rebuilt from its comments and events (now ${seq}).`,
      );
    }
    await settleQueuesQuietly(comment);
    return { ok: true, comment, event: approve ? commentCreatedEvent(comment, seq, Number(reply[2])) : null };
  }

  async function listQueue(site: string, queue: QueueName, query: QueueQuery): Promise<QueuePage> {
    const key = queuesOf(site)[queue];
    const newest = query.order === 'newest';
    const after = parseQueueCursor(query.cursor);
    const want = query.limit + 1;
    const batch = Math.max(want, 64);
    // The cursor's score is included and its ties filtered here: Redis orders equal scores by member.
    const start = after ? String(after.score) : newest ? '+inf' : '-inf';
    const stop = newest ? '-inf' : '+inf';
    const found: { comment: StoredComment; score: number; member: string }[] = [];
    const misplaced: { member: string; comment: StoredComment | null }[] = [];
    for (let offset = 0; found.length < want;) {
      const entries = await client.zRangeWithScores(key, start, stop, { BY: 'SCORE', REV: newest, LIMIT: { offset, count: batch } });
      offset += entries.length;
      const candidates = entries.filter((e) => {
        if (after && e.score === after.score) {
          const order = Buffer.compare(Buffer.from(e.value), Buffer.from(after.member));
          if (newest ? order >= 0 : order <= 0) return false;
        }
        return query.page === undefined || parseQueueMember(e.value)?.page === query.page;
      });
      const comments = await Promise.all(
        candidates.map(async (e) => {
          const ref = parseQueueMember(e.value);
          const json = ref ? await client.get(keys(site, ref.page).comment(ref.id)) : null;
          return json === null ? null : parseStoredComment(json);
        }),
      );
      candidates.forEach((e, i) => {
        const comment = comments[i] ?? null;
        // The stored status is the truth: an entry a failed second step left behind is skipped.
        if (comment && queueOf(comment) === queue) found.push({ comment, score: e.score, member: e.value });
        else misplaced.push({ member: e.value, comment });
      });
      if (entries.length < batch) break;
    }
    // Repaired after reading, so the offsets above stayed valid; a failure is retried at the next read.
    for (const { member, comment } of misplaced) {
      if (comment) await settleQueuesQuietly(comment);
      else await client.zRem(key, member).catch(() => undefined);
    }
    const shown = found.slice(0, query.limit);
    const last = shown.at(-1);
    return { items: shown.map((f) => f.comment), nextCursor: found.length > query.limit && last ? queueCursor(last.score, last.member) : null };
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

  async function mgetComments(site: string, page: string, ids: string[]): Promise<StoredComment[]> {
    if (ids.length === 0) return [];
    const k = keys(site, page);
    const raw = await client.mGet(ids.map((id) => k.comment(id)));
    const out: StoredComment[] = [];
    for (const json of raw) if (typeof json === 'string') out.push(parseStoredComment(json));
    return out;
  }

  return guard({
    kind: 'redis',

    async createComment(input: NewComment, key: string): Promise<CreateCommentResult> {
      const k = keys(input.site, input.page);
      const publicComment = toPublicComment(input);
      const reply = (await runScript(
        'the comment write',
        CREATE_COMMENT,
        createSha,
        [k.idem(input.authorId, key), k.seq, k.published, k.comment(input.id), k.events, k.pendingOf(input.authorId)],
        [JSON.stringify(input), input.status, input.id, String(input.createdAt), String(idemTtl), String(eventsKept), JSON.stringify(publicComment)],
      )) as [number, string | number, number?, number?];
      if (reply[0] === 0) {
        const existingId = String(reply[1]);
        const existing = await client.get(k.comment(existingId));
        if (existing === null) throw new StoreUnavailableError(`Comment ${existingId} is indexed but missing.`);
        const earlier = parseStoredComment(existing);
        // The first attempt may have stopped after the thread write: finish it, and whichever
        // call finishes it hands out the event.
        return { comment: earlier, event: await settle(earlier), duplicate: true };
      }
      const seq = Number(reply[1]);
      if (reply[3] === 1) {
        options.onWarning?.(
          `Redis: the seq key of thread ${input.site}:${input.page} was missing, corrupt or behind; rebuilt from its comments and events (now ${seq}). Is Redis evicting keys (maxmemory-policy)?`,
        );
      }
      const comment: StoredComment = structuredClone(input);
      // The comment is stored; if this step fails the author is told UNAVAILABLE, and their
      // retry (same idempotency key) settles it: queue and history once, event once.
      const recorded = await settleQueues(comment)
        .then(() => recordInHistory(comment))
        .catch((cause: unknown) => {
          throw new StoreUnavailableError(
            `Comment ${comment.id} is stored but its moderation queue or its author's history was not updated; a retry with the same key completes it.`,
            { cause },
          );
        });
      const event: ThreadEvent | null = recorded && input.status === 'published' ? commentCreatedEvent(input, seq, Number(reply[2])) : null;
      return { comment, event, duplicate: false };
    },

    async getThreadPage(site: string, page: string, query: ThreadPageQuery): Promise<StoredThreadPage> {
      const k = keys(site, page);
      const max = query.cursor === null ? '+inf' : `(${query.cursor}`;
      // One MULTI: the page, the count and the seq describe the same moment.
      const [entries, count, seq] = await client
        .multi()
        .zRangeWithScores(k.published, max, '-inf', { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: query.limit + 1 } })
        .zCard(k.published)
        .get(k.seq)
        .execTyped();
      const shown = entries.slice(0, query.limit);
      const comments = await mgetComments(
        site,
        page,
        shown.map((e) => e.value),
      );
      const last = shown.at(-1);
      const nextCursor = entries.length > query.limit && last ? String(last.score) : null;
      return { comments, nextCursor, count: Number(count), seq: Number(seq ?? 0) };
    },

    async listPendingByAuthor(site: string, page: string, authorId: string): Promise<StoredComment[]> {
      const ids = await client.zRange(keys(site, page).pendingOf(authorId), 0, -1, { REV: true });
      const found = await mgetComments(site, page, ids);
      return found.filter((c) => c.status === 'pending');
    },

    async readEvents(site: string, page: string, afterSeq: number, limit: number): Promise<ThreadEvents> {
      const k = keys(site, page);
      const [entries, seqRaw] = await client.multi().xRange(k.events, `(${afterSeq}-0`, '+', { COUNT: limit }).get(k.seq).execTyped();
      const seq = Number(seqRaw ?? 0);
      // node-redis types a MULTI's XRANGE reply as nullable; no entries is no events.
      const events = (entries ?? []).map(eventFromLog);
      const first = events[0];
      // Trimmed: the oldest event kept is later than the one the reader needs next.
      const complete = afterSeq >= seq || (first !== undefined && first.seq === afterSeq + 1);
      return { events: complete ? events : [], seq, complete };
    },

    async findByIdempotencyKey(site: string, page: string, authorId: string, key: string): Promise<StoredComment | null> {
      const k = keys(site, page);
      const id = await client.get(k.idem(authorId, key));
      if (id === null) return null;
      const json = await client.get(k.comment(id));
      return json === null ? null : parseStoredComment(json);
    },

    async getComment(site: string, page: string, id: string): Promise<StoredComment | null> {
      const json = await client.get(keys(site, page).comment(id));
      return json === null ? null : parseStoredComment(json);
    },

    async getAuthorHistory(site: string, authorId: string): Promise<AuthorHistory> {
      const k = authorKeys(site, authorId);
      // Two commands sent together (node-redis pipelines a tick's commands); a MULTI would be four.
      const [counts, recent] = await Promise.all([client.hGetAll(k.counts), client.lRange(k.recent, 0, -1)]);
      return {
        approvedCount: Number(counts['approved'] ?? 0),
        rejectedCount: Number(counts['rejected'] ?? 0),
        recentPosts: recent.map((json) => JSON.parse(json) as AuthorHistory['recentPosts'][number]),
        bannedUntil: counts['bannedUntil'] ? Number(counts['bannedUntil']) : null,
      };
    },

    async setAuthorBan(site: string, authorId: string, until: number | null): Promise<void> {
      const k = authorKeys(site, authorId);
      if (until === null) await client.hDel(k.counts, 'bannedUntil');
      else await client.hSet(k.counts, 'bannedUntil', String(until));
    },

    async settleComment(comment: StoredComment): Promise<ThreadEvent | null> {
      return settle(comment);
    },

    listQueue: (site: string, queue: QueueName, query: QueueQuery) => listQueue(site, queue, query),

    async queueCounts(site: string): Promise<Record<QueueName, number>> {
      const q = queuesOf(site);
      const [pending, rejected, approved] = await client.multi().zCard(q.pending).zCard(q.rejected).zCard(q.approved).execTyped();
      return { pending: Number(pending), rejected: Number(rejected), approved: Number(approved) };
    },

    decideComment: (site: string, page: string, id: string, decision: Decision) => decide(site, page, id, decision),

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

    // A real write, not PING: a Redis at maxmemory with noeviction answers PING and refuses
    // every post, and /healthz must say the second.
    async health() {
      if (!client.isReady) return { ok: false as const, reason: `Redis at ${redactUrl(options.url)} is unreachable (reconnecting)` };
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
      if (client.isOpen) await client.close();
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
      return async (...args: unknown[]) => {
        try {
          const result: unknown = await Reflect.apply(value, target, args);
          return result;
        } catch (cause) {
          if (cause instanceof StoreUnavailableError) throw cause;
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
async function checkSettings(client: RedisClientType, warn: (message: string) => void): Promise<void> {
  let info: string;
  try {
    info = await client.info();
  } catch (err) {
    warn(
      `Could not read Redis settings (INFO failed: ${err instanceof Error ? err.message : String(err)}); make sure Redis runs with maxmemory-policy noeviction and appendonly yes.`,
    );
    return;
  }
  const tooOld = redisVersionProblem(info);
  if (tooOld) throw new StoreUnavailableError(tooOld);
  let appendfsync: string | null = null;
  try {
    appendfsync = (await client.configGet('appendfsync'))['appendfsync'] ?? null;
  } catch {
    // CONFIG is disabled (managed Redis): the check says it could not tell.
  }
  for (const warning of redisDurabilityWarnings(info, appendfsync)) warn(warning);
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
  ];
}

function updateFields(update: ModeratorUpdate): string[] {
  const out: string[] = [];
  if (update.role !== undefined) out.push('role', update.role);
  if (update.sites !== undefined) out.push('sites', JSON.stringify(update.sites));
  if (update.passwordHash !== undefined) out.push('passwordHash', update.passwordHash);
  if (update.passwordChangedAt !== undefined) out.push('passwordChangedAt', String(update.passwordChangedAt));
  return out;
}

/** Written by the store from a typed account (accountFields), so read back as such; null when absent. */
function accountFromHash(raw: Record<string, string>): ModeratorAccount | null {
  const { id, email, role, sites, passwordHash, createdAt, passwordChangedAt } = raw;
  if (id === undefined || email === undefined || role === undefined || sites === undefined || passwordHash === undefined) return null;
  return {
    id,
    email,
    role: role as ModeratorRole,
    sites: JSON.parse(sites) as string[],
    passwordHash,
    createdAt: Number(createdAt),
    passwordChangedAt: Number(passwordChangedAt),
  };
}

/** The queue a comment's stored state puts it in: held, rejected, or approved by a moderator; null for one the engine published. */
function queueOf(comment: StoredComment): QueueName | null {
  if (comment.status === 'pending') return 'pending';
  if (comment.status === 'rejected') return 'rejected';
  if (comment.status === 'published' && comment.decision) return 'approved';
  return null;
}

/** A queue cursor: the last item's score and member, so the next page starts right after it even if it left the queue. */
function queueCursor(score: number, member: string): string {
  return Buffer.from(JSON.stringify([score, member])).toString('base64url');
}

function parseQueueCursor(cursor: string | null): { score: number; member: string } | null {
  if (cursor === null) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return { score: value[0], member: value[1] };
  } catch {
    // Not one of ours: the first page.
  }
  return null;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

/**
 * A thread event from its log entry (`<seq>-0`: 'c' the public comment, 'n' the count after
 * it). Entries written before events were built in one place hold the whole event as 'e'.
 */
function eventFromLog(entry: { id: string; message: Record<string, string> }): ThreadEvent {
  const seq = Number.parseInt(entry.id, 10);
  const { c, n, e } = entry.message;
  if (c !== undefined) {
    const comment: unknown = JSON.parse(c);
    if (isPublicComment(comment)) return commentCreatedEvent(comment, seq, Number(n));
  } else if (e !== undefined) {
    const legacy: unknown = JSON.parse(e);
    if (isThreadEvent(legacy)) return legacy;
  }
  throw new StoreUnavailableError(`The event log entry ${entry.id} is unreadable.`);
}
