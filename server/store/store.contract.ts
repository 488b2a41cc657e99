/**
 * Every behaviour of CommentStore, written once. Each implementation's test file calls
 * `describeCommentStoreContract` with a factory; nothing here knows which backend it runs on.
 */
import { describe, expect, it } from 'vitest';
import { freshHarness, newComment, threadQuery, UNSEEN_AUTHOR, type StoreHarness } from './contract-fixtures.ts';
import {
  AUTHOR_RECENT_KEPT,
  type CommentStore,
  type CreateCommentResult,
  type DecideOptions,
  type Decision,
  type ModeratorAccount,
  type ModeratorSession,
  type NewComment,
} from './types.ts';

export type { StoreHarness } from './contract-fixtures.ts';

export function describeCommentStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} store (contract)`, () => {
    const fresh = freshHarness(open);

    it('shows an empty thread with no comments, count 0 and seq 0', async () => {
      const { store } = await fresh();
      const page = await store.getThreadPage('demo', '/article', threadQuery(20));
      expect(page).toEqual({ comments: [], replies: [], nextCursor: null, count: 0, seq: 0, liked: [] });
      const events = await store.readEvents('demo', '/article', 0, 100);
      expect(events).toEqual({ events: [], seq: 0, complete: true });
    });

    it('counts the published comments of several threads at once, 0 for a thread with none', async () => {
      const { store } = await fresh();
      await store.createComment(newComment({ page: '/a' }), 'key-count-01');
      await store.createComment(newComment({ page: '/a' }), 'key-count-02');
      await store.createComment(newComment({ page: '/b' }), 'key-count-03');
      await store.createComment(newComment({ page: '/b', status: 'pending' }), 'key-count-04');
      await store.createComment(newComment({ site: 'other', page: '/c' }), 'key-count-05');
      expect(await store.countThreads('demo', ['/a', '/b', '/c', '/none'])).toEqual({ '/a': 2, '/b': 1, '/c': 0, '/none': 0 });
      expect(await store.countThreads('demo', [])).toEqual({});
    });

    it('lists a published comment, counts it and appends the first thread event', async () => {
      const { store } = await fresh();
      const comment = newComment({ text: 'Hilirisasi nikel perlu standar lingkungan 🌱' });
      const result = await store.createComment(comment, 'key-00000001');
      expect(result.duplicate).toBe(false);
      expect(result.comment).toEqual(comment);
      expect(result.event).toEqual({ type: 'comment:created', page: '/article', seq: 1, comment: publicOf(comment), count: 1 });
      const page = await store.getThreadPage('demo', '/article', threadQuery(20));
      expect(page.comments).toEqual([comment]);
      expect(page.count).toBe(1);
      expect(page.seq).toBe(1);
      expect(await store.getComment('demo', '/article', comment.id)).toEqual(comment);
    });

    it('keeps a held comment out of the thread and shows it only in its author’s pending list', async () => {
      const { store } = await fresh();
      const held = newComment({
        status: 'pending',
        moderation: {
          action: 'hold',
          reasons: [{ rule: 'profanity', action: 'hold', message: { en: 'Profanity', id: 'Kata kasar' }, spans: [{ start: 0, end: 4 }] }],
        },
      });
      const result = await store.createComment(held, 'key-00000002');
      expect(result.event).toBeNull();
      const page = await store.getThreadPage('demo', '/article', threadQuery(20));
      expect(page).toEqual({ comments: [], replies: [], nextCursor: null, count: 0, seq: 0, liked: [] });
      expect(await store.listPendingByAuthor('demo', '/article', 'author-a')).toEqual([held]);
      expect(await store.listPendingByAuthor('demo', '/article', 'author-b')).toEqual([]);
      expect(await store.getComment('demo', '/article', held.id)).toEqual(held);
    });

    it('stores a rejected comment for the record but shows it to no reader', async () => {
      const { store } = await fresh();
      const rejected = newComment({ status: 'rejected', moderation: { action: 'reject', reasons: [] } });
      const result = await store.createComment(rejected, 'key-00000003');
      expect(result.event).toBeNull();
      expect((await store.getThreadPage('demo', '/article', threadQuery(20))).comments).toEqual([]);
      expect(await store.listPendingByAuthor('demo', '/article', 'author-a')).toEqual([]);
      expect(await store.getComment('demo', '/article', rejected.id)).toEqual(rejected);
    });

    it('returns the first comment for a repeated idempotency key and writes nothing', async () => {
      const { store } = await fresh();
      const first = newComment();
      await store.createComment(first, 'same-key-123');
      const retry = await store.createComment(newComment({ text: 'a different body' }), 'same-key-123');
      expect(retry).toEqual({ comment: first, event: null, duplicate: true });
      const page = await store.getThreadPage('demo', '/article', threadQuery(20));
      expect(page.count).toBe(1);
      expect(page.seq).toBe(1);
    });

    it('finds a comment by its author’s idempotency key, and only in its own thread', async () => {
      const { store } = await fresh();
      const comment = newComment();
      expect(await store.findByIdempotencyKey('demo', '/article', 'author-a', 'find-key-01')).toBeNull();
      await store.createComment(comment, 'find-key-01');
      expect(await store.findByIdempotencyKey('demo', '/article', 'author-a', 'find-key-01')).toEqual(comment);
      expect(await store.findByIdempotencyKey('demo', '/article', 'author-b', 'find-key-01')).toBeNull();
      expect(await store.findByIdempotencyKey('demo', '/other', 'author-a', 'find-key-01')).toBeNull();
    });

    it('stores one comment when the same key is sent twice at once', async () => {
      const { store } = await fresh();
      const [a, b] = await Promise.all([store.createComment(newComment(), 'race-key-1'), store.createComment(newComment(), 'race-key-1')]);
      expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
      expect(a.comment.id).toBe(b.comment.id);
      expect((await store.getThreadPage('demo', '/article', threadQuery(20))).count).toBe(1);
    });

    it('scopes idempotency keys to the author and the thread', async () => {
      const { store } = await fresh();
      await store.createComment(newComment(), 'shared-key-1');
      const otherAuthor = await store.createComment(newComment({ authorId: 'author-b' }), 'shared-key-1');
      const otherPage = await store.createComment(newComment({ page: '/other' }), 'shared-key-1');
      expect(otherAuthor.duplicate).toBe(false);
      expect(otherPage.duplicate).toBe(false);
    });

    it('pages newest first with cursors that neither skip nor repeat', async () => {
      const { store } = await fresh();
      const ids: string[] = [];
      for (let i = 0; i < 45; i += 1) {
        const c = newComment();
        ids.push(c.id);
        await store.createComment(c, `page-key-${i}00`);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      const sizes: number[] = [];
      do {
        const page = await store.getThreadPage('demo', '/article', threadQuery(20, cursor));
        sizes.push(page.comments.length);
        seen.push(...page.comments.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(sizes).toEqual([20, 20, 5]);
      expect(seen).toEqual([...ids].reverse());
    });

    it('gives a thread whose size is a multiple of the page no empty last page', async () => {
      const { store } = await fresh();
      for (let i = 0; i < 4; i += 1) await store.createComment(newComment(), `exact-key-${i}0`);
      const first = await store.getThreadPage('demo', '/article', threadQuery(2));
      const second = await store.getThreadPage('demo', '/article', threadQuery(2, first.nextCursor));
      expect(second.comments).toHaveLength(2);
      expect(second.nextCursor).toBeNull();
    });

    it('replays events after a sequence, in order, gap-free and limited', async () => {
      const { store } = await fresh();
      const comments = [];
      for (let i = 0; i < 7; i += 1) {
        const c = newComment();
        comments.push(c);
        await store.createComment(c, `ev-key-${i}000`);
      }
      const after3 = await store.readEvents('demo', '/article', 3, 100);
      expect(after3.seq).toBe(7);
      expect(after3.complete).toBe(true);
      expect(after3.events.map((e) => e.seq)).toEqual([4, 5, 6, 7]);
      expect(after3.events.map((e) => (e.type === 'comment:created' ? e.comment.id : null))).toEqual(comments.slice(3).map((c) => c.id));
      expect(after3.events.map((e) => ('count' in e ? e.count : null))).toEqual([4, 5, 6, 7]);
      const limited = await store.readEvents('demo', '/article', 0, 2);
      expect(limited.events.map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.readEvents('demo', '/article', 7, 100)).events).toEqual([]);
    });

    it('assigns unique, gap-free sequences to concurrent posts', async () => {
      const { store } = await fresh();
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => store.createComment(newComment(), `conc-key-${i}000`)));
      const seqs = results.map((r) => r.event?.seq).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const page = await store.getThreadPage('demo', '/article', threadQuery(50));
      expect(page.count).toBe(30);
      // A page is in creation order (0021), whatever order the concurrent writes took their seqs in.
      expect(page.comments.map((c) => c.id)).toEqual([...results].sort((a, b) => b.comment.createdAt - a.comment.createdAt).map((r) => r.comment.id));
    });

    it('keeps threads and sites apart', async () => {
      const { store } = await fresh();
      await store.createComment(newComment({ page: '/a' }), 'iso-key-0001');
      await store.createComment(newComment({ page: '/b' }), 'iso-key-0002');
      await store.createComment(newComment({ page: '/a', site: 'other-site' }), 'iso-key-0003');
      const a = await store.getThreadPage('demo', '/a', threadQuery(20));
      expect(a.count).toBe(1);
      expect(a.seq).toBe(1);
      expect((await store.getThreadPage('other-site', '/a', threadQuery(20))).count).toBe(1);
      expect((await store.getThreadPage('demo', '/c', threadQuery(20))).count).toBe(0);
    });

    it('returns null for a comment that does not exist', async () => {
      const { store } = await fresh();
      expect(await store.getComment('demo', '/article', 'nope-nope-nope')).toBeNull();
    });

    it('keeps every acknowledged write after the store is closed and opened again', async () => {
      const h = await fresh();
      const published = newComment({ text: 'tetap ada setelah restart' });
      const held = newComment({ status: 'pending', moderation: { action: 'hold', reasons: [] } });
      await h.store.createComment(published, 'durable-key-1');
      await h.store.createComment(held, 'durable-key-2');
      const reopened = await h.reopen();
      const page = await reopened.getThreadPage('demo', '/article', threadQuery(20));
      expect(page.comments).toEqual([published]);
      expect(page.seq).toBe(1);
      expect(await reopened.listPendingByAuthor('demo', '/article', 'author-a')).toEqual([held]);
      const retry = await reopened.createComment(newComment(), 'durable-key-1');
      expect(retry.duplicate).toBe(true);
      const next = await reopened.createComment(newComment(), 'durable-key-3');
      expect(next.event?.seq).toBe(2);
    });

    it('gives an author it has never seen an empty history', async () => {
      const { store } = await fresh();
      expect(await store.getAuthorHistory('demo', 'author-new')).toEqual(UNSEEN_AUTHOR);
    });

    it('records an author’s outcomes and recent posts across the site’s threads, newest first', async () => {
      const { store } = await fresh();
      await store.createComment(newComment({ text: 'satu', createdAt: 1000 }), 'hist-key-01');
      await store.createComment(newComment({ text: 'dua', createdAt: 2000, page: '/other' }), 'hist-key-02');
      await store.createComment(newComment({ text: 'tiga', createdAt: 3000, status: 'rejected' }), 'hist-key-03');
      await store.createComment(newComment({ text: 'empat', createdAt: 4000, status: 'pending' }), 'hist-key-04');
      await store.createComment(newComment({ text: 'satu lagi', createdAt: 5000 }), 'hist-key-01');
      await store.createComment(newComment({ text: 'lain', authorId: 'author-b' }), 'hist-key-05');
      await store.createComment(newComment({ text: 'situs lain', site: 'other-site' }), 'hist-key-06');
      const history = await store.getAuthorHistory('demo', 'author-a');
      expect(history.approvedCount).toBe(2);
      expect(history.rejectedCount).toBe(1);
      expect(history.recentPosts).toEqual([
        { text: 'empat', at: 4000, page: '/article' },
        { text: 'tiga', at: 3000, page: '/article' },
        { text: 'dua', at: 2000, page: '/other' },
        { text: 'satu', at: 1000, page: '/article' },
      ]);
    });

    it('keeps only the most recent posts of a prolific author', async () => {
      const { store } = await fresh();
      for (let i = 0; i < AUTHOR_RECENT_KEPT + 5; i += 1) {
        await store.createComment(newComment({ text: `post ${i}`, createdAt: i }), `prolific-key-${i}0`);
      }
      const history = await store.getAuthorHistory('demo', 'author-a');
      expect(history.recentPosts).toHaveLength(AUTHOR_RECENT_KEPT);
      expect(history.recentPosts[0]?.text).toBe(`post ${AUTHOR_RECENT_KEPT + 4}`);
      expect(history.approvedCount).toBe(AUTHOR_RECENT_KEPT + 5);
    });

    it('bans an author on one site until a time, and lifts the ban', async () => {
      const { store } = await fresh();
      await store.setAuthorBan('demo', 'author-a', 9_999_999_999_999);
      expect((await store.getAuthorHistory('demo', 'author-a')).bannedUntil).toBe(9_999_999_999_999);
      expect((await store.getAuthorHistory('other-site', 'author-a')).bannedUntil).toBeNull();
      await store.setAuthorBan('demo', 'author-a', null);
      expect((await store.getAuthorHistory('demo', 'author-a')).bannedUntil).toBeNull();
    });

    it('keeps author history and bans after the store is closed and opened again', async () => {
      const h = await fresh();
      await h.store.createComment(newComment({ text: 'ingat aku', createdAt: 42 }), 'remember-key-1');
      await h.store.setAuthorBan('demo', 'author-a', 123_456);
      const reopened = await h.reopen();
      expect(await reopened.getAuthorHistory('demo', 'author-a')).toEqual({
        approvedCount: 1,
        rejectedCount: 0,
        recentPosts: [{ text: 'ingat aku', at: 42, page: '/article' }],
        bannedUntil: 123_456,
        trusted: false,
        firstSeen: 42,
        name: 'Ani',
      });
    });

    it('completes a post whose author-history write failed when it is retried with the same key, and broadcasts it once', async () => {
      const h = await fresh();
      const comment = newComment({ authorId: 'author-h', text: 'tersimpan walau riwayat gagal' });
      const repair = await h.breakAuthorHistory('demo', 'author-h');
      await expect(h.store.createComment(comment, 'settle-key-01')).rejects.toThrow();
      await repair();
      const first = await retryAsThePipelineDoes(h.store, comment, 'settle-key-01');
      expect(first.event).toEqual({ type: 'comment:created', page: '/article', seq: 1, comment: publicOf(comment), count: 1 });
      const again = await retryAsThePipelineDoes(h.store, comment, 'settle-key-01');
      expect(again.event).toBeNull();
      expect(again.comment).toEqual(comment);
      const page = await h.store.getThreadPage('demo', '/article', threadQuery(20));
      expect(page.comments).toEqual([comment]);
      expect(page.count).toBe(1);
      expect(page.seq).toBe(1);
      const events = await h.store.readEvents('demo', '/article', 0, 100);
      expect(events.events.map((e) => (e.type === 'comment:created' ? e.comment.id : null))).toEqual([comment.id]);
      const history = await h.store.getAuthorHistory('demo', 'author-h');
      expect(history.approvedCount).toBe(1);
      expect(history.recentPosts).toEqual([{ text: comment.text, at: comment.createdAt, page: '/article' }]);
    });

    it('completes a post whose history write failed when createComment alone is called again with the key', async () => {
      const h = await fresh();
      const comment = newComment({ authorId: 'author-h' });
      const repair = await h.breakAuthorHistory('demo', 'author-h');
      await expect(h.store.createComment(comment, 'settle-key-02')).rejects.toThrow();
      await repair();
      const first = await h.store.createComment(comment, 'settle-key-02');
      expect(first.comment).toEqual(comment);
      expect(first.event?.seq).toBe(1);
      const again = await h.store.createComment(comment, 'settle-key-02');
      expect(again).toEqual({ comment, event: null, duplicate: true });
      expect((await h.store.getAuthorHistory('demo', 'author-h')).approvedCount).toBe(1);
    });

    it('records a held comment whose history write failed exactly once on retry, and broadcasts nothing', async () => {
      const h = await fresh();
      const held = newComment({ authorId: 'author-h', status: 'pending', moderation: { action: 'hold', reasons: [] } });
      const repair = await h.breakAuthorHistory('demo', 'author-h');
      await expect(h.store.createComment(held, 'settle-key-03')).rejects.toThrow();
      await repair();
      expect((await retryAsThePipelineDoes(h.store, held, 'settle-key-03')).event).toBeNull();
      expect((await retryAsThePipelineDoes(h.store, held, 'settle-key-03')).event).toBeNull();
      expect(await h.store.listPendingByAuthor('demo', '/article', 'author-h')).toEqual([held]);
      const history = await h.store.getAuthorHistory('demo', 'author-h');
      expect(history.recentPosts).toHaveLength(1);
      expect(history.approvedCount).toBe(0);
      expect((await h.store.getThreadPage('demo', '/article', threadQuery(20))).seq).toBe(0);
    });

    it('answers null when settling a comment that was fully created, and records nothing twice', async () => {
      const { store } = await fresh();
      const published = newComment();
      const held = newComment({ status: 'pending', moderation: { action: 'hold', reasons: [] } });
      await store.createComment(published, 'settled-key-1');
      await store.createComment(held, 'settled-key-2');
      expect(await store.settleComment(published)).toBeNull();
      expect(await store.settleComment(held)).toBeNull();
      const history = await store.getAuthorHistory('demo', 'author-a');
      expect(history.approvedCount).toBe(1);
      expect(history.recentPosts).toHaveLength(2);
    });

    it('hands out the event of a post sent twice at once exactly once', async () => {
      const { store } = await fresh();
      const results = await Promise.all([
        store.createComment(newComment(), 'race-key-2'),
        store.createComment(newComment(), 'race-key-2'),
        store.createComment(newComment(), 'race-key-2'),
      ]);
      expect(results.filter((r) => r.event !== null).map((r) => r.event?.seq)).toEqual([1]);
      expect((await store.getAuthorHistory('demo', 'author-a')).approvedCount).toBe(1);
    });

    it('hands out the event of a half-done post once when several retries settle it at once', async () => {
      const h = await fresh();
      const comment = newComment({ authorId: 'author-h' });
      const repair = await h.breakAuthorHistory('demo', 'author-h');
      await expect(h.store.createComment(comment, 'settle-key-04')).rejects.toThrow();
      await repair();
      const results = await Promise.all(Array.from({ length: 4 }, () => retryAsThePipelineDoes(h.store, comment, 'settle-key-04')));
      expect(results.filter((r) => r.event !== null).map((r) => r.event?.seq)).toEqual([1]);
      expect((await h.store.getAuthorHistory('demo', 'author-h')).approvedCount).toBe(1);
    });

    it('keeps other authors posting while one author’s history cannot be written', async () => {
      const h = await fresh();
      const repair = await h.breakAuthorHistory('demo', 'author-h');
      await expect(h.store.createComment(newComment({ authorId: 'author-h' }), 'settle-key-05')).rejects.toThrow();
      const other = await h.store.createComment(newComment({ authorId: 'author-b' }), 'settle-key-06');
      expect(other.event).not.toBeNull();
      await repair();
    });

    it('reports itself healthy while open', async () => {
      const { store } = await fresh();
      expect(await store.health()).toEqual({ ok: true });
    });

    describe('moderation queues and decisions', () => {
      const heldReasons = {
        action: 'hold' as const,
        reasons: [
          { rule: 'profanity' as const, action: 'hold' as const, message: { en: 'Profanity', id: 'Kata kasar' }, spans: [{ start: 0, end: 4 }] },
        ],
      };
      const held = (over: Partial<NewComment> = {}) => newComment({ status: 'pending', moderation: heldReasons, ...over });
      const approve = (at: number, moderatorId = 'mod-ani'): Decision => ({ action: 'approve', moderatorId, reason: null, at });
      const reject = (at: number, reason: string | null = 'spam', moderatorId = 'mod-ani'): Decision => ({
        action: 'reject',
        moderatorId,
        reason,
        at,
      });
      const newest = { order: 'newest' as const, cursor: null, limit: 20 };
      /** Decides on the revision the comment was created with (0), as a console that saw it would. */
      const seen = (revision = 0): DecideOptions => ({
        revision,
        audit: { id: `audit-${Math.random().toString(36).slice(2)}`, moderatorEmail: 'ani@example.com' },
      });
      const none = { pending: 0, reported: 0, rejected: 0, approved: 0 };

      it('lists a held comment in pending with its reasons, counts it, and keeps engine-published comments in no queue', async () => {
        const { store } = await fresh();
        const comment = held();
        await store.createComment(comment, 'queue-key-001');
        await store.createComment(newComment(), 'queue-key-002');
        expect(await store.listQueue('demo', 'pending', newest)).toEqual({ items: [comment], nextCursor: null });
        expect(await store.listQueue('demo', 'approved', newest)).toEqual({ items: [], nextCursor: null });
        expect(await store.queueCounts('demo')).toEqual({ ...none, pending: 1 });
        expect(await store.queueCounts('other-site')).toEqual(none);
        expect((await store.getThreadPage('demo', '/article', threadQuery(20))).comments).not.toContainEqual(comment);
      });

      it('lists an engine-rejected comment in rejected', async () => {
        const { store } = await fresh();
        const comment = newComment({ status: 'rejected', moderation: { action: 'reject', reasons: [] } });
        await store.createComment(comment, 'queue-key-003');
        expect((await store.listQueue('demo', 'rejected', newest)).items).toEqual([comment]);
        expect(await store.queueCounts('demo')).toEqual({ ...none, rejected: 1 });
      });

      it('approves a held comment: out of pending, into approved and the thread with the next seq and an event', async () => {
        const { store } = await fresh();
        const first = newComment();
        await store.createComment(first, 'approve-key-01');
        const comment = held();
        await store.createComment(comment, 'approve-key-02');
        const decision = approve(1_800_000_000_000);
        const result = await store.decideComment('demo', '/article', comment.id, decision, seen());
        const decided = { ...comment, status: 'published' as const, decision, revision: 1 };
        expect(result).toMatchObject({
          ok: true,
          comment: decided,
          from: 'pending',
          event: { type: 'comment:created', page: '/article', seq: 2, comment: publicOf({ ...comment, status: 'published' }), count: 2 },
        });
        expect(await store.listQueue('demo', 'pending', newest)).toEqual({ items: [], nextCursor: null });
        expect((await store.listQueue('demo', 'approved', newest)).items).toEqual([decided]);
        expect(await store.queueCounts('demo')).toEqual({ ...none, approved: 1 });
        const page = await store.getThreadPage('demo', '/article', threadQuery(20));
        expect(page.comments).toEqual([decided, first]);
        expect(page.count).toBe(2);
        expect(page.seq).toBe(2);
        const events = await store.readEvents('demo', '/article', 1, 10);
        expect(events.events).toEqual([result.ok ? result.event : null]);
        expect(await store.listPendingByAuthor('demo', '/article', 'author-a')).toEqual([]);
        expect(await store.getComment('demo', '/article', comment.id)).toEqual(decided);
        const history = await store.getAuthorHistory('demo', 'author-a');
        expect(history.approvedCount).toBe(2);
        expect(history.rejectedCount).toBe(0);
      });

      it('rejects a held comment: into rejected with the decision, counted once for its author, never in the thread', async () => {
        const { store } = await fresh();
        const comment = held();
        await store.createComment(comment, 'reject-key-01');
        const decision = reject(1_800_000_000_000, 'off-topic');
        const result = await store.decideComment('demo', '/article', comment.id, decision, seen());
        const decided = { ...comment, status: 'rejected' as const, decision, revision: 1 };
        expect(result).toMatchObject({ ok: true, comment: decided, event: null, from: 'pending' });
        expect((await store.listQueue('demo', 'rejected', newest)).items).toEqual([decided]);
        expect((await store.listQueue('demo', 'pending', newest)).items).toEqual([]);
        expect(await store.queueCounts('demo')).toEqual({ ...none, rejected: 1 });
        expect(await store.getThreadPage('demo', '/article', threadQuery(20))).toEqual({
          comments: [],
          replies: [],
          nextCursor: null,
          count: 0,
          seq: 0,
          liked: [],
        });
        expect(await store.listPendingByAuthor('demo', '/article', 'author-a')).toEqual([]);
        const history = await store.getAuthorHistory('demo', 'author-a');
        expect(history.rejectedCount).toBe(1);
        expect(history.approvedCount).toBe(0);
      });

      it('answers ALREADY_DECIDED with the first decision to a decision made on the same view, and changes nothing', async () => {
        const { store } = await fresh();
        const comment = held();
        await store.createComment(comment, 'twice-key-01');
        const first = approve(1_800_000_000_000, 'mod-ani');
        await store.decideComment('demo', '/article', comment.id, first, seen());
        const second = await store.decideComment('demo', '/article', comment.id, reject(1_800_000_000_500, 'spam', 'mod-budi'), seen());
        expect(second).toEqual({ ok: false, code: 'ALREADY_DECIDED', comment: { ...comment, status: 'published', decision: first, revision: 1 } });
        const again = await store.decideComment('demo', '/article', comment.id, approve(1_800_000_001_000, 'mod-budi'), seen());
        expect(again.ok).toBe(false);
        expect((await store.getThreadPage('demo', '/article', threadQuery(20))).seq).toBe(1);
        expect(await store.queueCounts('demo')).toEqual({ ...none, approved: 1 });
        expect((await store.getAuthorHistory('demo', 'author-a')).approvedCount).toBe(1);
        expect((await store.getAuthorHistory('demo', 'author-a')).rejectedCount).toBe(0);
      });

      it('answers ALREADY_DECIDED to approving a comment the engine published, and NOT_FOUND for an unknown id', async () => {
        const { store } = await fresh();
        const published = newComment();
        await store.createComment(published, 'decided-key-01');
        expect(await store.decideComment('demo', '/article', published.id, approve(1), seen())).toEqual({
          ok: false,
          code: 'ALREADY_DECIDED',
          comment: published,
        });
        expect(await store.decideComment('demo', '/article', 'nope-nope-nope', approve(1), seen())).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await store.decideComment('demo', '/elsewhere', published.id, approve(1), seen())).toEqual({ ok: false, code: 'NOT_FOUND' });
      });

      it('lets exactly one of two decisions made at the same moment win', async () => {
        const { store } = await fresh();
        for (let round = 0; round < 8; round += 1) {
          const comment = held();
          await store.createComment(comment, `race-key-${round}00`);
          const [a, b] = await Promise.all([
            store.decideComment('demo', '/article', comment.id, approve(2_000 + round, 'mod-ani'), seen()),
            store.decideComment(
              'demo',
              '/article',
              comment.id,
              round % 2 ? approve(2_000 + round, 'mod-budi') : reject(2_000 + round, null, 'mod-budi'),
              seen(),
            ),
          ]);
          const results = [a, b];
          const winners = results.filter((r) => r.ok);
          const losers = results.filter((r) => !r.ok);
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(1);
          const winner = winners[0];
          const loser = losers[0];
          expect(loser).toMatchObject({ code: 'ALREADY_DECIDED' });
          if (winner?.ok && loser && !loser.ok && loser.code === 'ALREADY_DECIDED') expect(loser.comment.decision).toEqual(winner.comment.decision);
        }
        const counts = await store.queueCounts('demo');
        expect(counts.pending).toBe(0);
        expect(counts.approved + counts.rejected).toBe(8);
        const history = await store.getAuthorHistory('demo', 'author-a');
        expect(history.approvedCount + history.rejectedCount).toBe(8);
        const page = await store.getThreadPage('demo', '/article', threadQuery(20));
        expect(page.count).toBe(counts.approved);
        expect(page.seq).toBe(counts.approved);
      });

      it('pages a queue newest or oldest first with cursors that neither skip nor repeat, and filters by page', async () => {
        const { store } = await fresh();
        const all: NewComment[] = [];
        for (let i = 0; i < 45; i += 1) {
          // Some share a createdAt, so ties must page right too.
          const comment = held({ createdAt: 10_000 + Math.floor(i / 3), page: i % 5 === 0 ? '/other' : '/article' });
          all.push(comment);
          await store.createComment(comment, `paging-key-${String(i).padStart(3, '0')}`);
        }
        for (const order of ['newest', 'oldest'] as const) {
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const result: Awaited<ReturnType<CommentStore['listQueue']>> = await store.listQueue('demo', 'pending', { order, cursor, limit: 10 });
            expect(result.items.length).toBeLessThanOrEqual(10);
            seen.push(...result.items.map((c) => c.id));
            cursor = result.nextCursor;
            pages += 1;
          } while (cursor !== null && pages < 10);
          expect(pages).toBe(5);
          expect(new Set(seen).size).toBe(45);
          const times = seen.map((id) => all.find((c) => c.id === id)?.createdAt ?? 0);
          const sorted = [...times].sort((x, y) => (order === 'newest' ? y - x : x - y));
          expect(times).toEqual(sorted);
        }
        const other = await store.listQueue('demo', 'pending', { order: 'oldest', cursor: null, limit: 5, page: '/other' });
        expect(other.items.map((c) => c.id)).toEqual(
          all
            .filter((c) => c.page === '/other')
            .slice(0, 5)
            .map((c) => c.id),
        );
        const rest = await store.listQueue('demo', 'pending', { order: 'oldest', cursor: other.nextCursor, limit: 5, page: '/other' });
        expect(rest.items.map((c) => c.id)).toEqual(
          all
            .filter((c) => c.page === '/other')
            .slice(5)
            .map((c) => c.id),
        );
        expect(rest.nextCursor).toBeNull();
        expect(await store.queueCounts('demo')).toEqual({ ...none, pending: 45 });
      });

      it('pages on after the item a cursor names has been decided', async () => {
        const { store } = await fresh();
        const comments = [held({ createdAt: 1 }), held({ createdAt: 2 }), held({ createdAt: 3 }), held({ createdAt: 4 })];
        for (const [i, c] of comments.entries()) await store.createComment(c, `moving-key-${i}00`);
        const first = await store.listQueue('demo', 'pending', { order: 'oldest', cursor: null, limit: 2 });
        expect(first.items.map((c) => c.id)).toEqual([comments[0]?.id, comments[1]?.id]);
        await store.decideComment('demo', '/article', comments[1]?.id ?? '', approve(100), seen());
        const second = await store.listQueue('demo', 'pending', { order: 'oldest', cursor: first.nextCursor, limit: 2 });
        expect(second).toEqual({ items: [comments[2], comments[3]], nextCursor: null });
      });

      it('orders the decided queues by decision time', async () => {
        const { store } = await fresh();
        const early = held({ createdAt: 1 });
        const late = held({ createdAt: 2 });
        await store.createComment(early, 'order-key-001');
        await store.createComment(late, 'order-key-002');
        await store.decideComment('demo', '/article', late.id, reject(500), seen());
        await store.decideComment('demo', '/article', early.id, reject(900), seen());
        expect((await store.listQueue('demo', 'rejected', newest)).items.map((c) => c.id)).toEqual([early.id, late.id]);
      });

      it('keeps queues and decisions after the store is closed and opened again', async () => {
        const h = await fresh();
        const approved = held();
        const rejected = held();
        const waiting = held();
        for (const [i, c] of [approved, rejected, waiting].entries()) await h.store.createComment(c, `durable-queue-${i}0`);
        const yes = approve(1_000);
        const no = reject(2_000);
        await h.store.decideComment('demo', '/article', approved.id, yes, seen());
        await h.store.decideComment('demo', '/article', rejected.id, no, seen());
        const reopened = await h.reopen();
        expect(await reopened.queueCounts('demo')).toEqual({ ...none, pending: 1, rejected: 1, approved: 1 });
        expect((await reopened.listQueue('demo', 'pending', newest)).items).toEqual([waiting]);
        expect((await reopened.listQueue('demo', 'approved', newest)).items).toEqual([
          { ...approved, status: 'published', decision: yes, revision: 1 },
        ]);
        expect((await reopened.listQueue('demo', 'rejected', newest)).items).toEqual([
          { ...rejected, status: 'rejected', decision: no, revision: 1 },
        ]);
        expect(await reopened.decideComment('demo', '/article', rejected.id, approve(3_000), seen())).toMatchObject({
          ok: false,
          code: 'ALREADY_DECIDED',
        });
        const next = await reopened.decideComment('demo', '/article', waiting.id, approve(4_000), seen());
        expect(next.ok && next.event?.seq).toBe(2);
        expect(await reopened.getAuthorHistory('demo', 'author-a')).toMatchObject({ approvedCount: 2, rejectedCount: 1 });
      });
    });

    describe('moderator directory', () => {
      it('creates an account and finds it by id and by email, lower-cased and trimmed', async () => {
        const { store } = await fresh();
        const ani = makeModerator({ email: '  Ani@Example.COM ' });
        expect(await store.createModerator(ani)).toBe(true);
        const stored = { ...ani, email: 'ani@example.com' };
        expect(await store.getModerator(ani.id)).toEqual(stored);
        expect(await store.findModeratorByEmail('ani@example.com')).toEqual(stored);
        expect(await store.findModeratorByEmail(' ANI@example.com\t')).toEqual(stored);
        expect(await store.getModerator('no-such-id')).toBeNull();
        expect(await store.findModeratorByEmail('budi@example.com')).toBeNull();
      });

      it('lists every account ordered by email', async () => {
        const { store } = await fresh();
        expect(await store.listModerators()).toEqual([]);
        const citra = makeModerator({ email: 'citra@example.com' });
        const ani = makeModerator({ email: 'ani@example.com', role: 'admin', sites: [] });
        const budi = makeModerator({ email: 'budi@example.com', sites: ['demo', 'other'] });
        for (const m of [citra, ani, budi]) expect(await store.createModerator(m)).toBe(true);
        expect(await store.listModerators()).toEqual([ani, budi, citra]);
      });

      it('refuses a second account with the same email in any case, and changes nothing', async () => {
        const { store } = await fresh();
        const first = makeModerator({ email: 'ani@example.com' });
        await store.createModerator(first);
        const second = makeModerator({ email: ' ANI@Example.com', role: 'admin', passwordHash: 'other-hash' });
        expect(await store.createModerator(second)).toBe(false);
        expect(await store.getModerator(second.id)).toBeNull();
        expect(await store.findModeratorByEmail('ani@example.com')).toEqual(first);
        expect(await store.listModerators()).toEqual([first]);
      });

      it('updates role, sites and password, and answers false for an unknown id', async () => {
        const { store } = await fresh();
        const ani = makeModerator();
        await store.createModerator(ani);
        expect(await store.updateModerator(ani.id, { role: 'admin', sites: [] })).toBe(true);
        expect(await store.getModerator(ani.id)).toEqual({ ...ani, role: 'admin', sites: [] });
        expect(await store.updateModerator(ani.id, { sites: ['demo', 'berita'], role: 'moderator' })).toBe(true);
        expect(await store.updateModerator(ani.id, { passwordHash: 'scrypt$new', passwordChangedAt: ani.createdAt + 5 })).toBe(true);
        const updated = { ...ani, sites: ['demo', 'berita'], passwordHash: 'scrypt$new', passwordChangedAt: ani.createdAt + 5 };
        expect(await store.getModerator(ani.id)).toEqual(updated);
        expect(await store.findModeratorByEmail(ani.email)).toEqual(updated);
        expect(await store.updateModerator('no-such-id', { role: 'admin' })).toBe(false);
        expect(await store.getModerator('no-such-id')).toBeNull();
        expect(await store.listModerators()).toEqual([updated]);
      });

      it('keeps the name a moderator’s comments go out under, changes it, and takes it away with null', async () => {
        const { store } = await fresh();
        const ani = makeModerator({ name: 'Ani (moderator)' });
        const budi = makeModerator();
        await store.createModerator(ani);
        await store.createModerator(budi);
        expect(await store.getModerator(ani.id)).toEqual(ani);
        expect((await store.getModerator(budi.id))?.name ?? null).toBeNull();
        expect(await store.updateModerator(ani.id, { name: 'Ani Lestari' })).toBe(true);
        expect(await store.findModeratorByEmail(ani.email)).toEqual({ ...ani, name: 'Ani Lestari' });
        expect(await store.updateModerator(ani.id, { role: 'admin' })).toBe(true);
        expect((await store.getModerator(ani.id))?.name).toBe('Ani Lestari');
        expect(await store.updateModerator(ani.id, { name: null })).toBe(true);
        expect((await store.getModerator(ani.id))?.name ?? null).toBeNull();
      });

      it('removes an account with its email and every session, and answers false the second time', async () => {
        const { store } = await fresh();
        const ani = makeModerator({ email: 'ani@example.com' });
        const budi = makeModerator({ email: 'budi@example.com' });
        await store.createModerator(ani);
        await store.createModerator(budi);
        const a1 = makeSession(ani);
        const a2 = makeSession(ani);
        const b1 = makeSession(budi);
        for (const s of [a1, a2, b1]) await store.createSession(s);
        expect(await store.removeModerator(ani.id)).toBe(true);
        expect(await store.getModerator(ani.id)).toBeNull();
        expect(await store.findModeratorByEmail('ani@example.com')).toBeNull();
        expect(await store.listModerators()).toEqual([budi]);
        expect(await store.getSession(a1.id, NOW)).toBeNull();
        expect(await store.getSession(a2.id, NOW)).toBeNull();
        expect(await store.getSession(b1.id, NOW)).toEqual(b1);
        expect(await store.revokeSessionsOf(ani.id)).toBe(0);
        expect(await store.removeModerator(ani.id)).toBe(false);
        // The email is free again.
        expect(await store.createModerator(makeModerator({ email: 'ani@example.com' }))).toBe(true);
      });

      it('keeps a session until it expires at its expiresAt', async () => {
        const { store } = await fresh();
        const ani = makeModerator();
        await store.createModerator(ani);
        const session = makeSession(ani);
        await store.createSession(session);
        expect(await store.getSession(session.id, NOW)).toEqual(session);
        expect(await store.getSession(session.id, session.expiresAt - 1)).toEqual(session);
        expect(await store.getSession(session.id, session.expiresAt)).toBeNull();
        expect(await store.getSession('no-such-session', NOW)).toBeNull();
      });

      it('revokes one session, idempotently, leaving the others', async () => {
        const { store } = await fresh();
        const ani = makeModerator();
        await store.createModerator(ani);
        const one = makeSession(ani);
        const two = makeSession(ani);
        await store.createSession(one);
        await store.createSession(two);
        await store.revokeSession(one.id);
        await store.revokeSession(one.id);
        await store.revokeSession('no-such-session');
        expect(await store.getSession(one.id, NOW)).toBeNull();
        expect(await store.getSession(two.id, NOW)).toEqual(two);
      });

      it('revokes every session of one moderator and says how many ended', async () => {
        const { store } = await fresh();
        const ani = makeModerator({ email: 'ani@example.com' });
        const budi = makeModerator({ email: 'budi@example.com' });
        await store.createModerator(ani);
        await store.createModerator(budi);
        const sessions = [makeSession(ani), makeSession(ani), makeSession(ani)];
        const other = makeSession(budi);
        for (const s of [...sessions, other]) await store.createSession(s);
        await store.revokeSession(sessions[0]?.id ?? '');
        expect(await store.revokeSessionsOf(ani.id)).toBe(2);
        for (const s of sessions) expect(await store.getSession(s.id, NOW)).toBeNull();
        expect(await store.getSession(other.id, NOW)).toEqual(other);
        expect(await store.revokeSessionsOf(ani.id)).toBe(0);
        expect(await store.revokeSessionsOf('no-such-id')).toBe(0);
        expect(await store.getModerator(ani.id)).toEqual(ani);
      });

      it('refuses a session created before its account’s password changed', async () => {
        const { store } = await fresh();
        const ani = makeModerator();
        await store.createModerator(ani);
        const before = makeSession(ani, { createdAt: NOW - 1_000 });
        await store.createSession(before);
        expect(await store.getSession(before.id, NOW)).toEqual(before);
        expect(await store.updateModerator(ani.id, { passwordHash: 'scrypt$changed', passwordChangedAt: NOW - 500 })).toBe(true);
        expect(await store.getSession(before.id, NOW)).toBeNull();
        const after = makeSession(ani, { createdAt: NOW - 500 });
        await store.createSession(after);
        expect(await store.getSession(after.id, NOW)).toEqual(after);
      });

      it('keeps accounts and sessions after the store is closed and opened again', async () => {
        const h = await fresh();
        const ani = makeModerator({ email: 'ani@example.com', role: 'admin', sites: [] });
        const budi = makeModerator({ email: 'budi@example.com' });
        await h.store.createModerator(budi);
        await h.store.createModerator(ani);
        const session = makeSession(ani);
        const revoked = makeSession(ani);
        await h.store.createSession(session);
        await h.store.createSession(revoked);
        await h.store.revokeSession(revoked.id);
        const reopened = await h.reopen();
        expect(await reopened.listModerators()).toEqual([ani, budi]);
        expect(await reopened.findModeratorByEmail('BUDI@example.com')).toEqual(budi);
        expect(await reopened.getSession(session.id, NOW)).toEqual(session);
        expect(await reopened.getSession(revoked.id, NOW)).toBeNull();
        expect(await reopened.createModerator(makeModerator({ email: 'ani@example.com' }))).toBe(false);
      });
    });
  });
}

/**
 * Sessions are kept in wall-clock time by a store with expiring keys (Redis), so their times
 * sit around the real now, and expire well after the test.
 */
const NOW = Date.now();
const SESSION_LIFETIME = 60 * 60 * 1000;

let moderatorCounter = 0;
function makeModerator(over: Partial<ModeratorAccount> = {}): ModeratorAccount {
  moderatorCounter += 1;
  return {
    id: `mod-${moderatorCounter}-${Math.random().toString(36).slice(2, 8)}`,
    email: `moderator${moderatorCounter}@example.com`,
    role: 'moderator',
    sites: ['demo'],
    passwordHash: `scrypt$16384$8$1$salt${moderatorCounter}$key`,
    createdAt: NOW - 10_000,
    passwordChangedAt: NOW - 10_000,
    ...over,
  };
}

let sessionCounter = 0;
function makeSession(moderator: ModeratorAccount, over: Partial<ModeratorSession> = {}): ModeratorSession {
  sessionCounter += 1;
  const createdAt = over.createdAt ?? NOW - 1_000;
  return {
    id: `${String(sessionCounter).padStart(8, '0')}${'ab'.repeat(28)}`,
    moderatorId: moderator.id,
    createdAt,
    expiresAt: createdAt + SESSION_LIFETIME,
    ...over,
  };
}

/**
 * What the post pipeline does on a retry: a key already used gets its comment settled (and
 * the event, if this settle completed it), an unused one a fresh create.
 */
async function retryAsThePipelineDoes(
  store: CommentStore,
  comment: NewComment,
  key: string,
): Promise<Pick<CreateCommentResult, 'comment' | 'event'>> {
  const earlier = await store.findByIdempotencyKey(comment.site, comment.page, comment.authorId, key);
  if (earlier) return { comment: earlier, event: await store.settleComment(earlier) };
  return store.createComment(comment, key);
}

function publicOf(comment: NewComment) {
  const { site: _site, moderation: _moderation, ...rest } = comment;
  return rest;
}
