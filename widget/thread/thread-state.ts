/**
 * Pure thread state: what one reader's widget knows about one thread, and how each thing
 * the server says changes it. No sockets, no DOM, no clock: every function takes a state and
 * returns a new one, so the ordering rules (sequence numbers, gaps, duplicates, the window
 * between subscribing and receiving the snapshot) are tested on their own.
 */
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentStatusChange, ThreadEvent, ThreadPage, ThreadReplies, ThreadResync, ThreadSnapshot, ThreadSort } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';

export interface ThreadState {
  page: string;
  /** `joining` until the first snapshot is applied; live events are buffered until then. */
  phase: 'joining' | 'ready';
  /** The order of `comments` (the join's sort). */
  sort: ThreadSort;
  /** Top-level comments in `sort` order, one entry per id; includes the viewer's own pending ones and tombstones. */
  comments: readonly PublicComment[];
  /** Replies at every depth, oldest first, one entry per id; the viewer's own pending ones and tombstones included. */
  replies: readonly PublicComment[];
  /** Ids of the comments the viewer likes. */
  liked: ReadonlySet<string>;
  /** Per top-level comment whose replies were paged with `thread:replies`: the cursor for the next ones (null: none left). */
  replyCursors: ReadonlyMap<string, string | null>;
  /**
   * Per top-level comment, how many replies its page carried: the first `thread:replies` skips
   * those (not those shown, which may include newer ones that arrived live).
   */
  carried: ReadonlyMap<string, number>;
  /** Published comments in the thread, as the server last counted them. */
  count: number;
  /** The last event sequence applied; everything up to it is reflected in `comments`. */
  seq: number;
  /** Cursor for older comments; null when the oldest page has been loaded. */
  nextCursor: string | null;
  /**
   * Events received but not yet applicable: before the snapshot, or after a gap. Sorted by
   * seq, no duplicates, all with seq > `seq + 1` once the thread is ready.
   */
  buffered: readonly ThreadEvent[];
  /**
   * True when the buffer overflowed (a long outage while events kept arriving): the only
   * safe way back is a fresh `thread:join`.
   */
  stale: boolean;
  /**
   * Ids a `comment:deleted` took out of the thread during this visit, so an older page that
   * was read before the deletion (a `thread:more` in flight) cannot bring one back. A later
   * `comment:created` of the same id (a moderator re-published it) takes it off again.
   */
  removed: ReadonlySet<string>;
}

/** More buffered events than this and we stop trying to patch the gap; we re-join. */
const BUFFER_MAX = LIMITS.resyncMax;

export function createThreadState(page: string, sort: ThreadSort = 'newest'): ThreadState {
  return {
    page,
    phase: 'joining',
    sort,
    comments: [],
    replies: [],
    liked: new Set(),
    replyCursors: new Map(),
    carried: new Map(),
    count: 0,
    seq: 0,
    nextCursor: null,
    buffered: [],
    stale: false,
    removed: new Set(),
  };
}

/**
 * Newest first by creation time; the id breaks ties so two widgets that saw the same
 * comments in a different order still show them identically.
 */
