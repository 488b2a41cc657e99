import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { inject } from 'vitest';
import { startRedisServer, type RunningRedis } from '../../test/support/redis-server.ts';
import { deleteRedisKeys } from '../../test/support/stores.ts';
import { StoreUnavailableError } from './errors.ts';
import { authorKeys, moderatorKeys, queueKeys, siteDirectoryKeys, siteKeys, threadKeys } from './redis-keys.ts';
import { createRedisStore, UNSETTLED_AFTER_MS } from './redis-store.ts';
import { describeModerationContract } from './moderation.contract.ts';
import { describeSiteDirectoryContract } from './site.contract.ts';
import { describeCommentStoreContract, type StoreHarness } from './store.contract.ts';
import { describeCommentTransferContract } from './transfer.contract.ts';
import { describeThreadContract } from './thread.contract.ts';
import type { CommentStore, DecideOptions, Decision, NewComment, ThreadPageQuery } from './types.ts';

async function connectAdmin(url: string) {
  const admin = createClient({ url });
  await admin.connect();
  return admin;
}
type Admin = Awaited<ReturnType<typeof connectAdmin>>;

async function openRedis(): Promise<StoreHarness> {
  const url = inject('redisUrl');
  const prefix = `test-${randomUUID()}`;
  let current: CommentStore = await createRedisStore({ url, prefix });
  const admin = await connectAdmin(url);
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await createRedisStore({ url, prefix });
      return current;
    },
    async cleanup() {
      await current.close().catch(() => undefined);
      await admin.close().catch(() => undefined);
      await deleteRedisKeys(url, prefix);
    },
    async breakAuthorHistory(site, authorId) {
      // A plain string where the counts hash belongs: HINCRBY (and any type check) fails WRONGTYPE.
      const counts = authorKeys(prefix, site, authorId).counts;
      await admin.set(counts, 'not a hash');
      return async () => {
        await admin.del(counts);
      };
    },
  };
}

describeCommentStoreContract('redis', openRedis);
describeModerationContract('redis', openRedis);
describeSiteDirectoryContract('redis', openRedis);
describeCommentTransferContract('redis', openRedis);
describeThreadContract('redis', openRedis);
// The same contracts on a real three-master Redis Cluster: redis-cluster-store.test.ts.

/** The first page of a thread, newest first, as the widget asks for it. */
const FIRST_PAGE: ThreadPageQuery = { sort: 'newest', cursor: null, limit: 20, repliesPerRoot: 50, viewerId: null };

let counter = 0;
function comment(over: Partial<NewComment> = {}): NewComment {
  counter += 1;
  return {
    id: `r${String(counter).padStart(8, '0')}${randomUUID().slice(0, 6)}`,
    site: 'demo',
    page: '/a',
    parentId: null,
    rootId: null,
    depth: 0,
    replyTo: null,
    authorId: 'author-a',
    authorName: 'Ani',
    authorKind: 'anonymous',
    avatarUrl: null,
    text: `komentar ${counter}`,
    status: 'published',
    createdAt: 1_700_000_000_000 + counter,
    editedAt: null,
    likes: 0,
    replyCount: 0,
    moderation: { action: 'publish', reasons: [] },
    ...over,
  };
}

