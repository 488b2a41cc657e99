import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, createEmbeddedStore } from './embedded-store.ts';
import { SCHEMA_VERSION } from './sqlite/schema.ts';
import { describeModerationContract } from './moderation.contract.ts';
import { describeSiteDirectoryContract } from './site.contract.ts';
import { threadQuery } from './contract-fixtures.ts';
import { describeCommentStoreContract, type StoreHarness } from './store.contract.ts';
import { describeThreadContract } from './thread.contract.ts';
import { describeCommentTransferContract } from './transfer.contract.ts';
import type { CommentStore, ModeratorAccount, NewComment } from './types.ts';

async function openEmbedded(): Promise<StoreHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rembuk-embedded-'));
  let current: CommentStore = await createEmbeddedStore({ dataDir });
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await createEmbeddedStore({ dataDir });
      return current;
    },
    async cleanup() {
      await current.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
    // A trigger on the authors table aborts the create's transaction half-way, for real.
    breakAuthorHistory(site, authorId) {
      const name = `break_${createHash('sha1').update(`${site}\0${authorId}`).digest('hex').slice(0, 12)}`;
      const when = `NEW.site = ${quote(site)} AND NEW.author_id = ${quote(authorId)}`;
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.exec(`CREATE TRIGGER ${name}_i BEFORE INSERT ON authors WHEN ${when} BEGIN SELECT RAISE(ABORT, 'history broken by the test'); END;
               CREATE TRIGGER ${name}_u BEFORE UPDATE ON authors WHEN ${when} BEGIN SELECT RAISE(ABORT, 'history broken by the test'); END;`);
      db.close();
      return Promise.resolve(() => {
        const repair = new Database(join(dataDir, DATABASE_FILE));
        repair.exec(`DROP TRIGGER ${name}_i; DROP TRIGGER ${name}_u;`);
        repair.close();
        return Promise.resolve();
      });
    },
  };
}

describeCommentStoreContract('embedded', openEmbedded);
describeModerationContract('embedded', openEmbedded);
describeSiteDirectoryContract('embedded', openEmbedded);
describeCommentTransferContract('embedded', openEmbedded);
describeThreadContract('embedded', openEmbedded);

/** Takes a schema 3 database back to what schema 2 was (the queue column and indexes of V3 gone). */
const UNDO_V3 = `
DROP INDEX comments_queue_by_page;
DROP INDEX comments_queue;
ALTER TABLE comments DROP COLUMN queued_at;
CREATE INDEX comments_queue ON comments (site, status, created_at);
`;

/**
 * Takes a schema 6 database back to what schema 5 was: V6's columns, indexes and likes table
 * gone, v1's page index back, and 0021's fields out of the stored JSON, as a v5 store wrote it.
 */
const UNDO_V6 = `
DROP TABLE likes;
DROP INDEX comments_replies;
DROP INDEX comments_top_by_likes;
DROP INDEX comments_top_by_time;
CREATE INDEX comments_published ON comments (site, page, seq) WHERE status = 'published';
ALTER TABLE moderators DROP COLUMN name;
ALTER TABLE comments DROP COLUMN listed;
ALTER TABLE comments DROP COLUMN reply_count;
ALTER TABLE comments DROP COLUMN likes;
ALTER TABLE comments DROP COLUMN depth;
ALTER TABLE comments DROP COLUMN root_id;
UPDATE comments SET data = json_remove(data, '$.rootId', '$.depth', '$.replyTo', '$.authorKind', '$.avatarUrl', '$.editedAt', '$.likes', '$.replyCount');
`;

/** Takes a schema 5 database back to what schema 4 was (no sites table). */
const UNDO_V5 = `
DROP TABLE sites;
`;

/** Takes a schema 4 database back to what schema 3 was (V4's tables, columns and indexes gone; v3's queue indexes back). */
const UNDO_V4 = `
DROP TABLE sign_in_links;
DROP TABLE site_policies;
DROP TABLE audit;
DROP TABLE daily_rules;
DROP TABLE daily_counts;
DROP TABLE comment_rules;
ALTER TABLE authors DROP COLUMN trusted;
DROP INDEX comments_by_site_time;
DROP INDEX comments_queue_by_author;
DROP INDEX comments_queue_by_page;
DROP INDEX comments_queue;
ALTER TABLE comments DROP COLUMN queue;
CREATE INDEX comments_queue ON comments (site, status, queued_at) WHERE queued_at IS NOT NULL;
CREATE INDEX comments_queue_by_page ON comments (site, page, status, queued_at) WHERE queued_at IS NOT NULL;
`;