function compareNewestFirst(a: PublicComment, b: PublicComment): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The order of each sort (the server's, so a live comment lands where a reload would put it); replies are always oldest first. */
const orders: Record<ThreadSort | 'replies', (a: PublicComment, b: PublicComment) => number> = {
  newest: compareNewestFirst,
  oldest: (a, b) => compareNewestFirst(b, a),
  likes: (a, b) => b.likes - a.likes || compareNewestFirst(a, b),
  replies: (a, b) => compareNewestFirst(b, a),
};

/** Adds or replaces comments by id, keeping the order (newest first unless told otherwise). */
export function upsertComments(
  existing: readonly PublicComment[],
  incoming: readonly PublicComment[],
  order: ThreadSort | 'replies' = 'newest',
): PublicComment[] {
  if (incoming.length === 0) return [...existing];
  const byId = new Map<string, PublicComment>();
  for (const c of existing) byId.set(c.id, c);
  for (const c of incoming) byId.set(c.id, c);
  return [...byId.values()].sort(orders[order]);
}

const isReply = (c: PublicComment) => c.rootId !== null;

/** Published replies of `rootId` this state shows. */
export function shownReplies(state: ThreadState, rootId: string): number {
  return state.replies.filter((r) => r.rootId === rootId && r.status === 'published').length;
}

/**
 * Adds or replaces comments, top-level ones and replies each in their list. A reply that
 * becomes published here (new, or one of the viewer's own that was held) adds one to its
 * root's replyCount; one that stops being published takes one off: the server counts the same
 * way, and its next snapshot says the same number.
 */
function upsert(state: ThreadState, incoming: readonly PublicComment[]): ThreadState {
  const before = new Map(state.replies.map((r) => [r.id, r.status]));
  const delta = new Map<string, number>();
  for (const r of incoming) {
    if (!isReply(r) || r.rootId === null) continue;
    const was = before.get(r.id) === 'published';
    const is = r.status === 'published';
    if (was !== is) delta.set(r.rootId, (delta.get(r.rootId) ?? 0) + (is ? 1 : -1));
  }
  const top = upsertComments(
    state.comments,
    incoming.filter((c) => !isReply(c)),
    state.sort,
  );
  return {
    ...state,
    comments:
      delta.size === 0 ? top : top.map((c) => (delta.has(c.id) ? { ...c, replyCount: Math.max(0, c.replyCount + (delta.get(c.id) ?? 0)) } : c)),
    replies: upsertComments(state.replies, incoming.filter(isReply), 'replies'),
  };
}

/** Every comment the state holds with this id, top-level or reply. */
export function findComment(state: ThreadState, id: string): PublicComment | undefined {
  return state.comments.find((c) => c.id === id) ?? state.replies.find((c) => c.id === id);
}

/**
 * A comment left the thread (deleted, rejected, held again): kept as a tombstone (text and
 * name gone) while replies hang under it, else dropped, as a reload would show it. The
 * viewer's own held version (an edit sent it back to review) is not the public one and stays.
 */
export function removeComment(state: ThreadState, id: string): ThreadState {
  const c = findComment(state, id);
  if (!c || c.status === 'pending') return state;
  const hasReplies = state.replies.some((r) => r.parentId === id);
  if (hasReplies) return upsert(state, [{ ...c, status: 'deleted', text: '', authorName: '' }]);
  const next = upsert(state, c.status === 'published' && isReply(c) ? [{ ...c, status: 'deleted' }] : []);
  return { ...next, comments: next.comments.filter((x) => x.id !== id), replies: next.replies.filter((x) => x.id !== id) };
}

/**
 * One of the viewer's own comments leaves their view (they deleted it, or an edit's verdict
 * rejected it): a held one simply goes, since no broadcast will come for it; a published one as
 * any comment leaves (a tombstone while replies hang under it).
 */
export function dropOwn(state: ThreadState, id: string): ThreadState {
  if (findComment(state, id)?.status !== 'pending') return removeComment(state, id);
  return { ...state, comments: state.comments.filter((c) => c.id !== id), replies: state.replies.filter((c) => c.id !== id) };
}

/** Replaces a comment the state holds (an edit), keeping its place; one not held here is not added. */
export function replaceComment(state: ThreadState, comment: PublicComment): ThreadState {
  return findComment(state, comment.id) ? upsert(state, [comment]) : state;
}

/** Sets a comment's likes (a live event, or the viewer's own like's answer) without moving it: a list that reorders under the reader's pointer is worse than one a like behind. */
export function setLikes(state: ThreadState, id: string, likes: number, liked?: boolean): ThreadState {
  const patch = (list: readonly PublicComment[]) => list.map((c) => (c.id === id ? { ...c, likes } : c));
  const next = { ...state, comments: patch(state.comments), replies: patch(state.replies) };
  if (liked === undefined) return next;
  const set = new Set(state.liked);
  if (liked) set.add(id);
  else set.delete(id);
  return { ...next, liked: set };
}

function withLiked(liked: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  return ids.length === 0 ? liked : new Set([...liked, ...ids]);
}

/** Readers see only published comments and tombstones; an author also sees their own pending ones. */
function isVisible(comment: PublicComment, ownPendingIds: ReadonlySet<string>): boolean {
  return comment.status === 'published' || comment.status === 'deleted' || ownPendingIds.has(comment.id);
}

/**
 * Applies a `thread:join` snapshot, then any events that arrived while it was on its way
 * (those the snapshot already includes, seq ≤ snapshot.seq, are dropped).
 */
export function applySnapshot(state: ThreadState, snapshot: ThreadSnapshot): ThreadState {
  const mine = snapshot.mine.map((m) => m.comment);
  const ownPending = new Set(mine.map((c) => c.id));
  const all = [...snapshot.comments, ...snapshot.replies, ...mine].filter((c) => isVisible(c, ownPending));
  const next: ThreadState = {
    page: state.page,
    phase: 'ready',
    sort: snapshot.sort,
    comments: upsertComments(
      [],
      all.filter((c) => !isReply(c)),
      snapshot.sort,
    ),
    replies: upsertComments([], all.filter(isReply), 'replies'),
    liked: new Set(snapshot.liked),
    replyCursors: new Map(),
    carried: tally(new Map(), snapshot.replies),
    count: snapshot.count,
    seq: snapshot.seq,
    nextCursor: snapshot.nextCursor,
    buffered: state.buffered.filter((e) => e.seq > snapshot.seq),
    stale: false,
    // The snapshot is the server's word on everything up to its seq: nothing it shows was removed since.
    removed: new Set(),
  };
  return drainBuffer(next);
}

function withoutId(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!ids.has(id)) return ids;
  const next = new Set(ids);
  next.delete(id);
  return next;
}