describe('redis store when its keys are damaged', () => {
  const url = inject('redisUrl');
  let prefix = '';
  let store: CommentStore;
  let admin: Admin;
  let k: ReturnType<typeof threadKeys>;
  let warnings: string[] = [];

  beforeAll(async () => {
    admin = await connectAdmin(url);
  });
  afterAll(async () => {
    await admin.close();
  });
  afterEach(async () => {
    await store.close();
    await deleteRedisKeys(url, prefix);
  });
  async function open(): Promise<CommentStore> {
    prefix = `test-damage-${randomUUID()}`;
    k = threadKeys(prefix, 'demo', '/a');
    warnings = [];
    store = await createRedisStore({ url, prefix, onWarning: (m) => warnings.push(m) });
    return store;
  }
  async function post(n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) await store.createComment(comment(), `damage-key-${randomUUID()}`);
  }
  async function expectNothingLeftOf(c: NewComment, key: string): Promise<void> {
    expect(await admin.exists(k.comment(c.id))).toBe(0);
    expect(await admin.exists(k.idem(c.authorId, key))).toBe(0);
  }

  it('repairs a thread whose seq key was lost and continues gap-free', async () => {
    await open();
    await post(3);
    await admin.del(k.seq);
    const next = await store.createComment(comment(), 'after-lost-seq-1');
    expect(next.event?.seq).toBe(4);
    expect(next.event).toMatchObject({ type: 'comment:created', count: 4 });
    const log = await store.readEvents('demo', '/a', 0, 100);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log.seq).toBe(4);
    const page = await store.getThreadPage('demo', '/a', FIRST_PAGE);
    expect(page.comments.map((c) => c.id)[0]).toBe(next.comment.id);
    expect(page.seq).toBe(4);
    expect(warnings.filter((w) => /seq key of thread demo:\/a .*rebuilt/.test(w))).toHaveLength(1);
  });

  it('repairs a lost seq from the published comments when the event log is gone too', async () => {
    await open();
    await post(2);
    await admin.del([k.seq, k.events]);
    const next = await store.createComment(comment(), 'after-lost-seq-2');
    expect(next.event?.seq).toBe(3);
    expect((await store.getThreadPage('demo', '/a', FIRST_PAGE)).count).toBe(3);
  });

  it('repairs a seq that holds something other than a number', async () => {
    await open();
    await post(2);
    await admin.set(k.seq, 'abc');
    const next = await store.createComment(comment(), 'after-corrupt-seq');
    expect(next.event?.seq).toBe(3);
    expect(await admin.get(k.seq)).toBe('3');
  });

  it('continues after the event log when the seq key is behind it, instead of failing its XADD', async () => {
    await open();
    await post(2);
    await admin.set(k.seq, '1');
    const c = comment();
    const next = await store.createComment(c, 'behind-seq');
    expect(next.event?.seq).toBe(3);
    const log = await store.readEvents('demo', '/a', 0, 100);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log.events.at(-1)).toMatchObject({ type: 'comment:created', comment: { id: c.id } });
  });

  it.each([
    { key: 'seq', damage: async (a: Admin) => (await a.del(k.seq), a.hSet(k.seq, 'x', '1')) },
    { key: 'published index', damage: (a: Admin) => a.set(k.published, 'x') },
    { key: 'event log', damage: (a: Admin) => a.set(k.events, 'x') },
    { key: 'pending index', damage: (a: Admin) => a.set(k.pendingOf('author-a'), 'x'), status: 'pending' as const },
    { key: 'listing by time', damage: (a: Admin) => a.set(k.byTime, 'x') },
    { key: 'listing by likes', damage: (a: Admin) => a.set(k.byLikes, 'x') },
    { key: 'like counts', damage: (a: Admin) => a.set(k.likes, 'x') },
    { key: 'reply counts', damage: (a: Admin) => a.set(k.replyCounts, 'x'), status: 'pending' as const },
  ])('refuses a post when the $key key has the wrong type, and leaves nothing behind', async ({ damage, status }) => {
    await open();
    await post(1);
    await damage(admin);
    const c = comment(status ? { status, moderation: { action: 'hold', reasons: [] } } : {});
    const attempt = store.createComment(c, 'wrong-type-key');
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(attempt).rejects.toThrow(/wrong type/i);
    await expectNothingLeftOf(c, 'wrong-type-key');
  });

  it('rebuilds the event of a half-done post whose event was trimmed from the log when its retry settles it', async () => {
    await open();
    const c = comment({ authorId: 'author-t' });
    const counts = authorKeys(prefix, 'demo', 'author-t').counts;
    await admin.set(counts, 'not a hash');
    await expect(store.createComment(c, 'trimmed-key')).rejects.toBeInstanceOf(StoreUnavailableError);
    await admin.del([counts, k.events]);
    const earlier = await store.findByIdempotencyKey('demo', '/a', 'author-t', 'trimmed-key');
    expect(earlier).toEqual(c);
    const { site: _site, moderation: _moderation, ...publicComment } = c;
    expect(await store.settleComment(c)).toEqual({ type: 'comment:created', page: '/a', seq: 1, comment: publicComment, count: 1 });
    expect(await store.settleComment(c)).toBeNull();
  });

  it('refuses an idempotency key that holds something other than a comment id, writing nothing', async () => {
    await open();
    await admin.hSet(k.idem('author-a', 'odd-idem-key'), 'x', '1');
    const c = comment();
    await expect(store.createComment(c, 'odd-idem-key')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await admin.exists(k.comment(c.id))).toBe(0);
    expect(await admin.exists(k.seq)).toBe(0);
  });
});