/** A comment as written before 0021: none of its fields (a reply's root was its parent then). */
function before0021(c: NewComment) {
  const { rootId: _r, depth: _d, replyTo: _t, authorKind: _k, avatarUrl: _a, editedAt: _e, likes: _l, replyCount: _c, ...old } = c;
  return old;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

function comment(id: string, over: Partial<NewComment> = {}): NewComment {
  return {
    id,
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
    text: 'halo',
    status: 'published',
    createdAt: 1,
    editedAt: null,
    likes: 0,
    replyCount: 0,
    moderation: { action: 'publish', reasons: [] },
    ...over,
  };
}

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rembuk-sqlite-'));
  try {
    await run(dir);
  } finally {
    chmodSync(dir, 0o700);
    await rm(dir, { recursive: true, force: true });
  }
}

describe('embedded store on SQLite', () => {
  it('creates DATA_DIR readable by its owner only, and every file in it 0600', () =>
    withDir(async (parent) => {
      const dataDir = join(parent, 'data');
      const store = await createEmbeddedStore({ dataDir });
      await store.createComment(comment('comment-perm-1'), 'key-perm-0001');
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files.sort()).toEqual(['lock.db', 'lock.pid', DATABASE_FILE, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-wal`]);
      for (const name of files) expect({ name, mode: statSync(join(dataDir, name)).mode & 0o777 }).toEqual({ name, mode: 0o600 });
      await store.close();
    }));

  it('makes an existing world-readable DATA_DIR private', () =>
    withDir(async (dataDir) => {
      chmodSync(dataDir, 0o755);
      const store = await createEmbeddedStore({ dataDir });
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      await store.close();
    }));

  it('refuses a second store on the same DATA_DIR in this process, naming the holder', () =>
    withDir(async (dataDir) => {
      const first = await createEmbeddedStore({ dataDir });
      await expect(createEmbeddedStore({ dataDir })).rejects.toThrow(new RegExp(`in use by another Rembuk server \\(process ${process.pid} `));
      await first.close();
      const again = await createEmbeddedStore({ dataDir });
      await again.close();
    }));

  it('refuses a second server process on the same DATA_DIR, and frees it when the first dies', () =>
    withDir(async (dataDir) => {
      const first = await createEmbeddedStore({ dataDir });
      const script = `import { createEmbeddedStore } from ${JSON.stringify(resolve('server/store/embedded-store.ts'))};
        try { const s = await createEmbeddedStore({ dataDir: ${JSON.stringify(dataDir)} }); await s.close(); console.log('opened'); }
        catch (e) { console.log(e.code + ': ' + e.message); }`;
      const other = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(other.stdout).toMatch(new RegExp(`^DATA_DIR_IN_USE: DATA_DIR .* is in use by another Rembuk server \\(process ${process.pid} on `));
      await first.close();
      const after = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(after.stdout.trim()).toBe('opened');
    }));

  it('imports an existing journal.jsonl once, then renames it, keeping seqs, keys, history and bans, replies under their roots', () =>
    withDir(async (dataDir) => {
      const a = comment('comment-old-1', { text: 'dari jurnal', createdAt: 10 });
      const held = comment('comment-old-2', { status: 'pending', createdAt: 20, moderation: { action: 'hold', reasons: [] } });
      const b = comment('comment-old-3', { createdAt: 30, authorId: 'author-b' });
      const reply = comment('comment-old-4', { createdAt: 40, authorId: 'author-b', parentId: a.id, rootId: a.id, depth: 1 });
      // The journal predates 0021: its comments have none of its fields.
      const lines = [
        { v: 1, op: 'comment.create', comment: before0021(a), seq: 1, key: 'old-key-0001' },
        { v: 1, op: 'comment.create', comment: before0021(held), seq: null, key: 'old-key-0002' },
        { v: 1, op: 'comment.create', comment: before0021(b), seq: 2, key: 'old-key-0003' },
        { v: 1, op: 'comment.create', comment: before0021(reply), seq: 3, key: 'old-key-0004' },
        { v: 1, op: 'author.ban', site: 'demo', authorId: 'author-b', until: 999 },
      ].map((r) => JSON.stringify(r));
      // A torn last line (a crash mid-append) was never acknowledged and is not imported.
      writeFileSync(join(dataDir, 'journal.jsonl'), `${lines.join('\n')}\n{"v":1,"op":"comment.cre`);
      const reports: unknown[] = [];
      const store = await createEmbeddedStore({ dataDir, onImport: (r) => reports.push(r) });
      expect(reports).toEqual([{ records: 5, skippedLines: 0, tornTail: true, renamedTo: join(dataDir, 'journal.jsonl.imported') }]);
      expect(existsSync(join(dataDir, 'journal.jsonl'))).toBe(false);
      const page = await store.getThreadPage('demo', '/a', threadQuery(10));
      expect(page).toEqual({ comments: [b, { ...a, replyCount: 1 }], replies: [reply], nextCursor: null, count: 3, seq: 3, liked: [] });
      expect(await store.listPendingByAuthor('demo', '/a', 'author-a')).toEqual([held]);
      expect(
        (await store.readEvents('demo', '/a', 0, 10)).events.map((e) => [
          e.seq,
          e.type === 'comment:created' ? e.comment.id : null,
          'count' in e && e.count,
        ]),
      ).toEqual([
        [1, a.id, 1],
        [2, b.id, 2],
        [3, reply.id, 3],
      ]);
      expect((await store.createComment(comment('comment-new-1'), 'old-key-0001')).duplicate).toBe(true);
      expect((await store.createComment(comment('comment-new-2'), 'new-key-0001')).event?.seq).toBe(4);
      expect(await store.getAuthorHistory('demo', 'author-b')).toMatchObject({ approvedCount: 2, bannedUntil: 999 });
      await store.close();
      const reopened = await createEmbeddedStore({ dataDir, onImport: (r) => reports.push(r) });
      expect(reports).toHaveLength(1);
      expect((await reopened.getThreadPage('demo', '/a', threadQuery(10))).count).toBe(4);
      await reopened.close();
    }));

  it('answers a write on a read-only database with StoreUnavailableError, stores nothing, and recovers when writable again', () =>
    withDir(async (dataDir) => {
      const store = await createEmbeddedStore({ dataDir });
      await store.createComment(comment('comment-ro-01'), 'key-ro-000001');
      const db = new Database(join(dataDir, DATABASE_FILE));
      // A real failure the writer cannot get around: a trigger that makes every insert fail as a full disk would.
      db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON comments BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;");
      db.close();
      await expect(store.createComment(comment('comment-ro-02'), 'key-ro-000002')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect((await store.getThreadPage('demo', '/a', threadQuery(10))).count).toBe(1);
      const fix = new Database(join(dataDir, DATABASE_FILE));
      fix.exec('DROP TRIGGER full_disk;');
      fix.close();
      const next = await store.createComment(comment('comment-ro-02'), 'key-ro-000002');
      expect(next.event?.seq).toBe(2);
      await store.close();
    }));

  it('says why it is unhealthy when the database file cannot be written', () =>
    withDir(async (dataDir) => {
      if (process.getuid?.() === 0) {
        // root ignores file modes; a read-only bind is out of reach here, so break the file instead.
        const store = await createEmbeddedStore({ dataDir });
        const db = new Database(join(dataDir, DATABASE_FILE));
        db.exec("CREATE TRIGGER no_probe BEFORE INSERT ON meta BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;");
        db.exec("CREATE TRIGGER no_probe_u BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;");
        db.close();
        const health = await store.health();
        expect(health.ok).toBe(false);
        expect(!health.ok && health.reason).toMatch(/readonly database/);
        await store.close();
        return;
      }
      const store = await createEmbeddedStore({ dataDir });
      chmodSync(join(dataDir, DATABASE_FILE), 0o400);
      const health = await store.health();
      expect(health.ok).toBe(false);
      await store.close();
    }));

  it('commits many concurrent writes together and answers each', () =>
    withDir(async (dataDir) => {
      const store = await createEmbeddedStore({ dataDir });
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => store.createComment(comment(`comment-gc-${String(i).padStart(4, '0')}`), `key-gc-${i}-xyz`)),
      );
      expect(new Set(results.map((r) => r.event?.seq)).size).toBe(200);
      expect((await store.getThreadPage('demo', '/a', threadQuery(1))).count).toBe(200);
      await store.close();
    }));

  it('refuses a database written by a newer schema instead of guessing', () =>
    withDir(async (dataDir) => {
      mkdirSync(dataDir, { recursive: true });
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.pragma('user_version = 99');
      db.close();
      await expect(createEmbeddedStore({ dataDir })).rejects.toThrow(/newer Rembuk/);
      // The failed start released the lock.
      const db2 = new Database(join(dataDir, DATABASE_FILE));
      db2.pragma('user_version = 0');
      db2.close();
      const store = await createEmbeddedStore({ dataDir });
      await store.close();
    }));

  it('upgrades a schema 1 database in place, keeping its comments, and adds the moderator tables', () =>
    withDir(async (dataDir) => {
      const store = await createEmbeddedStore({ dataDir });
      const kept = comment('comment-v1-01');
      await store.createComment(kept, 'key-v1-000001');
      await store.close();
      // Back to exactly what schema 1 was: its tables, no moderator tables, user_version 1.
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.exec(`${UNDO_V6} ${UNDO_V5} ${UNDO_V4} DROP TABLE moderator_sessions; DROP TABLE moderators; ${UNDO_V3}`);
      db.pragma('user_version = 1');
      db.close();

      const upgraded = await createEmbeddedStore({ dataDir });
      expect(await upgraded.getComment('demo', '/a', kept.id)).toEqual(kept);
      expect((await upgraded.createComment(comment('comment-v1-02'), 'key-v1-000002')).event?.seq).toBe(2);
      expect(await upgraded.createModerator(moderator('mod-v2', 'ani@example.com'))).toBe(true);
      expect(await upgraded.findModeratorByEmail('ani@example.com')).toMatchObject({ id: 'mod-v2' });
      await upgraded.close();
      const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check.close();
    }));

  it('upgrades a schema 2 database in place, putting its held and rejected comments in their queues', () =>
    withDir(async (dataDir) => {
      const store = await createEmbeddedStore({ dataDir });
      const published = comment('comment-v2-01');
      const held = { ...comment('comment-v2-02'), status: 'pending' as const, createdAt: 2_000 };
      const rejected = { ...comment('comment-v2-03'), status: 'rejected' as const, createdAt: 3_000 };
      await store.createComment(published, 'key-v2-000001');
      await store.createComment(held, 'key-v2-000002');
      await store.createComment(rejected, 'key-v2-000003');
      await store.close();
      // Back to exactly what schema 2 was: no queued_at, v1's queue index, user_version 2.
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.exec(UNDO_V6 + UNDO_V5 + UNDO_V4 + UNDO_V3);
      db.pragma('user_version = 2');
      db.close();

      const upgraded = await createEmbeddedStore({ dataDir });
      const first = { order: 'newest' as const, cursor: null, limit: 10 };
      expect(await upgraded.queueCounts('demo')).toEqual({ pending: 1, reported: 0, rejected: 1, approved: 0 });
      expect((await upgraded.listQueue('demo', 'pending', first)).items).toEqual([held]);
      expect((await upgraded.listQueue('demo', 'rejected', first)).items).toEqual([rejected]);
      const decision = { action: 'approve' as const, moderatorId: 'mod-v3', reason: null, at: 5_000 };
      const decided = await upgraded.decideComment('demo', '/a', held.id, decision, {
        revision: 0,
        audit: { id: 'audit-v3', moderatorEmail: 'ani@example.com' },
      });
      expect(decided.ok && decided.event?.seq).toBe(2);
      expect((await upgraded.listQueue('demo', 'approved', first)).items).toEqual([{ ...held, status: 'published', decision, revision: 1 }]);
      await upgraded.close();
      const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check.close();
    }));

  it('upgrades a schema 3 database in place: queues by name, rule filters, daily figures from what it kept, and the new tables', () =>
    withDir(async (dataDir) => {
      const day = Date.UTC(2026, 2, 1, 10);
      const reasons = [{ rule: 'links' as const, action: 'hold' as const, message: { en: 'Links', id: 'Tautan' }, spans: [] }];
      const store = await createEmbeddedStore({ dataDir });
      const published = comment('comment-v3-01', { createdAt: day });
      const held = comment('comment-v3-02', { status: 'pending', createdAt: day + 1, moderation: { action: 'hold', reasons } });
      const waiting = comment('comment-v3-03', { status: 'pending', createdAt: day + 2, moderation: { action: 'hold', reasons } });
      const rejected = comment('comment-v3-04', { status: 'rejected', createdAt: day + 3 });
      for (const [i, c] of [published, held, waiting, rejected].entries()) await store.createComment(c, `key-v3-00000${i}`);
      const decision = { action: 'approve' as const, moderatorId: 'mod-v3', reason: null, at: day + 86_400_000 };
      await store.decideComment('demo', '/a', held.id, decision, { revision: 0, audit: { id: 'audit-v3', moderatorEmail: 'ani@example.com' } });
      await store.close();
      // Back to exactly what schema 3 was: queues by status, no V4 tables, user_version 3.
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.exec(UNDO_V6 + UNDO_V5 + UNDO_V4);
      db.pragma('user_version = 3');
      db.close();

      const upgraded = await createEmbeddedStore({ dataDir });
      const first = { order: 'newest' as const, cursor: null, limit: 10 };
      expect(await upgraded.queueCounts('demo')).toEqual({ pending: 1, reported: 0, rejected: 1, approved: 1 });
      expect((await upgraded.listQueue('demo', 'approved', first)).items.map((c) => c.id)).toEqual([held.id]);
      expect((await upgraded.listQueue('demo', 'pending', { ...first, rule: 'links' })).items).toEqual([waiting]);
      const zero = { published: 0, held: 0, rejected: 0, approvedByModerator: 0, rejectedByModerator: 0, rules: {} };
      expect(await upgraded.getDailyStats('demo', ['2026-03-01', '2026-03-02'])).toEqual([
        { ...zero, day: '2026-03-01', published: 1, held: 2, rejected: 1, rules: { links: 2 } },
        { ...zero, day: '2026-03-02', approvedByModerator: 1 },
      ]);
      expect(await upgraded.getAuthorHistory('demo', 'author-a')).toMatchObject({ approvedCount: 2, rejectedCount: 1, trusted: false });
      const reported = await upgraded.reportComment(
        'demo',
        '/a',
        published.id,
        { reporterId: 'reader-1', reason: 'spam', note: null, at: day + 5 },
        3,
      );
      expect(reported).toMatchObject({ ok: true, first: true });
      expect(await upgraded.queueCounts('demo')).toEqual({ pending: 1, reported: 1, rejected: 1, approved: 1 });
      await upgraded.setSitePolicy('demo', { policy: {}, updatedAt: day, updatedBy: 'ani@example.com' });
      expect(await upgraded.getSitePolicy('demo')).toMatchObject({ updatedBy: 'ani@example.com' });
      await upgraded.close();
      const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check.close();
    }));

  it('upgrades a schema 4 database in place, keeping its comments and moderators, and adds the sites table', () =>
    withDir(async (dataDir) => {
      const store = await createEmbeddedStore({ dataDir });
      const kept = comment('comment-v4-01');
      await store.createComment(kept, 'key-v4-000001');
      await store.createModerator(moderator('mod-v4', 'ani@example.com'));
      await store.close();
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.exec(UNDO_V6 + UNDO_V5);
      db.pragma('user_version = 4');
      db.close();

      const upgraded = await createEmbeddedStore({ dataDir });
      expect(await upgraded.getComment('demo', '/a', kept.id)).toEqual(kept);
      expect(await upgraded.getModerator('mod-v4')).toMatchObject({ email: 'ani@example.com' });
      expect(await upgraded.listSites()).toEqual([]);
      const berita = {
        id: 'berita',
        name: 'Berita',
        origins: ['https://berita.example'],
        ssoSecret: 's'.repeat(43),
        preModerated: false,
        closedPages: [],
        moderation: null,
        alerts: null,
        createdAt: 1,
        updatedAt: 1,
      };
      expect(await upgraded.createSite(berita)).toBe(true);
      expect(await upgraded.listSites()).toEqual([berita]);
      await upgraded.close();
      const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check.close();
    }));

  it('upgrades a schema 5 database in place: replies get their root and depth, roots their reply counts, tombstones with replies stay listed', () =>
    withDir(async (dataDir) => {
      const store = await createEmbeddedStore({ dataDir });
      const root = comment('comment-v5-01', { createdAt: 10 });
      const reply = comment('comment-v5-02', { createdAt: 20, parentId: root.id, rootId: root.id, depth: 1 });
      const deeper = comment('comment-v5-03', { createdAt: 30, parentId: reply.id, rootId: root.id, depth: 2 });
      const held = comment('comment-v5-04', { createdAt: 40, parentId: reply.id, rootId: root.id, depth: 2, status: 'pending' });
      const gone = comment('comment-v5-05', { createdAt: 50 });
      const underGone = comment('comment-v5-06', { createdAt: 60, parentId: gone.id, rootId: gone.id, depth: 1 });
      const alone = comment('comment-v5-07', { createdAt: 70, status: 'pending' });
      for (const c of [root, reply, deeper, held, gone, underGone, alone]) await store.createComment(c, `key-${c.id}`);
      await store.close();
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.exec(UNDO_V6);
      // A v5 tombstone (it came by import then): deleted, its text gone, its reply still published.
      db.prepare(`UPDATE comments SET status = 'deleted', seq = NULL, data = json_set(data, '$.status', 'deleted', '$.text', '') WHERE id = ?`).run(
        gone.id,
      );
      db.pragma('user_version = 5');
      db.close();

      const upgraded = await createEmbeddedStore({ dataDir });
      const page = await upgraded.getThreadPage('demo', '/a', threadQuery(10));
      expect(page.comments).toEqual([
        { ...gone, status: 'deleted', text: '', replyCount: 1 },
        { ...root, replyCount: 2 },
      ]);
      // Old JSON had no `replyTo`; the rest is as the chain says.
      expect(page.replies).toEqual([underGone, reply, deeper]);
      expect(await upgraded.getComment('demo', '/a', held.id)).toEqual(held);
      expect((await upgraded.reactToComment('demo', '/a', deeper.id, 'reader-1', true)).ok).toBe(true);
      expect((await upgraded.getThreadPage('demo', '/a', { ...threadQuery(10), sort: 'likes', viewerId: 'reader-1' })).liked).toEqual([deeper.id]);
      await upgraded.close();
      const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check.close();
    }));

  it('lets an admin command open the DATA_DIR beside a running server, whose reads see its writes at once', () =>
    withDir(async (dataDir) => {
      const server = await createEmbeddedStore({ dataDir });
      // A legacy journal that appears now is the server's to import at its next start, not the command's.
      writeFileSync(join(dataDir, 'journal.jsonl'), '');
      const admin = await createEmbeddedStore({ dataDir, besideRunningServer: true });
      expect(existsSync(join(dataDir, 'journal.jsonl'))).toBe(true);

      const ani = moderator('mod-beside-1', 'ani@example.com');
      expect(await admin.createModerator(ani)).toBe(true);
      expect(await server.findModeratorByEmail('ANI@example.com')).toEqual(ani);
      const session = { id: 'a'.repeat(64), moderatorId: ani.id, createdAt: 2_000, expiresAt: 10_000 };
      await server.createSession(session);
      expect(await admin.getSession(session.id, 3_000)).toEqual(session);
      // A password change from the command signs the server's session out, without a restart.
      expect(await admin.updateModerator(ani.id, { passwordHash: 'scrypt$changed', passwordChangedAt: 2_500 })).toBe(true);
      expect(await server.getSession(session.id, 3_000)).toBeNull();
      await admin.close();

      // The server's lock was not touched: a second server is still refused, and the server still writes.
      await expect(createEmbeddedStore({ dataDir })).rejects.toThrow(/in use by another Rembuk server/);
      expect((await server.createComment(comment('comment-beside-1'), 'key-beside-0001')).event?.seq).toBe(1);
      expect(await server.listModerators()).toEqual([{ ...ani, passwordHash: 'scrypt$changed', passwordChangedAt: 2_500 }]);
      await server.close();
    }));

  it('takes an admin command’s writes from another process while the server runs', () =>
    withDir(async (dataDir) => {
      const server = await createEmbeddedStore({ dataDir });
      const script = `import { createEmbeddedStore } from ${JSON.stringify(resolve('server/store/embedded-store.ts'))};
        const s = await createEmbeddedStore({ dataDir: ${JSON.stringify(dataDir)}, besideRunningServer: true });
        const ok = await s.createModerator(${JSON.stringify(moderator('mod-cli-1', 'budi@example.com'))});
        await s.close(); console.log(ok ? 'created' : 'taken');`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      expect(child.stdout.trim()).toBe('created');
      expect(await server.getModerator('mod-cli-1')).toMatchObject({ email: 'budi@example.com' });
      await server.close();
    }));
});

function moderator(id: string, email: string): ModeratorAccount {
  return { id, email, role: 'moderator', sites: ['demo'], passwordHash: 'scrypt$16384$8$1$c2FsdA$a2V5', createdAt: 1_000, passwordChangedAt: 1_000 };
}