function applyOne(state: ThreadState, event: ThreadEvent): ThreadState {
  switch (event.type) {
    case 'comment:created': {
      if (event.comment.status !== 'published') return { ...state, count: event.count, seq: event.seq };
      // A re-published comment (approved after a report hid it, or a rejection undone) comes
      // with the next seq but its own, older createdAt: upsertComments places it by time, once.
      const next = upsert(state, [event.comment]);
      return { ...next, count: event.count, seq: event.seq, removed: withoutId(state.removed, event.comment.id) };
    }
    case 'comment:deleted': {
      const next = removeComment(state, event.id);
      return { ...next, count: event.count, seq: event.seq, removed: new Set(state.removed).add(event.id) };
    }
    case 'comment:updated':
      return { ...replaceComment(state, event.comment), count: event.count, seq: event.seq };
    case 'comment:liked':
      return { ...setLikes(state, event.id, event.likes), seq: event.seq };
  }
}

/** Applies buffered events for as long as they follow on without a gap. */
function drainBuffer(state: ThreadState): ThreadState {
  let next = state;
  let i = 0;
  for (; i < next.buffered.length; i++) {
    const event = next.buffered[i];
    if (event === undefined) break;
    if (event.seq <= next.seq) continue;
    if (event.seq !== next.seq + 1) break;
    next = applyOne(next, event);
  }
  return i === 0 ? next : { ...next, buffered: next.buffered.slice(i) };
}

function insertBuffered(buffered: readonly ThreadEvent[], event: ThreadEvent): ThreadEvent[] {
  if (buffered.some((e) => e.seq === event.seq)) return [...buffered];
  return [...buffered, event].sort((a, b) => a.seq - b.seq);
}

/**
 * Takes one live event. Before the snapshot it is buffered; a duplicate (seq already applied)
 * is ignored; the next seq is applied; anything further is buffered behind a gap, which
 * `needsResync` then reports.
 */
export function receiveEvent(state: ThreadState, event: ThreadEvent): ThreadState {
  // A stale state is about to be replaced by a fresh snapshot, which will include this event.
  if (event.page !== state.page || state.stale) return state;
  if (state.phase === 'ready' && event.seq <= state.seq) return state;
  const buffered = insertBuffered(state.buffered, event);
  if (buffered.length > BUFFER_MAX) return { ...state, buffered: [], stale: true };
  const next = { ...state, buffered };
  return state.phase === 'ready' ? drainBuffer(next) : next;
}

/** True when events are waiting behind a gap: the caller should send `thread:resync`. */
export function needsResync(state: ThreadState): boolean {
  return state.phase === 'ready' && !state.stale && state.buffered.length > 0;
}

/** True when the state can only be repaired by a fresh `thread:join`. */
export function needsRejoin(state: ThreadState): boolean {
  return state.stale;
}

/**
 * Applies a `thread:resync` answer: the missed events in order, then whatever was buffered
 * behind them. A `reset` answer marks the state stale (the caller re-joins).
 */
export function applyResync(state: ThreadState, resync: ThreadResync): ThreadState {
  if (resync.reset) return { ...state, stale: true };
  let next = state;
  for (const event of [...resync.events].sort((a, b) => a.seq - b.seq)) {
    if (event.page !== state.page || event.seq <= next.seq) continue;
    if (event.seq !== next.seq + 1) {
      // The server promised a gap-free list; if it is not, keep what follows for the next resync.
      next = { ...next, buffered: insertBuffered(next.buffered, event) };
      continue;
    }
    next = applyOne(next, event);
  }
  // Everything up to resync.seq has now been said, even if nothing visible happened.
  const seq = Math.max(next.seq, resync.seq);
  return drainBuffer({ ...next, seq, buffered: next.buffered.filter((e) => e.seq > seq) });
}