describe('redis store over threads stored before replies, likes and sorts (0021)', () => {
  const url = inject('redisUrl');
  let prefix = '';
  let store: CommentStore;
  let admin: Admin;
  const T = 1_690_000_000_000;

  beforeAll(async () => {
    admin = await connectAdmin(url);
  });
  afterAll(async () => {
    await admin.close();
  });
  afterEach(async () => {
    await store.close();
    await deleteRedisKeys(url, prefix);
  });

  /** A comment as the store wrote it before 0021: no root, depth, likes, reply count, kind, avatar or edit time. */
  function before0021(id: string, n: number, over: Record<string, unknown> = {}) {
    return {
      id,
      site: 'demo',
      page: '/old',
      parentId: null,
      authorId: 'author-a',
      authorName: 'Ani',
      text: `teks ${id}`,
      status: 'published',
      createdAt: T + n,
      moderation: { action: 'publish', reasons: [] },
      ...over,
    };
  }

  /**
   * A thread as the earlier store left it: comments, the published index by seq, versions (but
   * not for a comment older than them), the seq. A top-level comment with a reply two deep, one a
   * moderator rejected after a reply was published under it, one held.
   */
  async function storeOldThread(): Promise<ReturnType<typeof threadKeys>> {
    prefix = `test-old-${randomUUID()}`;
    const k = threadKeys(prefix, 'demo', '/old');
    const comments = [
      before0021('old-a', 1),
      before0021('old-b', 2, { parentId: 'old-a', authorId: 'author-b', authorName: 'Budi' }),
      before0021('old-c', 3, { parentId: 'old-b' }),
      before0021('old-d', 4, { status: 'rejected' }),
      before0021('old-e', 5, { parentId: 'old-d', authorId: 'author-b', authorName: 'Budi' }),
      before0021('old-f', 6, { status: 'pending', moderation: { action: 'hold', reasons: [] } }),
    ];
    for (const c of comments) await admin.set(k.comment(c.id), JSON.stringify(c));
    await admin.zAdd(k.published, [
      { score: 1, value: 'old-a' },
      { score: 2, value: 'old-b' },
      { score: 3, value: 'old-c' },
      { score: 5, value: 'old-e' },
    ]);
    for (const c of comments) if (c.id !== 'old-c') await admin.hSet(k.versions, c.id, '1');
    await admin.set(k.seq, '6');
    store = await createRedisStore({ url, prefix });
    return k;
  }

  it('indexes such a thread at its first read: tombstones, replies at every depth with their roots, counts', async () => {
    const k = await storeOldThread();
    const oldC = await admin.get(k.comment('old-c'));
    const result = await store.getThreadPage('demo', '/old', FIRST_PAGE);
    expect(result.comments.map((c) => [c.id, c.status, c.replyCount, c.likes, c.rootId, c.depth])).toEqual([
      ['old-d', 'rejected', 1, 0, null, 0],
      ['old-a', 'published', 2, 0, null, 0],
    ]);
    expect(result.replies.map((c) => [c.id, c.rootId, c.depth, c.replyTo, c.authorKind, c.editedAt])).toEqual([
      ['old-e', 'old-d', 1, null, 'anonymous', null],
      ['old-b', 'old-a', 1, null, 'anonymous', null],
      ['old-c', 'old-a', 2, null, 'anonymous', null],
    ]);
    expect(result).toMatchObject({ count: 4, seq: 6, nextCursor: null, liked: [] });
    // The root and depth went into the JSON ahead of what was there, which is left as it was.
    expect(await admin.get(k.comment('old-c'))).toBe(`{"rootId":"old-a","depth":2,${oldC?.slice(1)}`);
    expect(await admin.exists(k.indexed)).toBe(1);
    expect((await store.getThreadPage('demo', '/old', { ...FIRST_PAGE, sort: 'oldest' })).comments.map((c) => c.id)).toEqual(['old-a', 'old-d']);
  });

  it('works a change out again over the root and depth the index build found, when that build is the change’s own first step', async () => {
    await storeOldThread();
    // Read before the build: the defaults take old-c's parent for its root.
    const before = await store.getComment('demo', '/old', 'old-c');
    expect(before).toMatchObject({ rootId: 'old-b', depth: 1 });
    const decision: Decision = { action: 'reject', moderatorId: 'mod-ani', reason: 'spam', at: T + 30 };
    const options: DecideOptions = { revision: 0, audit: { id: `audit-${randomUUID()}`, moderatorEmail: 'ani@example.com' } };
    expect(await store.decideComment('demo', '/old', 'old-c', decision, options)).toMatchObject({
      ok: true,
      comment: { status: 'rejected', rootId: 'old-a', depth: 2 },
      event: { type: 'comment:deleted', id: 'old-c', count: 3 },
    });
    const result = await store.getThreadPage('demo', '/old', FIRST_PAGE);
    expect(result.comments.map((c) => [c.id, c.replyCount])).toEqual([
      ['old-d', 1],
      ['old-a', 1],
    ]);
    expect(result.replies.map((c) => c.id)).toEqual(['old-e', 'old-b']);
  });

  it('indexes such a thread before its first write changes it, and goes on from there', async () => {
    await storeOldThread();
    expect(await store.reactToComment('demo', '/old', 'old-a', 'reader-1', true)).toMatchObject({ ok: true, likes: 1, event: { seq: 7 } });
    const reply = comment({ page: '/old', parentId: 'old-c', rootId: 'old-a', depth: 3, replyTo: 'Ani', createdAt: T + 10 });
    expect((await store.createComment(reply, 'old-thread-reply')).event).toMatchObject({ type: 'comment:created', seq: 8, count: 5 });
    const byLikes = await store.getThreadPage('demo', '/old', { ...FIRST_PAGE, sort: 'likes', viewerId: 'reader-1' });
    expect(byLikes.comments.map((c) => [c.id, c.likes, c.replyCount])).toEqual([
      ['old-a', 1, 3],
      ['old-d', 0, 1],
    ]);
    expect(byLikes.liked).toEqual(['old-a']);
    expect((await store.listReplies('demo', '/old', 'old-a', { cursor: null, skip: 1, limit: 10, viewerId: null })).replies.map((c) => c.id)).toEqual(
      ['old-c', reply.id],
    );
    expect(await store.deleteComment('demo', '/old', 'old-e', 'author-b', T + 20)).toMatchObject({ ok: true, event: { type: 'comment:deleted' } });
    expect((await store.getThreadPage('demo', '/old', FIRST_PAGE)).comments.map((c) => c.id)).toEqual(['old-a']);
  });
});

