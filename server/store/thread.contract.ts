/**
 * Threads as 0021 shapes them, for every store, written once
 * (docs/decisions/0021-replies-likes-edits-on-the-wire-and-in-the-store.md): replies under their
 * root, pages of top-level comments in three sorts with their first replies, keyset cursors that
 * belong to their sort, tombstones that keep a conversation in place, likes, edits and deletes,
 * and the events all of these log. Each implementation's test file calls `describeThreadContract`
 * with the same harness as `describeCommentStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import { freshHarness, newComment, newReply, type StoreHarness } from './contract-fixtures.ts';
import { StoreInputError } from './errors.ts';
import { toPublicComment } from './public-views.ts';
import type {
  CommentEdit,
  CommentStore,
  DecideOptions,
  Decision,
  ModerationRecord,
  NewComment,
  RepliesQuery,
  StoredComment,
  StoredThreadPage,
  ThreadPageQuery,
} from './types.ts';

const SITE = 'demo';
const PAGE = '/article';
const T0 = 1_760_000_000_000;
const MINUTE = 60_000;
const SORTS = ['newest', 'oldest', 'likes'] as const;
type Sort = (typeof SORTS)[number];

const PUBLISHED: ModerationRecord = { action: 'publish', reasons: [] };
const HELD: ModerationRecord = {
  action: 'hold',
  reasons: [{ rule: 'links', action: 'hold', message: { en: 'Has a link.', id: 'Ada tautan.' }, spans: [{ start: 0, end: 4 }] }],
};
const REJECTED: ModerationRecord = {
  action: 'reject',
  reasons: [{ rule: 'profanity', action: 'reject', message: { en: 'Profanity.', id: 'Kata kasar.' }, spans: [{ start: 0, end: 4 }] }],
};

let counter = 0;
const unique = () => `${String((counter += 1)).padStart(8, '0')}${Math.random().toString(36).slice(2, 8)}`;

const query = (over: Partial<ThreadPageQuery> = {}): ThreadPageQuery => ({
  sort: 'newest',
  cursor: null,
  limit: 20,
  repliesPerRoot: 50,
  viewerId: null,
  ...over,
});
const more = (over: Partial<RepliesQuery> = {}): RepliesQuery => ({ cursor: null, skip: 0, limit: 50, viewerId: null, ...over });

const approve = (at: number): Decision => ({ action: 'approve', moderatorId: 'mod-ani', reason: null, at });
const reject = (at: number): Decision => ({ action: 'reject', moderatorId: 'mod-ani', reason: 'spam', at });
const seen = (comment: StoredComment): DecideOptions => ({
  revision: comment.revision ?? 0,
  audit: { id: `audit-${unique()}`, moderatorEmail: 'ani@example.com' },
});

/** The edit its author makes to `comment` as read, published again by the engine unless `over` says otherwise. */
const edit = (comment: StoredComment, over: Partial<CommentEdit> = {}): CommentEdit => ({
  authorId: comment.authorId,
  text: `edited ${unique()}`,
  editedAt: comment.createdAt + 5 * MINUTE,
  moderation: PUBLISHED,
  status: 'published',
  revision: comment.revision ?? 0,
  ...over,
});

const ids = (comments: { id: string }[]) => comments.map((c) => c.id);

async function create(store: CommentStore, comment: NewComment): Promise<StoredComment> {
  await store.createComment(comment, `key-${unique()}`);
  const stored = await store.getComment(comment.site, comment.page, comment.id);
  if (!stored) throw new Error(`comment ${comment.id} was not stored`);
  return stored;
}

async function reread(store: CommentStore, comment: { page: string; id: string }): Promise<StoredComment> {
  const stored = await store.getComment(SITE, comment.page, comment.id);
  if (!stored) throw new Error(`comment ${comment.id} is gone`);
  return stored;
}

const page = (store: CommentStore, over: Partial<ThreadPageQuery> = {}, at = PAGE): Promise<StoredThreadPage> =>
  store.getThreadPage(SITE, at, query(over));

/** Walks every page of one sort and returns the top-level comments in the order served. */
async function walk(store: CommentStore, sort: Sort, limit: number, between?: () => Promise<void>): Promise<StoredComment[]> {
  const seenComments: StoredComment[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const result: StoredThreadPage = await page(store, { sort, cursor, limit, repliesPerRoot: 1 });
    expect(result.comments.length).toBeLessThanOrEqual(limit);
    seenComments.push(...result.comments);
    cursor = result.nextCursor;
    if (cursor === null) return seenComments;
    await between?.();
  }
  throw new Error(`the ${sort} pages never ended`);
}

/** The order a sort serves top-level comments in, by its keys (the id only breaks ties, in a store's own way). */
function sortKey(sort: Sort, comment: StoredComment): number[] {
  if (sort === 'newest') return [-comment.createdAt];
  if (sort === 'oldest') return [comment.createdAt];
  return [-comment.likes, -comment.createdAt];
}
function inSortOrder(sort: Sort, comments: StoredComment[]): boolean {
  for (let i = 1; i < comments.length; i += 1) {
    const [a, b] = [sortKey(sort, comments[i - 1] as StoredComment), sortKey(sort, comments[i] as StoredComment)];
    const cmp = a.map((x, k) => x - (b[k] ?? 0)).find((d) => d !== 0) ?? 0;
    if (cmp > 0) return false;
  }
  return true;
}

