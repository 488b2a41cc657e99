/**
 * Reading a thread: `thread:join` (a snapshot in the reader's sort, then live events),
 * `thread:leave`, `thread:more` (the next top-level comments by cursor, with their replies),
 * `thread:replies` (more of one conversation) and `thread:resync` (the events a reconnecting
 * reader missed, or `reset` when a fresh join is cheaper).
 */
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import { rooms, type ThreadSort } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { parse } from '../../protocol/parse.ts';
import { threadPageView } from '../comments/thread-page-view.ts';
import { editWindowMinutesOf, isPageClosed } from '../sites/reader-settings.ts';
import { toThreadComment } from '../store/public-views.ts';
import { fanoutCatchUpOf } from './attach-fanout-catch-up.ts';
import { createdAck } from './created-ack.ts';
import type { ReaderDeps, ReaderSocket } from './reader-socket.ts';
import { respond } from './respond.ts';
import { storeInputRefusal } from './store-input-refusal.ts';

/** A socket may follow a few threads (an index page with several embeds), not thousands. */
const MAX_THREADS_PER_SOCKET = 20;
/** A socket is always in its own room and its author's room besides the threads it follows. */
const OWN_ROOMS = 2;

export function registerThreadHandlers(socket: ReaderSocket, deps: Pick<ReaderDeps, 'store' | 'logger' | 'sites'>): void {
  const { store, logger } = deps;
  const { site, authorId } = socket.data;
  const pageQuery = (sort: ThreadSort, cursor: string | null) => ({
    sort,
    cursor,
    limit: LIMITS.pageSize,
    repliesPerRoot: LIMITS.repliesPerRoot,
    viewerId: authorId,
  });

  const followThread = async (page: string): Promise<Result<true>> => {
    const room = rooms.thread(site, page);
    if (!socket.rooms.has(room) && socket.rooms.size - OWN_ROOMS >= MAX_THREADS_PER_SOCKET) {
      return fail(ErrorCode.RATE_LIMITED, `A connection may follow at most ${MAX_THREADS_PER_SOCKET} threads.`);
    }
    // Join before reading, so nothing published in between is missed (the client drops
    // events with seq ≤ the snapshot's).
    await socket.join(room);
    return ok(true);
  };

  socket.on('thread:join', (payload, ack) =>
    respond(logger, { event: 'thread:join', site }, ack, async () => {
      const request = parse.threadJoin(payload);
      if (!request.ok) return request;
      const { page, sort = 'newest' } = request.value;
      const followed = await followThread(page);
      if (!followed.ok) return followed;
      const [first, mine] = await Promise.all([
        store.getThreadPage(site, page, pageQuery(sort, null)),
        store.listPendingByAuthor(site, page, authorId),
      ]);
      // Where a catch-up after a Redis outage starts for this room if nothing is sent to it before.
      fanoutCatchUpOf(socket.nsp)?.joined(site, page, first.seq);
      const config = deps.sites.get(site);
      const { kind, name, avatarUrl, ssoError, token } = socket.data;
      return ok({
        ...threadPageView(page, sort, first),
        mine: mine.map(createdAck),
        closed: isPageClosed(config, page),
        editWindowMinutes: editWindowMinutesOf(config),
        viewer: { authorId, token, kind, name, avatarUrl, ssoError },
      });
    }),
  );

  socket.on('thread:leave', (payload, ack) =>
    respond(logger, { event: 'thread:leave', site }, ack, async () => {
      const ref = parse.threadRef(payload);
      if (!ref.ok) return ref;
      await socket.leave(rooms.thread(site, ref.value.page));
      return ok({});
    }),
  );

  socket.on('thread:more', (payload, ack) =>
    respond(logger, { event: 'thread:more', site }, ack, async () => {
      const request = parse.threadMore(payload);
      if (!request.ok) return request;
      const { page, cursor, sort = 'newest' } = request.value;
      return storeInputRefusal(async () => {
        const { comments, replies, liked, nextCursor } = threadPageView(page, sort, await store.getThreadPage(site, page, pageQuery(sort, cursor)));
        return ok({ comments, replies, liked, nextCursor });
      });
    }),
  );

  socket.on('thread:replies', (payload, ack) =>
    respond(logger, { event: 'thread:replies', site }, ack, async () => {
      const request = parse.threadReplies(payload);
      if (!request.ok) return request;
      const { page, rootId, cursor, skip = 0 } = request.value;
      return storeInputRefusal(async () => {
        const answer = await store.listReplies(site, page, rootId, {
          cursor: cursor ?? null,
          skip,
          limit: LIMITS.repliesPerRoot,
          viewerId: authorId,
        });
        return ok({ rootId, replies: answer.replies.map(toThreadComment), liked: answer.liked, nextCursor: answer.nextCursor });
      });
    }),
  );

  socket.on('thread:resync', (payload, ack) =>
    respond(logger, { event: 'thread:resync', site }, ack, async () => {
      const request = parse.threadResync(payload);
      if (!request.ok) return request;
      const { page, afterSeq } = request.value;
      const followed = await followThread(page);
      if (!followed.ok) return followed;
      const log = await store.readEvents(site, page, afterSeq, LIMITS.resyncMax);
      fanoutCatchUpOf(socket.nsp)?.joined(site, page, log.seq);
      const lastReturned = log.events.at(-1)?.seq ?? afterSeq;
      // Too much missed (or trimmed from the log): a fresh join is cheaper and exact.
      const reset = !log.complete || afterSeq > log.seq || lastReturned < log.seq;
      return ok({ events: reset ? [] : log.events, seq: log.seq, reset });
    }),
  );
}