describe('redis store on a redis-server of its own', () => {
  let redis: RunningRedis;
  let admin: Admin;
  beforeAll(async () => {
    redis = await startRedisServer();
    admin = await connectAdmin(redis.url);
  });
  afterAll(async () => {
    await admin.close();
    await redis.stop();
  });

  it('fails a post with StoreUnavailableError under OOM and leaves nothing behind', async () => {
    const prefix = `test-oom-${randomUUID()}`;
    const store = await createRedisStore({ url: redis.url, prefix });
    onTestFinished(() => store.close());
    await store.createComment(comment(), 'before-oom');
    const keysBefore = (await admin.keys(`${prefix}:*`)).sort();
    await admin.configSet({ 'maxmemory-policy': 'noeviction', maxmemory: '1' });
    try {
      const c = comment();
      await expect(store.createComment(c, 'during-oom')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.settleComment(c)).rejects.toBeInstanceOf(StoreUnavailableError);
      // PING still answers under OOM; /healthz must tell that posts are refused.
      expect(await store.health()).toEqual({ ok: false, reason: expect.stringMatching(/Redis refuses writes: it is at maxmemory/) });
    } finally {
      await admin.configSet({ maxmemory: '0' });
    }
    expect((await admin.keys(`${prefix}:*`)).sort()).toEqual(keysBefore);
    const page = await store.getThreadPage('demo', '/a', FIRST_PAGE);
    expect(page.count).toBe(1);
    expect(page.seq).toBe(1);
    const after = await store.createComment(comment(), 'after-oom');
    expect(after.event?.seq).toBe(2);
    expect(await store.health()).toEqual({ ok: true });
  });

  it('warns at start about Redis settings that can lose acknowledged comments', async () => {
    // Not appendonly: switching AOF back on starts an initial rewrite during which redis-server
    // refuses SIGTERM; the table-driven test in redis-durability.test.ts covers AOF off.
    await admin.configSet({ appendfsync: 'no', 'maxmemory-policy': 'allkeys-lru' });
    try {
      const warnings: string[] = [];
      const store = await createRedisStore({ url: redis.url, prefix: `test-warn-${randomUUID()}`, onWarning: (m) => warnings.push(m) });
      await store.close();
      expect(warnings).toEqual([expect.stringMatching(/maxmemory-policy is allkeys-lru/), expect.stringMatching(/appendfsync is no/)]);
    } finally {
      await admin.configSet({ appendfsync: 'everysec', 'maxmemory-policy': 'noeviction' });
    }
  });

  it('opens without warnings on a Redis set up for production', async () => {
    await admin.configSet({ appendonly: 'yes', appendfsync: 'everysec', 'maxmemory-policy': 'noeviction' });
    const warnings: string[] = [];
    const store = await createRedisStore({ url: redis.url, prefix: `test-warn-${randomUUID()}`, onWarning: (m) => warnings.push(m) });
    await store.close();
    expect(warnings).toEqual([]);
  });
});

describe('redis store moderator keys', () => {
  const url = inject('redisUrl');

  it('keeps every moderator key under one hash tag, sessions expiring with their expiresAt and pruned from their set', async () => {
    const prefix = `test-mod-${randomUUID()}`;
    const store = await createRedisStore({ url, prefix });
    const admin = await connectAdmin(url);
    onTestFinished(async () => {
      await store.close();
      await admin.close();
      await deleteRedisKeys(url, prefix);
    });
    const now = Date.now();
    const account = {
      id: 'mod-1',
      email: 'ani@example.com',
      role: 'moderator' as const,
      sites: ['demo'],
      passwordHash: 'h',
      createdAt: now,
      passwordChangedAt: now,
    };
    await store.createModerator(account);
    await store.createSession({ id: 'live', moderatorId: 'mod-1', createdAt: now, expiresAt: now + 60_000 });
    await store.createSession({ id: 'short', moderatorId: 'mod-1', createdAt: now, expiresAt: now + 50 });
    // Already expired when stored: nothing is written.
    await store.createSession({ id: 'dead', moderatorId: 'mod-1', createdAt: now - 2_000, expiresAt: now - 1_000 });
    const mod = moderatorKeys(prefix);
    const ttl = await admin.pTTL(mod.session('live'));
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await admin.exists(mod.session('dead'))).toBe(0);
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.startsWith(`${prefix}:{mod}:`)).toBe(true);

    await new Promise((r) => setTimeout(r, 100));
    expect(await admin.exists(mod.session('short'))).toBe(0);
    await store.createSession({ id: 'next', moderatorId: 'mod-1', createdAt: Date.now(), expiresAt: Date.now() + 60_000 });
    expect((await admin.sMembers(mod.sessionsOf('mod-1'))).sort()).toEqual(['live', 'next']);
    expect(await store.revokeSessionsOf('mod-1')).toBe(2);
  });
});

