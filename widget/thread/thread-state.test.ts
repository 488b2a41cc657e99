import { describe, expect, it } from 'vitest';
import { publicComment, replyFields } from '../../protocol/comment-fixtures.ts';
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentCreated, CommentCreatedEvent, CommentDeletedEvent, ThreadSnapshot } from '../../protocol/events.ts';
import {
  addOwnComment,
  appendOlder,
  appendReplies,
  applyOwnDecision,
  applyResync,
  applySnapshot,
  arrivedSince,
  beginRejoin,
  createThreadState,
  needsRejoin,
  needsResync,
  ownHeld,
  receiveEvent,
  dropOwn,
  removeComment,
  setLikes,
  shownReplies,
  type ThreadState,
} from './thread-state.ts';

const PAGE = '/news/hilirisasi';

function comment(id: string, createdAt: number, over: Partial<PublicComment> = {}): PublicComment {
  return publicComment(id, createdAt, { page: PAGE, authorId: 'a1', text: `text ${id}`, ...over });
}

/** A reply to `parent` (its root `root`, or the parent itself when that is top-level). */
function reply(id: string, createdAt: number, parent: PublicComment, over: Partial<PublicComment> = {}): PublicComment {
  return comment(id, createdAt, { ...replyFields(parent), ...over });
}

/** One of the viewer's held comments as a snapshot lists it. */
function own(c: PublicComment, reasons: CommentCreated['reasons'] = []): CommentCreated {
  return { comment: c, reasons };
}

function created(seq: number, c: PublicComment, count = seq): CommentCreatedEvent {
  return { type: 'comment:created', page: PAGE, seq, comment: c, count };
}

function deleted(seq: number, id: string, count: number): CommentDeletedEvent {
  return { type: 'comment:deleted', page: PAGE, seq, id, count };
}

function snapshot(over: Partial<ThreadSnapshot> = {}): ThreadSnapshot {
  return {
    page: PAGE,
    sort: 'newest',
    comments: [],
    replies: [],
    liked: [],
    nextCursor: null,
    count: 0,
    seq: 0,
    mine: [],
    closed: false,
    editWindowMinutes: 15,
    viewer: { authorId: 'me', token: 't', kind: 'anonymous', name: null, avatarUrl: null, ssoError: null },
    ...over,
  };
}

function ids(state: ThreadState): string[] {
  return state.comments.map((c) => c.id);
}

function ready(over: Partial<ThreadSnapshot> = {}): ThreadState {
  return applySnapshot(createThreadState(PAGE), snapshot(over));
}

