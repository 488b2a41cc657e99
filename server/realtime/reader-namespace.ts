/**
 * Readers' Socket.IO namespace: the handshake binds a socket to one site (origin checked)
 * and one author; every request payload is size-checked and parsed before use, and every
 * request is answered with a Result.
 */
import type { Server, Socket } from 'socket.io';
import { ErrorCode, fail, ok, type Result, type WireError } from '../../protocol/errors.ts';
import {
  CLIENT_EVENTS,
  rooms,
  type ClientToServerEvents,
  type ConnectErrorData,
  type ServerToClientEvents,
  type ThreadResync,
  type ThreadSnapshot,
} from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { parse } from '../../protocol/parse.ts';
import { createComment, type CreateCommentDeps } from '../comments/create-comment.ts';
import { toPublicComment } from '../comments/to-public.ts';
import type { AuthorTokens } from '../identity/author-token.ts';
import type { Logger } from '../logger.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { BUDGETED_EVENTS, type ReaderGate } from './reader-limits.ts';
import type { ThreadBroadcaster } from './thread-broadcaster.ts';
import { toWireError } from './wire-error.ts';

interface SocketData {
  site: string;
  authorId: string;
  token: string;
  address: string;
}

export type ReaderServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ReaderSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface ReaderNamespaceDeps extends CreateCommentDeps {
  sites: SiteRegistry;
  tokens: AuthorTokens;
  logger: Logger;
  /** Client addresses through trusted proxies; sockets per address, reads per socket. */
  gate: ReaderGate;
  /** Sends published events to the thread's readers. */
  broadcaster: ThreadBroadcaster;
  /** Lets shutdown wait for writes that were already accepted. */
  track<T>(work: Promise<T>): Promise<T>;
}

/** A socket may follow a few threads (an index page with several embeds), not thousands. */
const MAX_THREADS_PER_SOCKET = 20;
const KNOWN_EVENTS = new Set<string>(CLIENT_EVENTS);