export function describeThreadContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} store (thread contract)`, () => {
    const fresh = freshHarness(open);

    async function likeBy(store: CommentStore, comment: StoredComment, n: number): Promise<void> {
      for (let i = 0; i < n; i += 1) {
        const result = await store.reactToComment(SITE, comment.page, comment.id, `liker-${i}`, true);
        expect(result.ok).toBe(true);
      }
    }

    describe('replies and pages', () => {
      it('stores a reply with its root, depth and whom it answers, and counts it in the root’s replyCount and the thread’s count', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const reply = newReply(root, { createdAt: T0 + 1 });
        const deeper = newReply(reply, { authorId: 'author-c', authorName: 'Citra', createdAt: T0 + 2 });
        await create(store, reply);
        expect(await create(store, deeper)).toEqual(deeper);
        expect(deeper).toMatchObject({ parentId: reply.id, rootId: root.id, depth: 2, replyTo: 'Budi' });
        const result = await page(store);
        expect(result.comments).toEqual([{ ...root, replyCount: 2 }]);
        expect(result.replies).toEqual([reply, deeper]);
        expect(result.count).toBe(3);
        expect(result.seq).toBe(3);
        expect(result.nextCursor).toBeNull();
        expect(result.liked).toEqual([]);
        expect((await reread(store, root)).replyCount).toBe(2);
      });

      it('serves top-level comments newest first with their first replies oldest first, grouped by root, in one call', async () => {
        const { store } = await fresh();
        const a = await create(store, newComment({ createdAt: T0 + 1 }));
        const b = await create(store, newComment({ createdAt: T0 + 2 }));
        const c = await create(store, newComment({ createdAt: T0 + 3 }));
        const a1 = await create(store, newReply(a, { createdAt: T0 + 10 }));
        const b1 = await create(store, newReply(b, { createdAt: T0 + 11 }));
        const a2 = await create(store, newReply(a1, { createdAt: T0 + 12 }));
        const c1 = await create(store, newReply(c, { createdAt: T0 + 13 }));
        await create(store, newReply(a, { createdAt: T0 + 14 }));
        const result = await page(store, { repliesPerRoot: 2 });
        expect(ids(result.comments)).toEqual([c.id, b.id, a.id]);
        expect(result.comments.map((x) => x.replyCount)).toEqual([1, 1, 3]);
        expect(ids(result.replies)).toEqual([c1.id, b1.id, a1.id, a2.id]);
        expect(result.count).toBe(8);
      });

      it('serves top-level comments oldest first', async () => {
        const { store } = await fresh();
        const made = [];
        for (let i = 0; i < 4; i += 1) made.push(await create(store, newComment({ createdAt: T0 + i })));
        const result = await page(store, { sort: 'oldest' });
        expect(ids(result.comments)).toEqual(ids(made));
      });

      it('serves top-level comments by likes, ties newest first', async () => {
        const { store } = await fresh();
        const quiet = await create(store, newComment({ createdAt: T0 + 1 }));
        const loved = await create(store, newComment({ createdAt: T0 + 2 }));
        const olderTie = await create(store, newComment({ createdAt: T0 + 3 }));
        const newerTie = await create(store, newComment({ createdAt: T0 + 4 }));
        await likeBy(store, loved, 3);
        await likeBy(store, olderTie, 1);
        await likeBy(store, newerTie, 1);
        const result = await page(store, { sort: 'likes' });
        expect(ids(result.comments)).toEqual([loved.id, newerTie.id, olderTie.id, quiet.id]);
        expect(result.comments.map((x) => x.likes)).toEqual([3, 1, 1, 0]);
      });

      it('counts in replyCount only published replies at every depth, and sends no held or rejected reply', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const first = await create(store, newReply(root, { createdAt: T0 + 1 }));
        await create(store, newReply(first, { createdAt: T0 + 2, status: 'pending', moderation: HELD }));
        await create(store, newReply(root, { createdAt: T0 + 3, status: 'rejected', moderation: REJECTED }));
        const deep = await create(store, newReply(first, { createdAt: T0 + 4 }));
        const deeper = await create(store, newReply(deep, { createdAt: T0 + 5 }));
        const result = await page(store);
        expect(result.comments.map((x) => [x.id, x.replyCount])).toEqual([[root.id, 3]]);
        expect(ids(result.replies)).toEqual([first.id, deep.id, deeper.id]);
        expect(deeper.depth).toBe(3);
        expect(result.count).toBe(4);
      });

      it('pages every sort with keyset cursors that reach each top-level comment exactly once, in order', async () => {
        const { store } = await fresh();
        const roots: StoredComment[] = [];
        for (let i = 0; i < 23; i += 1) {
          // Three at a time share a millisecond, and likes repeat, so ties must page right too.
          roots.push(await create(store, newComment({ createdAt: T0 + Math.floor(i / 3) })));
        }
        for (const [i, root] of roots.entries()) await likeBy(store, root, i % 4);
        for (const root of roots.slice(0, 5)) await create(store, newReply(root, { createdAt: T0 + 1_000 }));
        const current = await Promise.all(roots.map((r) => reread(store, r)));
        for (const sort of SORTS) {
          const served = await walk(store, sort, 5);
          expect(served).toHaveLength(23);
          expect(new Set(ids(served))).toEqual(new Set(ids(current)));
          expect(inSortOrder(sort, served)).toBe(true);
          // Replies are never served as top-level comments.
          expect(served.every((c) => c.rootId === null)).toBe(true);
        }
      });

      it('gives a thread whose top-level comments fill the last page exactly no empty page after it', async () => {
        const { store } = await fresh();
        for (let i = 0; i < 4; i += 1) await create(store, newComment({ createdAt: T0 + i }));
        for (const sort of SORTS) {
          const first = await page(store, { sort, limit: 2 });
          const second = await page(store, { sort, limit: 2, cursor: first.nextCursor });
          expect(second.comments).toHaveLength(2);
          expect(second.nextCursor).toBeNull();
        }
      });

      it('pages by likes to the end without failing while likes change between pages', async () => {
        const { store } = await fresh();
        const roots: StoredComment[] = [];
        for (let i = 0; i < 12; i += 1) roots.push(await create(store, newComment({ createdAt: T0 + i })));
        for (const [i, root] of roots.entries()) await likeBy(store, root, i % 3);
        let turn = 0;
        const served = await walk(store, 'likes', 3, async () => {
          // A like moves a comment across the cursor; an unlike moves another back.
          const target = roots[(turn * 5) % roots.length] as StoredComment;
          await store.reactToComment(SITE, PAGE, target.id, `mover-${turn}`, true);
          await store.reactToComment(SITE, PAGE, (roots[turn] as StoredComment).id, 'liker-0', false);
          turn += 1;
        });
        expect(served.length).toBeGreaterThan(0);
        expect(served.every((c) => roots.some((r) => r.id === c.id))).toBe(true);
      });

      it('refuses a cursor of another sort, or one it never issued, with StoreInputError on cursor', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        for (let i = 0; i < 3; i += 1) await create(store, newComment({ createdAt: T0 + 1 + i }));
        for (let i = 0; i < 3; i += 1) await create(store, newReply(root, { createdAt: T0 + 10 + i }));
        const cursors: Record<Sort, string | null> = { newest: null, oldest: null, likes: null };
        for (const sort of SORTS) cursors[sort] = (await page(store, { sort, limit: 1 })).nextCursor;
        const replyCursor = (await store.listReplies(SITE, PAGE, root.id, more({ limit: 1 }))).nextCursor;
        expect(replyCursor).not.toBeNull();
        for (const sort of SORTS) {
          expect(cursors[sort]).not.toBeNull();
          for (const other of SORTS.filter((s) => s !== sort)) {
            const refused = page(store, { sort, cursor: cursors[other] as string });
            await expect(refused).rejects.toBeInstanceOf(StoreInputError);
            await expect(page(store, { sort, cursor: cursors[other] as string })).rejects.toMatchObject({ field: 'cursor' });
          }
          for (const garbage of ['', 'garbage', '%%%', '9999999999999999999999', String(replyCursor)]) {
            await expect(page(store, { sort, cursor: garbage })).rejects.toBeInstanceOf(StoreInputError);
          }
        }
        for (const garbage of ['', 'garbage', String(cursors.newest)]) {
          await expect(store.listReplies(SITE, PAGE, root.id, more({ cursor: garbage }))).rejects.toBeInstanceOf(StoreInputError);
        }
      });

      it('pages the rest of a conversation with listReplies: skipping what the page carried, then by cursor', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const replies: StoredComment[] = [];
        let parent: StoredComment = root;
        for (let i = 0; i < 12; i += 1) {
          // Every third one answers the one before, so the conversation goes deep as well as long.
          const reply = await create(store, newReply(i % 3 === 2 ? parent : root, { createdAt: T0 + 1 + Math.floor(i / 2) }));
          replies.push(reply);
          parent = reply;
        }
        await create(store, newReply(root, { createdAt: T0 + 100, status: 'pending', moderation: HELD }));
        const first = await page(store, { repliesPerRoot: 5 });
        expect(first.comments[0]?.replyCount).toBe(12);
        const carried = ids(first.replies);
        expect(carried).toHaveLength(5);
        const next = await store.listReplies(SITE, PAGE, root.id, more({ skip: 5, limit: 4 }));
        expect(next.replies).toHaveLength(4);
        expect(next.nextCursor).not.toBeNull();
        const last = await store.listReplies(SITE, PAGE, root.id, more({ cursor: next.nextCursor, limit: 4 }));
        expect(last.replies).toHaveLength(3);
        expect(last.nextCursor).toBeNull();
        const all = [...carried, ...ids(next.replies), ...ids(last.replies)];
        expect(new Set(all)).toEqual(new Set(ids(replies)));
        expect(all).toEqual(ids((await store.listReplies(SITE, PAGE, root.id, more({ limit: 100 }))).replies));
        const times = [...first.replies, ...next.replies, ...last.replies].map((r) => r.createdAt);
        expect(times).toEqual([...times].sort((x, y) => x - y));
        expect(await store.listReplies(SITE, PAGE, 'no-such-root', more())).toEqual({ replies: [], nextCursor: null, liked: [] });
      });

      it('says which of the comments it returns the viewer likes, in a page and in more replies', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const other = await create(store, newComment({ createdAt: T0 + 1 }));
        const r1 = await create(store, newReply(root, { createdAt: T0 + 2 }));
        const r2 = await create(store, newReply(root, { createdAt: T0 + 3 }));
        for (const c of [root, r2]) await store.reactToComment(SITE, PAGE, c.id, 'viewer-1', true);
        await store.reactToComment(SITE, PAGE, other.id, 'viewer-2', true);
        const mine = await page(store, { viewerId: 'viewer-1', repliesPerRoot: 1 });
        expect(new Set(mine.liked)).toEqual(new Set([root.id]));
        expect(ids(mine.replies)).toEqual([r1.id]);
        const rest = await store.listReplies(SITE, PAGE, root.id, more({ skip: 1, viewerId: 'viewer-1' }));
        expect(rest.liked).toEqual([r2.id]);
        expect((await page(store, { viewerId: null })).liked).toEqual([]);
        expect((await page(store, { viewerId: 'viewer-3' })).liked).toEqual([]);
        expect(new Set((await page(store, { viewerId: 'viewer-2' })).liked)).toEqual(new Set([other.id]));
      });
    });

    describe('tombstones', () => {
      it('keeps a top-level comment its author deleted listed, as stored, while it has published replies', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const lonely = await create(store, newComment({ createdAt: T0 + 1 }));
        const reply = await create(store, newReply(root, { createdAt: T0 + 2 }));
        await store.deleteComment(SITE, PAGE, root.id, root.authorId, T0 + MINUTE);
        await store.deleteComment(SITE, PAGE, lonely.id, lonely.authorId, T0 + MINUTE);
        for (const sort of SORTS) {
          const result = await page(store, { sort });
          expect(ids(result.comments)).toEqual([root.id]);
          expect(result.comments[0]).toMatchObject({ status: 'deleted', text: '', replyCount: 1, likes: 0 });
          expect(ids(result.replies)).toEqual([reply.id]);
          expect(result.count).toBe(1);
        }
      });

      it('keeps a top-level comment a moderator rejected or readers hid listed with its stored status while it has published replies', async () => {
        const { store } = await fresh();
        const rejected = await create(store, newComment({ createdAt: T0 }));
        const hidden = await create(store, newComment({ createdAt: T0 + 1 }));
        const underRejected = await create(store, newReply(rejected, { createdAt: T0 + 2 }));
        const underHidden = await create(store, newReply(hidden, { createdAt: T0 + 3 }));
        expect((await store.decideComment(SITE, PAGE, rejected.id, reject(T0 + MINUTE), seen(rejected))).ok).toBe(true);
        const report = await store.reportComment(SITE, PAGE, hidden.id, { reporterId: 'reader-1', reason: 'abuse', note: null, at: T0 + MINUTE }, 1);
        expect(report).toMatchObject({ ok: true, hidden: true });
        const result = await page(store);
        expect(result.comments.map((c) => [c.id, c.status, c.replyCount])).toEqual([
          [hidden.id, 'pending', 1],
          [rejected.id, 'rejected', 1],
        ]);
        expect(ids(result.replies)).toEqual([underHidden.id, underRejected.id]);
        expect(result.count).toBe(2);
      });

      it('drops a tombstone from the listing when its last published reply goes, and lists it again when one is published', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const first = await create(store, newReply(root, { createdAt: T0 + 1 }));
        const second = await create(store, newReply(first, { createdAt: T0 + 2 }));
        const waiting = await create(store, newReply(root, { createdAt: T0 + 3, status: 'pending', moderation: HELD }));
        await store.deleteComment(SITE, PAGE, root.id, root.authorId, T0 + MINUTE);
        await store.deleteComment(SITE, PAGE, first.id, first.authorId, T0 + MINUTE);
        let result = await page(store);
        expect(ids(result.comments)).toEqual([root.id]);
        expect(result.comments[0]?.replyCount).toBe(1);
        // The deleted reply comes as a tombstone: the published one under it hangs from it.
        expect(result.replies.map((r) => [r.id, r.status])).toEqual([
          [first.id, 'deleted'],
          [second.id, 'published'],
        ]);
        expect((await store.decideComment(SITE, PAGE, second.id, reject(T0 + 2 * MINUTE), seen(second))).ok).toBe(true);
        for (const sort of SORTS) {
          result = await page(store, { sort });
          expect(result.comments).toEqual([]);
          expect(result.replies).toEqual([]);
        }
        expect((await reread(store, root)).replyCount).toBe(0);
        expect(result.count).toBe(0);
        expect((await store.decideComment(SITE, PAGE, waiting.id, approve(T0 + 3 * MINUTE), seen(waiting))).ok).toBe(true);
        result = await page(store);
        expect(result.comments.map((c) => [c.id, c.status, c.replyCount])).toEqual([[root.id, 'deleted', 1]]);
        expect(ids(result.replies)).toEqual([first.id, waiting.id]);
      });

      it('takes a hidden reply out of its root’s replyCount and puts it back when a moderator approves it', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const reply = await create(store, newReply(root, { createdAt: T0 + 1 }));
        const hiding = await store.reportComment(SITE, PAGE, reply.id, { reporterId: 'reader-1', reason: 'spam', note: null, at: T0 + 2 }, 1);
        expect(hiding).toMatchObject({ ok: true, hidden: true });
        expect((await page(store)).comments.map((c) => c.replyCount)).toEqual([0]);
        expect((await page(store)).replies).toEqual([]);
        const hidden = await reread(store, reply);
        expect((await store.decideComment(SITE, PAGE, reply.id, approve(T0 + MINUTE), seen(hidden))).ok).toBe(true);
        const result = await page(store);
        expect(result.comments.map((c) => c.replyCount)).toEqual([1]);
        expect(ids(result.replies)).toEqual([reply.id]);
        expect(result.count).toBe(2);
      });
    });

    describe('likes', () => {
      it('counts one like per identity, takes it back, and answers a repeat with no event', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment());
        const first = await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', true);
        expect(first).toMatchObject({ ok: true, likes: 1, liked: true });
        expect(first.ok && first.event).not.toBeNull();
        expect(await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', true)).toEqual({ ok: true, likes: 1, liked: true, event: null });
        expect(await store.reactToComment(SITE, PAGE, comment.id, 'reader-2', true)).toMatchObject({ ok: true, likes: 2, liked: true });
        const back = await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', false);
        expect(back).toMatchObject({ ok: true, likes: 1, liked: false });
        expect(back.ok && back.event).not.toBeNull();
        expect(await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', false)).toEqual({ ok: true, likes: 1, liked: false, event: null });
        expect(await store.reactToComment(SITE, PAGE, comment.id, 'reader-9', false)).toEqual({ ok: true, likes: 1, liked: false, event: null });
        expect((await reread(store, comment)).likes).toBe(1);
        expect((await page(store, { viewerId: 'reader-2' })).liked).toEqual([comment.id]);
      });

      it('keeps likes on a comment that is not published from happening, with NOT_FOUND', async () => {
        const { store } = await fresh();
        const held = await create(store, newComment({ status: 'pending', moderation: HELD }));
        const rejected = await create(store, newComment({ status: 'rejected', moderation: REJECTED }));
        const deleted = await create(store, newComment());
        await store.deleteComment(SITE, PAGE, deleted.id, deleted.authorId, T0);
        for (const c of [held, rejected, deleted]) {
          expect(await store.reactToComment(SITE, PAGE, c.id, 'reader-1', true)).toEqual({ ok: false, code: 'NOT_FOUND' });
          expect(await store.reactToComment(SITE, PAGE, c.id, 'reader-1', false)).toEqual({ ok: false, code: 'NOT_FOUND' });
        }
        expect(await store.reactToComment(SITE, PAGE, 'no-such-comment', 'reader-1', true)).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await store.reactToComment(SITE, '/elsewhere', held.id, 'reader-1', true)).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect((await page(store)).seq).toBe(2);
      });

      it('logs every change of likes as a comment:liked event with the thread’s next seq', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment());
        const liked = await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', true);
        await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', true);
        const unliked = await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', false);
        const events = await store.readEvents(SITE, PAGE, 1, 10);
        expect(events.events).toEqual([
          { type: 'comment:liked', page: PAGE, seq: 2, id: comment.id, likes: 1 },
          { type: 'comment:liked', page: PAGE, seq: 3, id: comment.id, likes: 0 },
        ]);
        expect([liked.ok && liked.event, unliked.ok && unliked.event]).toEqual(events.events);
        const result = await page(store);
        expect(result.seq).toBe(3);
        expect(result.count).toBe(1);
      });

      it('takes a deleted comment’s likes with it', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment());
        const reply = await create(store, newReply(comment));
        await likeBy(store, comment, 2);
        await store.reactToComment(SITE, PAGE, comment.id, 'viewer-1', true);
        await store.deleteComment(SITE, PAGE, comment.id, comment.authorId, T0);
        expect((await reread(store, comment)).likes).toBe(0);
        const result = await page(store, { viewerId: 'viewer-1', sort: 'likes' });
        expect(ids(result.comments)).toEqual([comment.id]);
        expect(result.comments[0]?.likes).toBe(0);
        expect(result.liked).toEqual([]);
        expect(ids(result.replies)).toEqual([reply.id]);
      });
    });

    describe('edits', () => {
      it('refuses an edit by another author with FORBIDDEN and one on a stale revision with CONFLICT, changing nothing', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment());
        expect(await store.editComment(SITE, PAGE, comment.id, edit(comment, { authorId: 'author-z' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
        expect(await store.editComment(SITE, PAGE, comment.id, edit(comment, { revision: 7 }))).toEqual({ ok: false, code: 'CONFLICT' });
        const done = await store.editComment(SITE, PAGE, comment.id, edit(comment));
        expect(done.ok).toBe(true);
        // The revision it was made on is stale now.
        expect(await store.editComment(SITE, PAGE, comment.id, edit(comment))).toEqual({ ok: false, code: 'CONFLICT' });
        expect(await store.editComment(SITE, PAGE, 'no-such-comment', edit(comment))).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect((await page(store)).seq).toBe(2);
      });

      it('refuses to edit a rejected or deleted comment with NOT_FOUND', async () => {
        const { store } = await fresh();
        const rejected = await create(store, newComment({ status: 'rejected', moderation: REJECTED }));
        const deleted = await create(store, newComment());
        await store.deleteComment(SITE, PAGE, deleted.id, deleted.authorId, T0);
        for (const c of [rejected, await reread(store, deleted)]) {
          expect(await store.editComment(SITE, PAGE, c.id, edit(c))).toEqual({ ok: false, code: 'NOT_FOUND' });
        }
        expect((await reread(store, deleted)).text).toBe('');
      });

      it('updates a published comment that stays published in place, with editedAt, a new revision and comment:updated', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment({ createdAt: T0 }));
        await create(store, newReply(comment, { createdAt: T0 + 1 }));
        const current = await reread(store, comment);
        const change = edit(current, { text: 'kalimat yang diperbaiki', editedAt: T0 + MINUTE });
        const result = await store.editComment(SITE, PAGE, comment.id, change);
        const edited: StoredComment = { ...current, text: change.text, editedAt: T0 + MINUTE, moderation: PUBLISHED, revision: 1 };
        expect(result).toEqual({
          ok: true,
          comment: edited,
          event: { type: 'comment:updated', page: PAGE, seq: 3, comment: toPublicComment(edited), count: 2 },
        });
        expect(await reread(store, comment)).toEqual(edited);
        expect((await page(store)).comments).toEqual([edited]);
        expect((await store.readEvents(SITE, PAGE, 2, 10)).events).toEqual([result.ok && result.event]);
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 0, rejected: 0, approved: 0 });
      });

      it('takes a published reply an edit holds out of the thread and its root’s count, into pending, queued at editedAt', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        const reply = await create(store, newReply(root, { createdAt: T0 + 1 }));
        const waiting = await create(store, newComment({ createdAt: T0 + 30_000, status: 'pending', moderation: HELD }));
        const result = await store.editComment(SITE, PAGE, reply.id, edit(reply, { editedAt: T0 + MINUTE, moderation: HELD, status: 'pending' }));
        expect(result).toMatchObject({
          ok: true,
          comment: { status: 'pending', editedAt: T0 + MINUTE, moderation: HELD, revision: 1 },
          event: { type: 'comment:deleted', page: PAGE, seq: 3, id: reply.id, count: 1 },
        });
        const thread = await page(store);
        expect(thread.comments.map((c) => [c.id, c.replyCount])).toEqual([[root.id, 0]]);
        expect(thread.replies).toEqual([]);
        expect(thread.count).toBe(1);
        expect(ids(await store.listPendingByAuthor(SITE, PAGE, reply.authorId))).toEqual([reply.id]);
        expect(await store.queueCounts(SITE)).toEqual({ pending: 2, reported: 0, rejected: 0, approved: 0 });
        const oldestFirst = await store.listQueue(SITE, 'pending', { order: 'oldest', cursor: null, limit: 10 });
        expect(ids(oldestFirst.items)).toEqual([waiting.id, reply.id]);
      });

      it('keeps a top-level comment an edit rejects listed as a tombstone while it has published replies', async () => {
        const { store } = await fresh();
        const root = await create(store, newComment({ createdAt: T0 }));
        await create(store, newReply(root, { createdAt: T0 + 1 }));
        const result = await store.editComment(SITE, PAGE, root.id, edit(await reread(store, root), { moderation: REJECTED, status: 'rejected' }));
        expect(result).toMatchObject({ ok: true, comment: { status: 'rejected' }, event: { type: 'comment:deleted', id: root.id, count: 1 } });
        const thread = await page(store);
        expect(thread.comments.map((c) => [c.id, c.status, c.replyCount])).toEqual([[root.id, 'rejected', 1]]);
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 0, rejected: 1, approved: 0 });
      });

      it('publishes a held comment edited clean with comment:created and the thread’s next seq', async () => {
        const { store } = await fresh();
        const earlier = await create(store, newComment({ createdAt: T0 }));
        const held = await create(store, newComment({ createdAt: T0 + 1, status: 'pending', moderation: HELD }));
        const result = await store.editComment(SITE, PAGE, held.id, edit(held, { text: 'tanpa tautan', editedAt: T0 + MINUTE }));
        const published: StoredComment = {
          ...held,
          text: 'tanpa tautan',
          editedAt: T0 + MINUTE,
          moderation: PUBLISHED,
          status: 'published',
          revision: 1,
        };
        expect(result).toEqual({
          ok: true,
          comment: published,
          event: { type: 'comment:created', page: PAGE, seq: 2, comment: toPublicComment(published), count: 2 },
        });
        expect(ids((await page(store)).comments)).toEqual([held.id, earlier.id]);
        expect(await store.listPendingByAuthor(SITE, PAGE, held.authorId)).toEqual([]);
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 0, rejected: 0, approved: 0 });
        expect((await store.getAuthorHistory(SITE, held.authorId)).approvedCount).toBe(2);
      });

      it('keeps a held comment an edit holds again in pending, with no event', async () => {
        const { store } = await fresh();
        const held = await create(store, newComment({ createdAt: T0, status: 'pending', moderation: HELD }));
        const result = await store.editComment(SITE, PAGE, held.id, edit(held, { moderation: HELD, status: 'pending' }));
        expect(result).toMatchObject({ ok: true, event: null, comment: { status: 'pending', revision: 1 } });
        expect(await store.queueCounts(SITE)).toEqual({ pending: 1, reported: 0, rejected: 0, approved: 0 });
        expect((await page(store)).seq).toBe(0);
      });

      it('keeps a reported comment in reported through an edit that keeps it published', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment());
        await store.reportComment(SITE, PAGE, comment.id, { reporterId: 'reader-1', reason: 'spam', note: null, at: T0 }, 3);
        const result = await store.editComment(SITE, PAGE, comment.id, edit(await reread(store, comment)));
        expect(result).toMatchObject({ ok: true, comment: { status: 'published' }, event: { type: 'comment:updated' } });
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 1, rejected: 0, approved: 0 });
      });
    });

    describe('deletes', () => {
      it('refuses to delete another author’s comment with FORBIDDEN, and an unknown one with NOT_FOUND', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment());
        expect(await store.deleteComment(SITE, PAGE, comment.id, 'author-z', T0)).toEqual({ ok: false, code: 'FORBIDDEN' });
        expect(await store.deleteComment(SITE, PAGE, 'no-such-comment', comment.authorId, T0)).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await store.deleteComment(SITE, '/elsewhere', comment.id, comment.authorId, T0)).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await reread(store, comment)).toEqual(comment);
      });

      it('wipes a published comment’s text, takes it out of the thread with comment:deleted, and answers a repeat with no event', async () => {
        const { store } = await fresh();
        const keep = await create(store, newComment({ createdAt: T0 }));
        const comment = await create(store, newComment({ createdAt: T0 + 1, text: 'kata-kata yang disesali' }));
        const result = await store.deleteComment(SITE, PAGE, comment.id, comment.authorId, T0 + MINUTE);
        expect(result).toMatchObject({
          ok: true,
          comment: { id: comment.id, status: 'deleted', text: '', likes: 0 },
          event: { type: 'comment:deleted', page: PAGE, seq: 3, id: comment.id, count: 1 },
        });
        const stored = await reread(store, comment);
        expect(stored).toMatchObject({ status: 'deleted', text: '' });
        expect(JSON.stringify(stored)).not.toContain('disesali');
        expect(await store.deleteComment(SITE, PAGE, comment.id, comment.authorId, T0 + 2 * MINUTE)).toEqual({
          ok: true,
          comment: stored,
          event: null,
        });
        const thread = await page(store);
        expect(ids(thread.comments)).toEqual([keep.id]);
        expect(thread.count).toBe(1);
        expect(thread.seq).toBe(3);
        expect(await store.countThreads(SITE, [PAGE])).toEqual({ [PAGE]: 1 });
        const exported: StoredComment[] = [];
        for await (const c of store.exportComments(SITE)) exported.push(c);
        expect(JSON.stringify(exported)).not.toContain('disesali');
      });

      it('takes a deleted comment out of every queue and its author’s pending list, with no thread event when it was not published', async () => {
        const { store } = await fresh();
        const held = await create(store, newComment({ status: 'pending', moderation: HELD }));
        const rejected = await create(store, newComment({ status: 'rejected', moderation: REJECTED }));
        const reported = await create(store, newComment());
        await store.reportComment(SITE, PAGE, reported.id, { reporterId: 'reader-1', reason: 'spam', note: null, at: T0 }, 3);
        const approved = await create(store, newComment({ status: 'pending', moderation: HELD }));
        await store.decideComment(SITE, PAGE, approved.id, approve(T0 + MINUTE), seen(approved));
        expect(await store.queueCounts(SITE)).toEqual({ pending: 1, reported: 1, rejected: 1, approved: 1 });
        const results = [];
        for (const c of [held, reported, approved]) results.push(await store.deleteComment(SITE, PAGE, c.id, c.authorId, T0 + 2 * MINUTE));
        expect(results.map((r) => r.ok && r.event?.type)).toEqual([undefined, 'comment:deleted', 'comment:deleted']);
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 0, rejected: 1, approved: 0 });
        expect((await store.listQueue(SITE, 'rejected', { order: 'newest', cursor: null, limit: 10 })).items.map((c) => c.id)).toEqual([rejected.id]);
        for (const queue of ['pending', 'reported', 'approved'] as const) {
          expect((await store.listQueue(SITE, queue, { order: 'newest', cursor: null, limit: 10 })).items).toEqual([]);
        }
        expect(await store.listPendingByAuthor(SITE, PAGE, held.authorId)).toEqual([]);
        expect((await store.getComment(SITE, PAGE, reported.id))?.reports ?? []).toEqual([]);
        expect((await page(store)).count).toBe(0);
      });

      it('takes a deleted comment out of its author’s published count, as an import of the site would count them', async () => {
        const { store } = await fresh();
        const published = await create(store, newComment());
        await create(store, newComment({ status: 'rejected', moderation: REJECTED }));
        await create(store, newComment());
        expect(await store.getAuthorHistory(SITE, published.authorId)).toMatchObject({ approvedCount: 2, rejectedCount: 1 });
        await store.deleteComment(SITE, PAGE, published.id, published.authorId, T0);
        await store.deleteComment(SITE, PAGE, published.id, published.authorId, T0);
        expect(await store.getAuthorHistory(SITE, published.authorId)).toMatchObject({ approvedCount: 1, rejectedCount: 1 });
      });

      it('refuses an author’s deletion of their rejected comment with NOT_FOUND, so a rejection cannot be wiped from their record', async () => {
        const { store } = await fresh();
        const rejected = await create(store, newComment({ status: 'rejected', moderation: REJECTED }));
        expect(await store.deleteComment(SITE, PAGE, rejected.id, rejected.authorId, T0)).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await store.getComment(SITE, PAGE, rejected.id)).toMatchObject({ status: 'rejected', text: rejected.text });
        expect(await store.getAuthorHistory(SITE, rejected.authorId)).toMatchObject({ rejectedCount: 1 });
        expect(await store.queueCounts(SITE)).toMatchObject({ rejected: 1 });
      });

      it('answers NOT_FOUND to a moderator’s decision or a reader’s report on a deleted comment', async () => {
        const { store } = await fresh();
        const held = await create(store, newComment({ status: 'pending', moderation: HELD }));
        const published = await create(store, newComment());
        for (const c of [held, published]) {
          await store.deleteComment(SITE, PAGE, c.id, c.authorId, T0);
          const deleted = await reread(store, c);
          for (const decision of [approve(T0 + 1), reject(T0 + 1)]) {
            // Whatever revision the console saw: the one it read before the delete, or the tombstone's.
            for (const revision of [c.revision ?? 0, deleted.revision ?? 0]) {
              const options = { ...seen(deleted), revision };
              expect(await store.decideComment(SITE, PAGE, c.id, decision, options)).toEqual({ ok: false, code: 'NOT_FOUND' });
            }
          }
          const report = { reporterId: 'reader-1', reason: 'spam' as const, note: null, at: T0 + 2 };
          expect(await store.reportComment(SITE, PAGE, c.id, report, 1)).toEqual({ ok: false, code: 'NOT_FOUND' });
        }
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 0, rejected: 0, approved: 0 });
      });
    });

    describe('events and durability', () => {
      it('replays created, updated, liked and deleted events in order, gap-free', async () => {
        const { store } = await fresh();
        const comment = await create(store, newComment({ createdAt: T0 }));
        const liked = await store.reactToComment(SITE, PAGE, comment.id, 'reader-1', true);
        const edited = await store.editComment(SITE, PAGE, comment.id, edit(comment, { editedAt: T0 + MINUTE }));
        const reply = await store.createComment(newReply(comment, { createdAt: T0 + 2 * MINUTE }), `key-${unique()}`);
        const deleted = await store.deleteComment(SITE, PAGE, comment.id, comment.authorId, T0 + 3 * MINUTE);
        const log = await store.readEvents(SITE, PAGE, 0, 100);
        expect(log.events.map((e) => [e.seq, e.type])).toEqual([
          [1, 'comment:created'],
          [2, 'comment:liked'],
          [3, 'comment:updated'],
          [4, 'comment:created'],
          [5, 'comment:deleted'],
        ]);
        expect(log.events.slice(1)).toEqual([liked.ok && liked.event, edited.ok && edited.event, reply.event, deleted.ok && deleted.event]);
        expect(log).toMatchObject({ seq: 5, complete: true });
        expect((await store.readEvents(SITE, PAGE, 3, 1)).events.map((e) => e.seq)).toEqual([4]);
      });

      it('keeps replies, likes, edits and tombstones after the store is closed and opened again', async () => {
        const h = await fresh();
        const root = await create(h.store, newComment({ createdAt: T0 }));
        const reply = await create(h.store, newReply(root, { createdAt: T0 + 1 }));
        await h.store.reactToComment(SITE, PAGE, reply.id, 'reader-1', true);
        await h.store.editComment(SITE, PAGE, reply.id, edit(reply, { text: 'sudah diubah', editedAt: T0 + MINUTE }));
        await h.store.deleteComment(SITE, PAGE, root.id, root.authorId, T0 + 2 * MINUTE);
        const before = await page(h.store, { viewerId: 'reader-1' });
        const reopened = await h.reopen();
        const after = await page(reopened, { viewerId: 'reader-1' });
        expect(after).toEqual(before);
        expect(after.comments.map((c) => [c.status, c.replyCount])).toEqual([['deleted', 1]]);
        expect(after.replies.map((r) => [r.text, r.likes, r.editedAt])).toEqual([['sudah diubah', 1, T0 + MINUTE]]);
        expect(after.liked).toEqual([reply.id]);
        expect(await reopened.reactToComment(SITE, PAGE, reply.id, 'reader-1', true)).toMatchObject({ ok: true, likes: 1, event: null });
      });
    });
  });
}