describe('thread state', () => {
  it('shows the snapshot newest first with its count, seq and cursor', () => {
    const state = ready({ comments: [comment('b', 2), comment('a', 1)], count: 2, seq: 7, nextCursor: '1' });
    expect(state.phase).toBe('ready');
    expect(ids(state)).toEqual(['b', 'a']);
    expect(state).toMatchObject({ count: 2, seq: 7, nextCursor: '1' });
  });

  it("merges the viewer's own pending comments into the snapshot in time order", () => {
    const state = ready({ comments: [comment('c', 3), comment('a', 1)], mine: [own(comment('b', 2, { status: 'pending' }))], count: 2 });
    expect(ids(state)).toEqual(['c', 'b', 'a']);
    expect(state.comments[1]?.status).toBe('pending');
  });

  it('applies the next event and takes the count from it', () => {
    const state = receiveEvent(ready({ seq: 3, count: 3 }), created(4, comment('x', 10), 4));
    expect(ids(state)).toEqual(['x']);
    expect(state).toMatchObject({ seq: 4, count: 4 });
    expect(needsResync(state)).toBe(false);
  });

  it('ignores an event it has already applied', () => {
    const once = receiveEvent(ready({ seq: 3 }), created(4, comment('x', 10)));
    const twice = receiveEvent(once, created(4, comment('x', 10)));
    expect(twice).toBe(once);
    expect(receiveEvent(once, created(2, comment('old', 1)))).toBe(once);
  });

  it('buffers an event that arrives after a gap and asks for a resync', () => {
    const state = receiveEvent(ready({ seq: 3 }), created(6, comment('z', 60)));
    expect(ids(state)).toEqual([]);
    expect(state.seq).toBe(3);
    expect(needsResync(state)).toBe(true);
  });

  it('fills a gap from the resync answer, then applies what was buffered behind it, in order', () => {
    let state = receiveEvent(ready({ seq: 3 }), created(6, comment('z', 60)));
    state = applyResync(state, { events: [created(4, comment('x', 40)), created(5, comment('y', 50))], seq: 5, reset: false });
    expect(ids(state)).toEqual(['z', 'y', 'x']);
    expect(state.seq).toBe(6);
    expect(state.buffered).toEqual([]);
    expect(needsResync(state)).toBe(false);
  });

  it('fills a gap when buffered events also arrive inside the resync answer, without duplicates', () => {
    let state = receiveEvent(ready({ seq: 1 }), created(3, comment('c', 3)));
    state = applyResync(state, { events: [created(2, comment('b', 2)), created(3, comment('c', 3))], seq: 3, reset: false });
    expect(ids(state)).toEqual(['c', 'b']);
    expect(state.seq).toBe(3);
  });

  it('buffers events that arrive before the snapshot and applies only the newer ones after it', () => {
    let state = createThreadState(PAGE);
    state = receiveEvent(state, created(5, comment('e', 5)));
    state = receiveEvent(state, created(6, comment('f', 6), 6));
    expect(ids(state)).toEqual([]);
    state = applySnapshot(state, snapshot({ comments: [comment('e', 5)], seq: 5, count: 5 }));
    expect(ids(state)).toEqual(['f', 'e']);
    expect(state).toMatchObject({ seq: 6, count: 6, buffered: [] });
  });

  it('applies a resync after a reconnect in order and once, even when nothing was buffered', () => {
    const state = applyResync(ready({ seq: 2, comments: [comment('b', 2), comment('a', 1)] }), {
      events: [created(3, comment('c', 3)), created(4, comment('d', 4))],
      seq: 4,
      reset: false,
    });
    expect(ids(state)).toEqual(['d', 'c', 'b', 'a']);
    expect(state.seq).toBe(4);
  });

  it('becomes stale on a reset resync so the caller re-joins', () => {
    const state = applyResync(ready({ seq: 2 }), { events: [], seq: 900, reset: true });
    expect(needsRejoin(state)).toBe(true);
    const rejoining = beginRejoin(state);
    expect(rejoining.phase).toBe('joining');
    expect(needsRejoin(rejoining)).toBe(false);
  });

  it('becomes stale rather than growing without bound while a gap stays open', () => {
    let state = ready({ seq: 1 });
    for (let seq = 3; seq < 3 + 600; seq++) state = receiveEvent(state, created(seq, comment(`c${seq}`, seq)));
    expect(needsRejoin(state)).toBe(true);
    expect(state.buffered).toEqual([]);
  });

  it("shows the author's own comment from the ack once, whether the broadcast comes before or after", () => {
    const mine = comment('m', 9);
    const ackFirst = receiveEvent(addOwnComment(ready({ seq: 1, count: 1 }), mine), created(2, mine, 2));
    const broadcastFirst = addOwnComment(receiveEvent(ready({ seq: 1, count: 1 }), created(2, mine, 2)), mine);
    expect(ids(ackFirst)).toEqual(['m']);
    expect(ids(broadcastFirst)).toEqual(['m']);
    expect(ackFirst.count).toBe(2);
    expect(broadcastFirst.count).toBe(2);
  });

  it("keeps the author's own pending comment, which no broadcast ever confirms", () => {
    const state = addOwnComment(ready({ seq: 1 }), comment('p', 5, { status: 'pending' }));
    expect(state.comments.map((c) => c.status)).toEqual(['pending']);
    expect(state.count).toBe(0);
  });

  it('never shows a pending comment of someone else, even if it were broadcast', () => {
    const state = receiveEvent(ready({ seq: 1 }), created(2, comment('p', 5, { status: 'pending', authorId: 'other' })));
    expect(ids(state)).toEqual([]);
    expect(state.seq).toBe(2);
  });

  it('appends an older page below without repeating comments already shown', () => {
    const state = appendOlder(ready({ comments: [comment('c', 3), comment('b', 2)], nextCursor: '2' }), {
      comments: [comment('b', 2), comment('a', 1)],
      replies: [],
      liked: [],
      nextCursor: null,
    });
    expect(ids(state)).toEqual(['c', 'b', 'a']);
    expect(state.nextCursor).toBeNull();
  });

  it('orders comments with the same time by id so every reader sees the same order', () => {
    const state = ready({ comments: [comment('a', 5), comment('b', 5)] });
    expect(ids(state)).toEqual(['b', 'a']);
  });

  it('ignores events for another page', () => {
    const state = ready({ seq: 1 });
    expect(receiveEvent(state, { ...created(2, comment('x', 1)), page: '/other' })).toBe(state);
  });

  describe('a comment leaving the thread', () => {
    it('drops a deleted comment and takes the count from the event', () => {
      const state = receiveEvent(ready({ comments: [comment('c', 3), comment('b', 2), comment('a', 1)], seq: 3, count: 3 }), deleted(4, 'b', 2));
      expect(ids(state)).toEqual(['c', 'a']);
      expect(state).toMatchObject({ seq: 4, count: 2 });
    });

    it('takes the count and seq from a deletion of a comment not loaded here', () => {
      const state = receiveEvent(ready({ comments: [comment('c', 3)], seq: 3, count: 30, nextCursor: '3' }), deleted(4, 'old', 29));
      expect(ids(state)).toEqual(['c']);
      expect(state).toMatchObject({ seq: 4, count: 29 });
    });

    it('applies creations and deletions of one batch in seq order, and buffers a deletion behind a gap', () => {
      let state = ready({ comments: [comment('a', 1)], seq: 1, count: 1 });
      state = receiveEvent(state, deleted(4, 'x', 1));
      expect(needsResync(state)).toBe(true);
      state = receiveEvent(state, created(2, comment('x', 20), 2));
      state = receiveEvent(state, created(3, comment('y', 30), 3));
      expect(ids(state)).toEqual(['y', 'a']);
      expect(state).toMatchObject({ seq: 4, count: 1, buffered: [] });
    });

    it('replays deletions from a resync, gap-free, once', () => {
      const before = ready({ comments: [comment('b', 2), comment('a', 1)], seq: 2, count: 2 });
      const state = applyResync(before, { events: [created(3, comment('c', 3), 3), deleted(4, 'a', 2), deleted(4, 'a', 2)], seq: 4, reset: false });
      expect(ids(state)).toEqual(['c', 'b']);
      expect(state).toMatchObject({ seq: 4, count: 2 });
      expect(applyResync(state, { events: [deleted(4, 'b', 1)], seq: 4, reset: false })).toEqual(state);
    });

    it('applies a deletion that arrived before the snapshot only if the snapshot is older', () => {
      let state = receiveEvent(createThreadState(PAGE), deleted(6, 'b', 1));
      state = receiveEvent(state, deleted(5, 'a', 2));
      const included = applySnapshot(state, snapshot({ comments: [comment('c', 3)], seq: 6, count: 1 }));
      expect(ids(included)).toEqual(['c']);
      const older = applySnapshot(state, snapshot({ comments: [comment('c', 3), comment('b', 2), comment('a', 1)], seq: 4, count: 3 }));
      expect(ids(older)).toEqual(['c']);
      expect(older).toMatchObject({ seq: 6, count: 1 });
    });

    it('does not bring a deleted comment back with an older page read before the deletion', () => {
      let state = receiveEvent(ready({ comments: [comment('c', 3), comment('b', 2)], seq: 3, count: 3, nextCursor: '2' }), deleted(4, 'b', 2));
      state = appendOlder(state, { comments: [comment('b', 2), comment('a', 1)], replies: [], liked: [], nextCursor: null });
      expect(ids(state)).toEqual(['c', 'a']);
    });
  });

  describe('a re-published comment', () => {
    it('places it by its creation time among the comments held, not at the top', () => {
      const before = ready({ comments: [comment('d', 40), comment('b', 20), comment('a', 10)], seq: 7, count: 3 });
      const state = receiveEvent(before, created(8, comment('c', 30), 4));
      expect(ids(state)).toEqual(['d', 'c', 'b', 'a']);
      expect(state).toMatchObject({ seq: 8, count: 4 });
    });

    it('shows it once when it is already held (the viewer’s own, approved)', () => {
      const before = ready({ comments: [comment('b', 20)], mine: [own(comment('m', 15, { status: 'pending' }))], seq: 7, count: 1 });
      const state = receiveEvent(before, created(8, comment('m', 15), 2));
      expect(state.comments.map((c) => [c.id, c.status])).toEqual([
        ['b', 'published'],
        ['m', 'published'],
      ]);
      expect(state.count).toBe(2);
    });

    it('comes back after a deletion, and an older page then keeps it', () => {
      let state = ready({ comments: [comment('c', 30), comment('b', 20)], seq: 2, count: 2, nextCursor: '1' });
      state = receiveEvent(state, deleted(3, 'b', 1));
      state = receiveEvent(state, created(4, comment('b', 20), 2));
      expect(ids(state)).toEqual(['c', 'b']);
      state = appendOlder(state, { comments: [comment('b', 20), comment('a', 10)], replies: [], liked: [], nextCursor: null });
      expect(ids(state)).toEqual(['c', 'b', 'a']);
    });
  });

  describe("a moderator's decision on the viewer's held comment", () => {
    const held = comment('m', 15, { status: 'pending', authorId: 'me' });
    const withHeld = () => ready({ comments: [comment('b', 20), comment('a', 10)], mine: [own(held)], seq: 5, count: 2 });

    it('turns it into a published comment in place, leaving count and seq to its comment:created', () => {
      const { thread, rejected } = applyOwnDecision(withHeld(), { id: 'm', page: PAGE, status: 'published' });
      expect(thread.comments.map((c) => [c.id, c.status])).toEqual([
        ['b', 'published'],
        ['m', 'published'],
        ['a', 'published'],
      ]);
      expect(thread).toMatchObject({ seq: 5, count: 2 });
      expect(rejected).toBeNull();
      const after = receiveEvent(thread, created(6, { ...held, status: 'published' }, 3));
      expect(ids(after)).toEqual(['b', 'm', 'a']);
      expect(after.count).toBe(3);
    });

    it('takes it out on a rejection and names it for the notice', () => {
      const { thread, rejected } = applyOwnDecision(withHeld(), { id: 'm', page: PAGE, status: 'rejected' });
      expect(ids(thread)).toEqual(['b', 'a']);
      expect(rejected).toEqual(held);
      expect(thread).toMatchObject({ seq: 5, count: 2 });
    });

    it('changes nothing for a comment on another page of the site, one not held here, or one already published', () => {
      const state = withHeld();
      expect(applyOwnDecision(state, { id: 'm', page: '/other', status: 'rejected' })).toEqual({ thread: state, rejected: null });
      expect(applyOwnDecision(state, { id: 'zz', page: PAGE, status: 'rejected' })).toEqual({ thread: state, rejected: null });
      const published = receiveEvent(state, created(6, { ...held, status: 'published' }, 3));
      expect(applyOwnDecision(published, { id: 'm', page: PAGE, status: 'published' }).thread).toBe(published);
      expect(applyOwnDecision(published, { id: 'm', page: PAGE, status: 'rejected' }).thread).toBe(published);
    });
  });
});