/** Adds up the replies a page carried, per root. */
function tally(carried: ReadonlyMap<string, number>, replies: readonly PublicComment[]): ReadonlyMap<string, number> {
  const next = new Map(carried);
  for (const r of replies) if (r.rootId !== null) next.set(r.rootId, (next.get(r.rootId) ?? 0) + 1);
  return next;
}

/** What a page read before a deletion may not bring back, nor a held comment of someone else. */
function fresh(state: ThreadState, list: readonly PublicComment[]): PublicComment[] {
  return list.filter((c) => c.status !== 'pending' && c.status !== 'rejected' && !state.removed.has(c.id));
}

/** Adds the next page (`thread:more`, same sort) with its replies; comments already shown are not repeated. */
export function appendOlder(state: ThreadState, page: ThreadPage): ThreadState {
  const next = page.comments.length + page.replies.length === 0 ? state : add(state, fresh(state, [...page.comments, ...page.replies]));
  return { ...next, liked: withLiked(state.liked, page.liked), carried: tally(state.carried, page.replies), nextCursor: page.nextCursor };
}

/** Adds comments read from the server: they are counted in their root's replyCount already. */
function add(state: ThreadState, list: readonly PublicComment[]): ThreadState {
  const top = upsertComments(
    state.comments,
    list.filter((c) => !isReply(c)),
    state.sort,
  );
  return { ...state, comments: top, replies: upsertComments(state.replies, list.filter(isReply), 'replies') };
}

/** Adds more replies of one top-level comment (`thread:replies`) and keeps the cursor for the next ones. */
export function appendReplies(state: ThreadState, answer: ThreadReplies): ThreadState {
  const next = add(state, fresh(state, answer.replies));
  return { ...next, liked: withLiked(state.liked, answer.liked), replyCursors: new Map(state.replyCursors).set(answer.rootId, answer.nextCursor) };
}

/**
 * Shows the viewer's own comment from the `comment:create` ack at once. The broadcast of a
 * published comment may arrive before or after; either way the id appears once, and the
 * count follows the broadcast (which carries the server's count).
 */
export function addOwnComment(state: ThreadState, comment: PublicComment): ThreadState {
  if (comment.page !== state.page) return state;
  return upsert(state, [comment]);
}

/** Starts over for a fresh `thread:join` (after a reset), keeping what is shown until it lands. */
export function beginRejoin(state: ThreadState): ThreadState {
  return { ...state, phase: 'joining', buffered: [], stale: false };
}

/** What a moderator's decision on the viewer's own held comment did to the view. */
export interface OwnDecision {
  thread: ThreadState;
  /** The held comment the decision took out of the view (rejected), for the notice; null otherwise. */
  rejected: PublicComment | null;
}

/**
 * Applies a `comment:status` (sent only to the author, for every page of the site): `published`
 * turns the viewer's held comment into a published one at once (its `comment:created`, which
 * also comes, then finds it already there and carries the count); `rejected` takes the held
 * comment out. Only a held comment is changed: a published one leaves through its
 * `comment:deleted`, with the count. Nothing here touches seq, count or the buffer.
 */
export function applyOwnDecision(state: ThreadState, change: CommentStatusChange): OwnDecision {
  const found = change.page === state.page ? findComment(state, change.id) : undefined;
  const held = found?.status === 'pending' ? found : undefined;
  if (!held) return { thread: state, rejected: null };
  if (change.status === 'rejected') {
    return {
      thread: { ...state, comments: state.comments.filter((c) => c !== held), replies: state.replies.filter((c) => c !== held) },
      rejected: held,
    };
  }
  return { thread: upsert(state, [{ ...held, status: 'published' }]), rejected: null };
}

/**
 * The published comments of others that `after` shows and `before` did not: what arrived live
 * (or through a resync), for the polite announcement. Newest first.
 */
export function arrivedSince(before: ThreadState, after: ThreadState, viewer: string | null): PublicComment[] {
  if (before.phase !== 'ready' || (after.comments === before.comments && after.replies === before.replies)) return [];
  const known = new Set([...before.comments, ...before.replies].map((c) => c.id));
  return [...after.comments, ...after.replies]
    .filter((c) => !known.has(c.id) && c.status === 'published' && c.authorId !== viewer)
    .sort(compareNewestFirst);
}

/** How many of the viewer's own held comments the view shows (the heading counts them apart). */
export function ownHeld(state: ThreadState): number {
  return [...state.comments, ...state.replies].filter((c) => c.status === 'pending').length;
}
