/**
 * Pure thread state: what one reader's widget knows about one thread, and how each thing
 * the server says changes it. No sockets, no DOM, no clock: every function takes a state and
 * returns a new one, so the ordering rules (sequence numbers, gaps, duplicates, the window
 * between subscribing and receiving the snapshot) are tested on their own.
 */
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentStatusChange, ThreadEvent, ThreadPage, ThreadResync, ThreadSnapshot } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';

export interface ThreadState {
  page: string;
  /** `joining` until the first snapshot is applied; live events are buffered until then. */
  phase: 'joining' | 'ready';
  /** Newest first, one entry per id; includes the viewer's own pending comments. */
  comments: readonly PublicComment[];
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

export function createThreadState(page: string): ThreadState {
  return { page, phase: 'joining', comments: [], count: 0, seq: 0, nextCursor: null, buffered: [], stale: false, removed: new Set() };
}

/**
 * Newest first by creation time; the id breaks ties so two widgets that saw the same
 * comments in a different order still show them identically.
 */
function compareNewestFirst(a: PublicComment, b: PublicComment): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Adds or replaces comments by id, keeping newest-first order. */
export function upsertComments(existing: readonly PublicComment[], incoming: readonly PublicComment[]): PublicComment[] {
  if (incoming.length === 0) return [...existing];
  const byId = new Map<string, PublicComment>();
  for (const c of existing) byId.set(c.id, c);
  for (const c of incoming) byId.set(c.id, c);
  return [...byId.values()].sort(compareNewestFirst);
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
  const ownPending = new Set(snapshot.mine.map((c) => c.id));
  const comments = upsertComments([], [...snapshot.comments, ...snapshot.mine]).filter((c) => isVisible(c, ownPending));
  const next: ThreadState = {
    page: state.page,
    phase: 'ready',
    comments,
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
      const comments = upsertComments(state.comments, [event.comment]);
      return { ...state, comments, count: event.count, seq: event.seq, removed: withoutId(state.removed, event.comment.id) };
    }
    case 'comment:deleted': {
      const comments = state.comments.filter((c) => c.id !== event.id);
      return { ...state, comments, count: event.count, seq: event.seq, removed: new Set(state.removed).add(event.id) };
    }
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

/** Adds an older page (`thread:more`); comments already shown are not repeated. */
export function appendOlder(state: ThreadState, page: ThreadPage): ThreadState {
  return {
    ...state,
    comments: upsertComments(
      state.comments,
      page.comments.filter((c) => c.status !== 'pending' && !state.removed.has(c.id)),
    ),
    nextCursor: page.nextCursor,
  };
}

/**
 * Shows the viewer's own comment from the `comment:create` ack at once. The broadcast of a
 * published comment may arrive before or after; either way the id appears once, and the
 * count follows the broadcast (which carries the server's count).
 */
export function addOwnComment(state: ThreadState, comment: PublicComment): ThreadState {
  if (comment.page !== state.page) return state;
  return { ...state, comments: upsertComments(state.comments, [comment]) };
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
  const held = change.page === state.page ? state.comments.find((c) => c.id === change.id && c.status === 'pending') : undefined;
  if (!held) return { thread: state, rejected: null };
  if (change.status === 'rejected') {
    return { thread: { ...state, comments: state.comments.filter((c) => c !== held) }, rejected: held };
  }
  return { thread: { ...state, comments: upsertComments(state.comments, [{ ...held, status: 'published' }]) }, rejected: null };
}

/**
 * The published comments of others that `after` shows and `before` did not: what arrived live
 * (or through a resync), for the polite announcement. Newest first.
 */
export function arrivedSince(before: ThreadState, after: ThreadState, viewer: string | null): PublicComment[] {
  if (before.phase !== 'ready' || after.comments === before.comments) return [];
  const known = new Set(before.comments.map((c) => c.id));
  return after.comments.filter((c) => !known.has(c.id) && c.status === 'published' && c.authorId !== viewer);
}

/** How many of the viewer's own held comments the view shows (the heading counts them apart). */
export function ownHeld(state: ThreadState): number {
  return state.comments.filter((c) => c.status === 'pending').length;
}
