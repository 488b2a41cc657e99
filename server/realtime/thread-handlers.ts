/**
 * Reading a thread: `thread:join` (a snapshot, then live events), `thread:leave`,
 * `thread:more` (older comments by cursor) and `thread:resync` (the events a reconnecting
 * reader missed, or `reset` when a fresh join is cheaper).
 */
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import { rooms } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { parse } from '../../protocol/parse.ts';
import { threadPageView } from '../comments/thread-page-view.ts';
import { toPublicComment } from '../store/public-views.ts';
import type { ReaderDeps, ReaderSocket } from './reader-socket.ts';
import { respond } from './respond.ts';

/** A socket may follow a few threads (an index page with several embeds), not thousands. */
const MAX_THREADS_PER_SOCKET = 20;
/** A socket is always in its own room and its author's room besides the threads it follows. */
const OWN_ROOMS = 2;

export function registerThreadHandlers(socket: ReaderSocket, deps: Pick<ReaderDeps, 'store' | 'logger'>): void {
  const { store, logger } = deps;
  const { site, authorId } = socket.data;

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
      const ref = parse.threadRef(payload);
      if (!ref.ok) return ref;
      const { page } = ref.value;
      const followed = await followThread(page);
      if (!followed.ok) return followed;
      const [first, mine] = await Promise.all([
        store.getThreadPage(site, page, { cursor: null, limit: LIMITS.pageSize }),
        store.listPendingByAuthor(site, page, authorId),
      ]);
      return ok({ ...threadPageView(page, first), mine: mine.map(toPublicComment), viewer: { authorId, token: socket.data.token } });
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
      const { page, cursor } = request.value;
      const { comments, nextCursor } = threadPageView(page, await store.getThreadPage(site, page, { cursor, limit: LIMITS.pageSize }));
      return ok({ comments, nextCursor });
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
      const lastReturned = log.events.at(-1)?.seq ?? afterSeq;
      // Too much missed (or trimmed from the log): a fresh join is cheaper and exact.
      const reset = !log.complete || afterSeq > log.seq || lastReturned < log.seq;
      return ok({ events: reset ? [] : log.events, seq: log.seq, reset });
    }),
  );
}
