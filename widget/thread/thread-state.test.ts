import { describe, expect, it } from 'vitest';
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentCreatedEvent, ThreadSnapshot } from '../../protocol/events.ts';
import {
  addOwnComment,
  appendOlder,
  applyResync,
  applySnapshot,
  beginRejoin,
  createThreadState,
  needsRejoin,
  needsResync,
  receiveEvent,
  type ThreadState,
} from './thread-state.ts';

const PAGE = '/news/hilirisasi';

function comment(id: string, createdAt: number, over: Partial<PublicComment> = {}): PublicComment {
  return { id, page: PAGE, parentId: null, authorId: 'a1', authorName: 'Sari', text: `text ${id}`, status: 'published', createdAt, ...over };
}

function created(seq: number, c: PublicComment, count = seq): CommentCreatedEvent {
  return { type: 'comment:created', page: PAGE, seq, comment: c, count };
}

function snapshot(over: Partial<ThreadSnapshot> = {}): ThreadSnapshot {
  return {
    page: PAGE,
    comments: [],
    nextCursor: null,
    count: 0,
    seq: 0,
    mine: [],
    viewer: { authorId: 'me', token: 't' },
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
    const state = ready({ comments: [comment('c', 3), comment('a', 1)], mine: [comment('b', 2, { status: 'pending' })], count: 2 });
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
});