describe('what arrived, for the announcement', () => {
  it("answers the published comments of others a live event added, not the viewer's own", () => {
    const before = ready({ comments: [comment('a', 1)], count: 1, seq: 1 });
    let after = receiveEvent(before, created(2, comment('b', 2, { authorName: 'Budi' }), 2));
    after = receiveEvent(after, created(3, comment('mine', 3, { authorId: 'me' }), 3));
    expect(arrivedSince(before, after, 'me').map((c) => c.id)).toEqual(['b']);
  });

  it('answers nothing for the first snapshot or a deletion', () => {
    const joining = createThreadState(PAGE);
    const first = applySnapshot(joining, snapshot({ comments: [comment('a', 1)], count: 1 }));
    expect(arrivedSince(joining, first, 'me')).toEqual([]);
    expect(arrivedSince(first, receiveEvent(first, deleted(1, 'a', 0)), 'me')).toEqual([]);
  });
});

describe('own held comments', () => {
  it('counts the held comments the viewer sees apart from the published count', () => {
    const state = ready({ comments: [comment('a', 1)], count: 1, mine: [own(comment('h1', 2, { status: 'pending', authorId: 'me' }))] });
    expect(ownHeld(state)).toBe(1);
    expect(state.count).toBe(1);
  });
});

describe('replies, likes, edits and sorts', () => {
  const root = comment('r', 10, { replyCount: 1 });
  const first = reply('r1', 11, root);
  const withReply = () => ready({ comments: [root], replies: [first], count: 2, seq: 1 });

  it('keeps replies apart from the top-level comments, oldest first, and counts a live one on its root', () => {
    const state = receiveEvent(withReply(), created(2, reply('r2', 12, first), 3));
    expect(ids(state)).toEqual(['r']);
    expect(state.replies.map((c) => c.id)).toEqual(['r1', 'r2']);
    expect(state.comments[0]?.replyCount).toBe(2);
    expect(state.count).toBe(3);
  });

  it("counts the viewer's own published reply once, whether the ack or the broadcast comes first", () => {
    const mine = reply('m', 12, root, { authorId: 'me' });
    const ackFirst = receiveEvent(addOwnComment(withReply(), mine), created(2, mine, 3));
    const broadcastFirst = addOwnComment(receiveEvent(withReply(), created(2, mine, 3)), mine);
    expect(ackFirst.comments[0]?.replyCount).toBe(2);
    expect(broadcastFirst.comments[0]?.replyCount).toBe(2);
  });

  it('remembers how many replies the page carried, which a live reply does not change (the first thread:replies skips those)', () => {
    const state = receiveEvent(withReply(), created(2, reply('r2', 12, root), 3));
    expect(state.carried.get('r')).toBe(1);
    expect(shownReplies(state, 'r')).toBe(2);
    const paged = appendOlder(state, { comments: [comment('o', 1)], replies: [reply('o1', 2, comment('o', 1))], liked: [], nextCursor: null });
    expect(paged.carried.get('o')).toBe(1);
  });

  it('does not count a held reply until a moderator publishes it', () => {
    const held = reply('h', 12, root, { status: 'pending', authorId: 'me' });
    const state = addOwnComment(withReply(), held);
    expect(state.comments[0]?.replyCount).toBe(1);
    expect(applyOwnDecision(state, { id: 'h', page: PAGE, status: 'published' }).thread.comments[0]?.replyCount).toBe(2);
  });

  it('keeps a deleted comment as a tombstone while replies hang under it, and drops one without', () => {
    const tomb = receiveEvent(withReply(), deleted(2, 'r', 1));
    expect(tomb.comments.map((c) => [c.id, c.status, c.text, c.authorName])).toEqual([['r', 'deleted', '', '']]);
    const gone = receiveEvent(withReply(), deleted(2, 'r1', 1));
    expect(gone.replies).toEqual([]);
    expect(gone.comments[0]?.replyCount).toBe(0);
    expect(gone.count).toBe(1);
  });

  it("keeps the viewer's own held version when its public one leaves (an edit sent it back to review)", () => {
    const heldAgain = { ...root, status: 'pending' as const, authorId: 'me' };
    const state = receiveEvent(addOwnComment(withReply(), heldAgain), deleted(2, 'r', 1));
    expect(state.comments.map((c) => c.status)).toEqual(['pending']);
    expect(removeComment(state, 'nothing-here')).toBe(state);
  });

  it("drops the viewer's own held comment at once, and a published one of theirs as any removal", () => {
    const held = reply('h', 12, root, { status: 'pending', authorId: 'me' });
    expect(dropOwn(addOwnComment(withReply(), held), 'h').replies.map((c) => c.id)).toEqual(['r1']);
    expect(dropOwn(withReply(), 'r').comments.map((c) => c.status)).toEqual(['deleted']);
  });

  it('replaces an edited comment in place and leaves one not loaded here out', () => {
    const edited = { ...first, text: 'baru', editedAt: 20 };
    const state = receiveEvent(withReply(), { type: 'comment:updated', page: PAGE, seq: 2, comment: edited, count: 2 });
    expect(state.replies).toEqual([edited]);
    const elsewhere = receiveEvent(withReply(), { type: 'comment:updated', page: PAGE, seq: 2, comment: comment('far', 1), count: 2 });
    expect(ids(elsewhere)).toEqual(['r']);
    expect(elsewhere.seq).toBe(2);
  });

  it("takes live like counts without reordering, and the viewer's own like from its answer", () => {
    const state = ready({ sort: 'likes', comments: [comment('a', 1, { likes: 3 }), comment('b', 2, { likes: 1 })], liked: ['a'], seq: 1 });
    expect(state.liked.has('a')).toBe(true);
    const live = receiveEvent(state, { type: 'comment:liked', page: PAGE, seq: 2, id: 'b', likes: 9 });
    expect(live.comments.map((c) => [c.id, c.likes])).toEqual([
      ['a', 3],
      ['b', 9],
    ]);
    const unliked = setLikes(live, 'a', 2, false);
    expect(unliked.liked.has('a')).toBe(false);
    expect(unliked.comments[0]?.likes).toBe(2);
  });

  it('orders a live top-level comment by the sort: at the end oldest first, by likes then newest', () => {
    const oldest = receiveEvent(ready({ sort: 'oldest', comments: [comment('a', 1), comment('b', 2)], seq: 1 }), created(2, comment('c', 3)));
    expect(ids(oldest)).toEqual(['a', 'b', 'c']);
    const likes = receiveEvent(
      ready({ sort: 'likes', comments: [comment('a', 1, { likes: 2 }), comment('b', 2)], seq: 1 }),
      created(2, comment('c', 3)),
    );
    expect(ids(likes)).toEqual(['a', 'c', 'b']);
  });

  it('adds a page with its replies and likes, and more replies of one root with their cursor', () => {
    let state = appendOlder(ready({ comments: [root], replies: [first], nextCursor: 'p2' }), {
      comments: [comment('o', 1, { replyCount: 60 })],
      replies: [reply('o1', 2, comment('o', 1))],
      liked: ['o1'],
      nextCursor: null,
    });
    expect(ids(state)).toEqual(['r', 'o']);
    expect(shownReplies(state, 'o')).toBe(1);
    expect(state.liked.has('o1')).toBe(true);
    state = appendReplies(state, { rootId: 'o', replies: [reply('o2', 3, comment('o', 1))], liked: [], nextCursor: 'c2' });
    expect(shownReplies(state, 'o')).toBe(2);
    expect(state.replyCursors.get('o')).toBe('c2');
    // Counted by the server already: the root's replyCount is not raised again.
    expect(state.comments[1]?.replyCount).toBe(60);
  });

  it("shows the viewer's held reply after a reload and counts it apart", () => {
    const held = reply('h', 12, root, { status: 'pending', authorId: 'me' });
    const state = ready({ comments: [root], replies: [first], mine: [own(held)], count: 2 });
    expect(state.replies.map((c) => c.id)).toEqual(['r1', 'h']);
    expect(ownHeld(state)).toBe(1);
  });
});