describe('redis store sites and moderators written before 0021', () => {
  const url = inject('redisUrl');

  it('reads a site without reserved names or an edit window as having none, and keeps them once set', async () => {
    const prefix = `test-site-${randomUUID()}`;
    const store = await createRedisStore({ url, prefix });
    const admin = await connectAdmin(url);
    onTestFinished(async () => {
      await store.close();
      await admin.close();
      await deleteRedisKeys(url, prefix);
    });
    const record = {
      id: 'berita',
      name: 'Berita',
      origins: ['https://berita.example'],
      ssoSecret: 's'.repeat(43),
      preModerated: false,
      closedPages: [],
      moderation: null,
      alerts: null,
      createdAt: 1_800_000_000_000,
      updatedAt: 1_800_000_000_000,
    };
    // The hash as the store wrote it before: one JSON field per field it had.
    const key = siteDirectoryKeys(prefix).site('berita');
    await admin.hSet(key, Object.fromEntries(Object.entries(record).map(([field, value]) => [field, JSON.stringify(value)])));
    expect(await store.getSite('berita')).toEqual(record);
    expect(await store.updateSite('berita', { reservedNames: ['Redaksi'], editWindowMinutes: 0, updatedAt: 1_800_000_000_001 })).toBe(true);
    expect(await store.getSite('berita')).toEqual({ ...record, reservedNames: ['Redaksi'], editWindowMinutes: 0, updatedAt: 1_800_000_000_001 });
    expect(await store.createSite({ ...record, id: 'kabar', reservedNames: ['Admin'], editWindowMinutes: 30 })).toBe(true);
    expect(await store.getSite('kabar')).toMatchObject({ reservedNames: ['Admin'], editWindowMinutes: 30 });
  });

  it('reads a moderator account without a name as having none set, and keeps a name and its clearing', async () => {
    const prefix = `test-modname-${randomUUID()}`;
    const store = await createRedisStore({ url, prefix });
    onTestFinished(async () => {
      await store.close();
      await deleteRedisKeys(url, prefix);
    });
    const account = {
      id: 'mod-1',
      email: 'ani@example.com',
      role: 'moderator' as const,
      sites: ['demo'],
      passwordHash: 'h',
      createdAt: 1,
      passwordChangedAt: 1,
    };
    await store.createModerator(account);
    expect(await store.getModerator('mod-1')).toStrictEqual(account);
    expect(await store.updateModerator('mod-1', { name: 'Ani Redaksi' })).toBe(true);
    expect(await store.getModerator('mod-1')).toEqual({ ...account, name: 'Ani Redaksi' });
    expect(await store.updateModerator('mod-1', { name: null })).toBe(true);
    expect(await store.findModeratorByEmail('ani@example.com')).toEqual({ ...account, name: null });
    expect(await store.createModerator({ ...account, id: 'mod-2', email: 'budi@example.com', name: 'Budi' })).toBe(true);
    expect((await store.listModerators()).map((m) => m.name)).toEqual([null, 'Budi']);
  });
});