export function attachReaderNamespace(io: ReaderServer, deps: ReaderNamespaceDeps): void {
  const { store, sites, tokens, logger, gate } = deps;

  io.use((socket, next) => {
    const auth = parse.handshake(socket.handshake.auth);
    if (!auth.ok) return next(connectError(ErrorCode.INVALID_INPUT, `Handshake: ${auth.error.message}`));
    const { site, token } = auth.value;
    if (!sites.get(site)) return next(connectError(ErrorCode.UNKNOWN_SITE, `No site "${site}" is registered on this server.`));
    const origin = socket.handshake.headers.origin;
    if (!sites.isOriginAllowed(site, origin)) {
      logger.warn({ site, origin: origin ?? null }, 'refused a socket from an origin the site does not allow');
      return next(
        connectError(
          ErrorCode.ORIGIN_NOT_ALLOWED,
          `Comments for site "${site}" are not enabled on ${origin ?? 'this page'}. The site owner must add this origin.`,
        ),
      );
    }
    const address = gate.addressOf(socket.request);
    // Claimed last, so a handshake refused for another reason holds no slot. Claiming here
    // (not on 'connection') keeps a burst of simultaneous handshakes from all slipping past.
    const slot = gate.claim(address);
    if (!slot.ok) {
      // Debug, not warn: a flooder's thousands of refused handshakes must not become a log flood.
      logger.debug({ address, max: gate.limits.maxSocketsPerAddress }, 'refused a socket over the per-address cap');
      return next(connectError(ErrorCode.RATE_LIMITED, slot.message, slot.retryAfterMs));
    }
    // A socket that never completes its connection emits no 'disconnect'; its transport still closes.
    socket.once('disconnect', slot.release);
    socket.conn.once('close', slot.release);
    if (socket.conn.readyState === 'closed') slot.release();
    const known = token ? tokens.verify(site, token) : null;
    const authorId = known ?? tokens.newAuthorId();
    socket.data = { site, authorId, token: known && token ? token : tokens.issue(site, authorId), address };
    next();
  });

  io.on('connection', (socket: ReaderSocket) => {
    const { site, authorId, address } = socket.data;
    void socket.join(rooms.author(site, authorId));
    const budget = gate.newBudget();

    // Runs before every handler: refuse unknown events and oversized payloads with an ack.
    socket.use((packet, next) => {
      const [event, ...args] = packet as [string, ...unknown[]];
      const ack = args.at(-1);
      const answer = (error: WireError) => (typeof ack === 'function' ? (ack as (r: Result<never>) => void)({ ok: false, error }) : undefined);
      if (!KNOWN_EVENTS.has(event)) {
        answer({ code: ErrorCode.UNKNOWN_EVENT, message: `"${String(event).slice(0, 60)}" is not an event this server understands.` });
        return;
      }
      if (typeof ack !== 'function') {
        logger.debug({ event }, 'ignored a request without an ack callback');
        return;
      }
      const size = payloadBytes(args.slice(0, -1));
      if (size > LIMITS.payloadMaxBytes) {
        answer({
          code: ErrorCode.PAYLOAD_TOO_LARGE,
          message: `The request is ${Math.ceil(size / 1024)} KB; at most ${LIMITS.payloadMaxBytes / 1024} KB is accepted.`,
        });
        return;
      }
      if (BUDGETED_EVENTS.has(event)) {
        const decision = budget.take(deps.clock());
        if (!decision.ok) {
          answer({
            code: ErrorCode.RATE_LIMITED,
            message: `Too many requests on this connection; try again in ${Math.ceil(decision.retryAfterMs / 1000)} s.`,
            retryAfterMs: decision.retryAfterMs,
          });
          if (decision.disconnect) {
            logger.warn({ site, address, event }, 'disconnected a socket that kept sending after being rate limited; its address is shut out for a while');
            gate.penalize(address);
            socket.disconnect(true);
          }
          return;
        }
      }
      next();
    });

    const handle = <T>(run: () => Promise<Result<T>>, ack: unknown, event: string) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (result: Result<T>) => void;
      run().then(reply, (err: unknown) => {
        logger.error({ err, event, site }, 'request failed');
        reply({ ok: false, error: toWireError(err) });
      });
    };

    const joinThread = async (page: string): Promise<Result<true>> => {
      const room = rooms.thread(site, page);
      if (!socket.rooms.has(room) && socket.rooms.size - 2 >= MAX_THREADS_PER_SOCKET) {
        return fail(ErrorCode.RATE_LIMITED, `A connection may follow at most ${MAX_THREADS_PER_SOCKET} threads.`);
      }
      // Join before reading, so nothing published in between is missed (the client drops
      // events with seq ≤ the snapshot's).
      await socket.join(room);
      return ok(true);
    };

    socket.on('thread:join', (payload, ack) =>
      handle<ThreadSnapshot>(async () => {
        const ref = parse.threadRef(payload);
        if (!ref.ok) return ref;
        const { page } = ref.value;
        const joined = await joinThread(page);
        if (!joined.ok) return joined;
        const [first, mine] = await Promise.all([
          store.getThreadPage(site, page, { cursor: null, limit: LIMITS.pageSize }),
          store.listPendingByAuthor(site, page, authorId),
        ]);
        return ok({
          page,
          comments: first.comments.map(toPublicComment),
          nextCursor: first.nextCursor,
          count: first.count,
          seq: first.seq,
          mine: mine.map(toPublicComment),
          viewer: { authorId, token: socket.data.token },
        });
      }, ack, 'thread:join'),
    );

    socket.on('thread:leave', (payload, ack) =>
      handle(async () => {
        const ref = parse.threadRef(payload);
        if (!ref.ok) return ref;
        await socket.leave(rooms.thread(site, ref.value.page));
        return ok({});
      }, ack, 'thread:leave'),
    );

    socket.on('thread:more', (payload, ack) =>
      handle(async () => {
        const req = parse.threadMore(payload);
        if (!req.ok) return req;
        const result = await store.getThreadPage(site, req.value.page, { cursor: req.value.cursor, limit: LIMITS.pageSize });
        return ok({ comments: result.comments.map(toPublicComment), nextCursor: result.nextCursor });
      }, ack, 'thread:more'),
    );

    socket.on('thread:resync', (payload, ack) =>
      handle<ThreadResync>(async () => {
        const req = parse.threadResync(payload);
        if (!req.ok) return req;
        const { page, afterSeq } = req.value;
        const joined = await joinThread(page);
        if (!joined.ok) return joined;
        const log = await store.readEvents(site, page, afterSeq, LIMITS.resyncMax);
        const lastReturned = log.events.at(-1)?.seq ?? afterSeq;
        // Too much missed (or trimmed from the log): a fresh join is cheaper and exact.
        const reset = !log.complete || afterSeq > log.seq || lastReturned < log.seq;
        return ok({ events: reset ? [] : log.events, seq: log.seq, reset });
      }, ack, 'thread:resync'),
    );

    socket.on('comment:create', (payload, ack) =>
      handle(async () => {
        const result = await deps.track(createComment(deps, { site, authorId, address }, payload));
        if (!result.ok) return result;
        const { comment, event, duplicate } = result.data;
        if (event) deps.broadcaster.publish(site, event);
        if (!duplicate) {
          logger.info({ site, page: comment.page, id: comment.id, status: comment.status }, 'comment created');
        }
        return ok({
          comment: toPublicComment(comment),
          reasons: comment.moderation.reasons.map((r) => ({ rule: r.rule, message: r.message })),
        });
      }, ack, 'comment:create'),
    );
  });
}

function connectError(code: string, message: string, retryAfterMs?: number): Error {
  const err = new Error(message) as Error & { data: ConnectErrorData };
  err.data = retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs };
  return err;
}

function payloadBytes(args: unknown[]): number {
  try {
    return Buffer.byteLength(JSON.stringify(args) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