describe('redis store second step (site and author indexes)', () => {
  const url = inject('redisUrl');
  let prefix = '';
  let store: CommentStore;
  let admin: Admin;
  let now = 0;
  let warnings: string[] = [];

  beforeAll(async () => {
    admin = await connectAdmin(url);
  });
  afterAll(async () => {
    await admin.close();
  });
  afterEach(async () => {
    await store.close();
    await deleteRedisKeys(url, prefix);
  });
  async function open(extra: { queueScanLimit?: number } = {}): Promise<CommentStore> {
    prefix = `test-second-${randomUUID()}`;
    now = Date.now();
    warnings = [];
    store = await createRedisStore({ url, prefix, clock: () => now, onWarning: (m) => warnings.push(m), ...extra });
    return store;
  }
  const held = (over: Partial<NewComment> = {}) =>
    comment({
      status: 'pending',
      moderation: {
        action: 'hold',
        reasons: [{ rule: 'profanity', action: 'hold', message: { en: 'Profanity', id: 'Kata kasar' }, spans: [] }],
      },
      ...over,
    });
  const at = Date.UTC(2026, 2, 1, 10);
  const approve = (when = at): Decision => ({ action: 'approve', moderatorId: 'mod-ani', reason: null, at: when });
  const reject = (when = at): Decision => ({ action: 'reject', moderatorId: 'mod-ani', reason: 'spam', at: when });
  const seen = (revision: number): DecideOptions => ({ revision, audit: { id: `audit-${randomUUID()}`, moderatorEmail: 'ani@example.com' } });
  const day = new Date(at).toISOString().slice(0, 10);

  /** Everything the second step maintains, as the store reads it. */
  async function indexes(site = 'demo') {
    return {
      counts: await store.queueCounts(site),
      pending: (await store.listQueue(site, 'pending', { order: 'newest', cursor: null, limit: 50 })).items.map((c) => c.id),
      approved: (await store.listQueue(site, 'approved', { order: 'newest', cursor: null, limit: 50 })).items.map((c) => c.id),
      audit: (await store.listAudit(site, { cursor: null, limit: 50 })).entries.map((e) => e.id),
      stats: await store.getDailyStats(site, [day]),
      author: await store.getAuthorHistory(site, 'author-a'),
      recent: (await store.listRecentComments(site, 50)).map((c) => c.id),
      mine: (await store.listAuthorComments(site, 'author-a', 50)).map((c) => c.id),
    };
  }

  it('completes a decision whose whole second step failed (as after a crash) at a read of the site once the write is old enough', async () => {
    await open();
    const c = held({ createdAt: at - 1 });
    await store.createComment(c, 'crash-key-1');
    // Every part of the second step refused: the site's queue, the audit log, the author's counts.
    const q = queueKeys(prefix, 'demo');
    const s = siteKeys(prefix, 'demo');
    const counts = authorKeys(prefix, 'demo', 'author-a').counts;
    const saved = await admin.hGetAll(counts);
    await admin.set(q.approved, 'x');
    await admin.set(s.auditEntries, 'x');
    await admin.del(counts);
    await admin.set(counts, 'x');
    const options = seen(0);
    const result = await store.decideComment('demo', '/a', c.id, approve(), options);
    // The decision itself is durable and answered: its thread step is one script.
    expect(result).toMatchObject({ ok: true, event: { type: 'comment:created', seq: 1 } });
    expect(warnings).toEqual([expect.stringMatching(/is stored but its queue, audit entry or author counts were not updated/)]);
    await admin.del([q.approved, s.auditEntries, counts]);
    await admin.hSet(counts, saved);

    // A young token may be a write still in flight: left alone.
    expect(await store.queueCounts('demo')).toMatchObject({ pending: 1, approved: 0 });
    expect(await admin.sCard(s.unsettled)).toBe(1);

    now += UNSETTLED_AFTER_MS;
    const repaired = await indexes();
    expect(repaired.counts).toEqual({ pending: 0, reported: 0, rejected: 0, approved: 1 });
    expect(repaired.approved).toEqual([c.id]);
    expect(repaired.pending).toEqual([]);
    expect(repaired.audit).toEqual([options.audit.id]);
    expect(repaired.stats[0]).toMatchObject({ held: 1, approvedByModerator: 1, rules: { profanity: 1 } });
    expect(repaired.author).toMatchObject({ approvedCount: 1, rejectedCount: 0 });
    expect(await admin.sCard(s.unsettled)).toBe(0);
  });

  it('shows a held comment to moderators whose creation stopped after the thread write, though its author never retried', async () => {
    await open();
    const c = held();
    const q = queueKeys(prefix, 'demo');
    await admin.set(q.pending, 'x');
    await expect(store.createComment(c, 'crash-key-2')).rejects.toBeInstanceOf(StoreUnavailableError);
    await admin.del(q.pending);
    now += UNSETTLED_AFTER_MS;
    expect((await store.listQueue('demo', 'pending', { order: 'newest', cursor: null, limit: 10 })).items).toEqual([c]);
    expect((await store.getDailyStats('demo', [new Date(c.createdAt).toISOString().slice(0, 10)]))[0]).toMatchObject({ held: 1 });
  });

  it('repeats the second step from the stored comments without counting anything twice', async () => {
    await open();
    const published = comment({ createdAt: at });
    const waiting = held({ createdAt: at + 1 });
    const decided = held({ createdAt: at + 2 });
    for (const [i, c] of [published, waiting, decided].entries()) await store.createComment(c, `replay-key-${i}`);
    expect((await store.decideComment('demo', '/a', decided.id, reject(), seen(0))).ok).toBe(true);
    expect((await store.decideComment('demo', '/a', decided.id, approve(at + 5), seen(1))).ok).toBe(true);
    await store.reportComment('demo', '/a', published.id, { reporterId: 'reader-1', reason: 'spam', note: null, at: at + 9 }, 3);
    const before = await indexes();
    expect(before.author).toMatchObject({ approvedCount: 2, rejectedCount: 0, firstSeen: at });
    expect(before.stats[0]).toMatchObject({ published: 1, held: 2, approvedByModerator: 1, rejectedByModerator: 1 });

    // Tokens as a crash would have left them (long ago), and settles as retries make them.
    const s = siteKeys(prefix, 'demo');
    for (const c of [published, waiting, decided]) {
      await admin.sAdd(s.unsettled, JSON.stringify([0, c.page, c.id, randomUUID()]));
      expect(await store.settleComment(c)).toBeNull();
    }
    expect(await indexes()).toEqual(before);
    expect(await indexes()).toEqual(before);
    expect(await admin.sCard(s.unsettled)).toBe(0);
  });

  it('keeps every report of readers reporting the same comment at the same moment, and hides it once', async () => {
    await open();
    const c = comment();
    await store.createComment(c, 'many-reports');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.reportComment('demo', '/a', c.id, { reporterId: `reader-${i}`, reason: 'spam', note: null, at: at + i }, 8),
      ),
    );
    const firsts = results.filter((r) => r.ok && r.first);
    expect(firsts).toHaveLength(8);
    expect(results.filter((r) => r.ok && r.hidden)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(4);
    const stored = await store.getComment('demo', '/a', c.id);
    expect(stored?.reports).toHaveLength(8);
    expect(stored).toMatchObject({ status: 'pending', revision: 1 });
    const log = await store.readEvents('demo', '/a', 0, 10);
    expect(log.events.map((e) => e.type)).toEqual(['comment:created', 'comment:deleted']);
  });

  it('takes one of a reader’s two reports sent at the same moment', async () => {
    await open();
    const c = comment();
    await store.createComment(c, 'double-report');
    const twice = { reporterId: 'reader-1', reason: 'spam' as const, note: null, at };
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.all([store.reportComment('demo', '/a', c.id, twice, 2), store.reportComment('demo', '/a', c.id, twice, 2)]);
      expect(results.map((r) => r.ok && r.first).sort()).toEqual(round === 0 ? [false, true] : [false, false]);
    }
    expect(await store.getComment('demo', '/a', c.id)).toEqual({ ...c, reports: [twice] });
  });

  it('counts comments that an earlier version of the store recorded as that version counted them', async () => {
    await open();
    const published = comment();
    const waiting = held();
    await store.createComment(published, 'legacy-key-1');
    await store.createComment(waiting, 'legacy-key-2');
    // The layout before revisions: ids in the recorded set, no counted entries.
    const a = authorKeys(prefix, 'demo', 'author-a');
    await admin.del(a.counted);
    await admin.zAdd(a.recorded, [
      { score: 1, value: published.id },
      { score: 2, value: waiting.id },
    ]);
    expect((await store.decideComment('demo', '/a', waiting.id, approve(), seen(0))).ok).toBe(true);
    expect((await store.decideComment('demo', '/a', published.id, reject(), seen(0))).ok).toBe(true);
    expect(await store.getAuthorHistory('demo', 'author-a')).toMatchObject({ approvedCount: 1, rejectedCount: 1 });
    expect((await store.getAuthorHistory('demo', 'author-a')).recentPosts).toHaveLength(2);
  });

  it('keeps every key a decision, report, reply, like, edit or deletion touches under its thread’s, its site’s or its author’s hash tag', async () => {
    await open();
    const c = held();
    await store.createComment(c, 'tag-key-1');
    await store.decideComment('demo', '/a', c.id, approve(), seen(0));
    await store.reportComment('demo', '/a', c.id, { reporterId: 'reader-1', reason: 'spam', note: null, at }, 3);
    const reply = comment({ parentId: c.id, rootId: c.id, depth: 1, replyTo: c.authorName });
    await store.createComment(reply, 'tag-key-2');
    expect(await store.reactToComment('demo', '/a', reply.id, 'reader-1', true)).toMatchObject({ ok: true, likes: 1 });
    const edited = await store.editComment('demo', '/a', reply.id, {
      authorId: reply.authorId,
      text: 'diubah',
      editedAt: reply.createdAt + 1,
      moderation: reply.moderation,
      status: 'published',
      revision: 0,
    });
    expect(edited).toMatchObject({ ok: true, event: { type: 'comment:updated' } });
    expect(await store.deleteComment('demo', '/a', c.id, c.authorId, at)).toMatchObject({ ok: true });
    expect((await store.getThreadPage('demo', '/a', FIRST_PAGE)).comments.map((x) => [x.id, x.status])).toEqual([[c.id, 'deleted']]);
    await store.setAuthorTrusted('demo', 'author-a', true);
    await store.setSitePolicy('demo', { policy: {}, updatedAt: at, updatedBy: 'ani@example.com' });
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
    const tags = new Set(keys.map((key) => /^[^:]+:\{([^}]*)\}:/.exec(key)?.[1]));
    expect([...tags].sort()).toEqual(['a:demo:author-a', 'demo:/a', 'q:demo']);
  });

  it('keeps likes and reply counts beside the comment’s JSON, so a moderator’s decision read before a like still lands', async () => {
    await open();
    const c = comment();
    await store.createComment(c, 'beside-key-1');
    const k = threadKeys(prefix, 'demo', '/a');
    const raw = await admin.get(k.comment(c.id));
    const seenBefore = await store.getComment('demo', '/a', c.id);
    await store.reactToComment('demo', '/a', c.id, 'reader-1', true);
    await store.createComment(comment({ parentId: c.id, rootId: c.id, depth: 1, replyTo: c.authorName }), 'beside-key-2');
    expect(await admin.get(k.comment(c.id))).toBe(raw);
    expect(await store.getComment('demo', '/a', c.id)).toEqual({ ...c, likes: 1, replyCount: 1 });
    const result = await store.decideComment('demo', '/a', c.id, reject(), seen(seenBefore?.revision ?? 0));
    expect(result).toMatchObject({ ok: true, comment: { status: 'rejected', likes: 1, replyCount: 1 }, event: { type: 'comment:deleted' } });
  });

  it('counts likes sent at the same moment once per reader, and keeps one place per comment in the listing by likes', async () => {
    await open();
    const loved = comment();
    const other = comment();
    await store.createComment(loved, 'likes-at-once-1');
    await store.createComment(other, 'likes-at-once-2');
    const readers = Array.from({ length: 30 }, (_, i) => `reader-${i % 20}`);
    const results = await Promise.all(readers.map((reader) => store.reactToComment('demo', '/a', loved.id, reader, true)));
    expect(results.filter((r) => r.ok && r.event !== null)).toHaveLength(20);
    await Promise.all(['reader-1', 'reader-2', 'reader-2'].map((reader) => store.reactToComment('demo', '/a', loved.id, reader, false)));
    expect((await store.getComment('demo', '/a', loved.id))?.likes).toBe(18);
    const k = threadKeys(prefix, 'demo', '/a');
    expect(await admin.zRange(k.byLikes, 0, -1)).toEqual([
      `0000000000:${String(other.createdAt).padStart(16, '0')}:${other.id}`,
      `0000000018:${String(loved.createdAt).padStart(16, '0')}:${loved.id}`,
    ]);
    const log = await store.readEvents('demo', '/a', 2, 100);
    expect(log.events.map((e) => e.seq)).toEqual(Array.from({ length: 22 }, (_, i) => i + 3));
    expect(log.events.at(-1)).toMatchObject({ type: 'comment:liked', likes: 18 });
  });

  it('lets exactly one of an edit and a moderator’s decision made on the same revision at the same moment win', async () => {
    await open();
    for (let round = 0; round < 5; round += 1) {
      const c = held({ createdAt: at + round });
      await store.createComment(c, `edit-vs-decision-${round}`);
      const [edited, decided] = await Promise.all([
        store.editComment('demo', '/a', c.id, {
          authorId: c.authorId,
          text: 'bersih',
          editedAt: at + 100,
          moderation: { action: 'publish', reasons: [] },
          status: 'published',
          revision: 0,
        }),
        store.decideComment('demo', '/a', c.id, reject(), seen(0)),
      ]);
      expect([edited.ok, decided.ok].filter(Boolean)).toHaveLength(1);
      // Read before the decision landed: CONFLICT; read after it: a rejected comment, which no edit reaches.
      if (!edited.ok) expect(['CONFLICT', 'NOT_FOUND']).toContain(edited.code);
      if (!decided.ok) expect(decided.code).toBe('ALREADY_DECIDED');
      const stored = await store.getComment('demo', '/a', c.id);
      expect(stored?.revision).toBe(1);
      expect(stored?.status).toBe(edited.ok ? 'published' : 'rejected');
    }
  });

  it('answers a filtered page after a bounded walk of the queue, with a cursor to walk on', async () => {
    await open({ queueScanLimit: 10 });
    const wanted = held({ text: 'tambang ilegal', createdAt: at });
    await store.createComment(wanted, 'scan-key-0');
    for (let i = 1; i <= 25; i += 1) await store.createComment(held({ createdAt: at + i }), `scan-key-${i}`);
    const pages: number[] = [];
    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<CommentStore['listQueue']>> = await store.listQueue('demo', 'pending', {
        order: 'newest',
        cursor,
        limit: 5,
        search: 'TAMBANG',
      });
      pages.push(page.items.length);
      found.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 10);
    expect(found).toEqual([wanted.id]);
    expect(pages).toEqual([0, 0, 1]);
  });
});
