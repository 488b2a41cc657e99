/**
 * The controller against a real Socket.IO server on port 0 whose handlers are scripted per
 * test (to lose an ack, drop a connection, refuse a handshake at will), and the widget's own
 * client (widget/transport) over Node's `ws`: the reconnect and retry paths the browser tests
 * cannot force precisely.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../protocol/comment.ts';
import type { Result } from '../../protocol/errors.ts';
import type { CommentCreatedEvent, CommentDeletedEvent, ThreadSnapshot } from '../../protocol/events.ts';
import type { KeyValueStore } from '../storage.ts';
import '../transport/node-websocket.ts';
import { publicComment } from '../../protocol/comment-fixtures.ts';
import { ThreadController, type ThreadControllerOptions } from './thread-controller.ts';

const PAGE = '/artikel';

interface Harness {
  url: string;
  io: Server;
  http: HttpServer;
}

const open: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function startServer(onConnection: (socket: ServerSocket) => void, refuse?: { code: string; message: string }): Promise<Harness> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  if (refuse) {
    io.use((_socket, next) => {
      const err = new Error(refuse.message) as Error & { data?: unknown };
      err.data = refuse;
      next(err);
    });
  }
  io.on('connection', onConnection);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  open.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, io, http };
}

function comment(id: string, createdAt: number, over: Partial<PublicComment> = {}): PublicComment {
  return publicComment(id, createdAt, { page: PAGE, ...over });
}

function snapshot(seq: number, comments: PublicComment[] = []): Result<ThreadSnapshot> {
  return {
    ok: true,
    data: {
      page: PAGE,
      sort: 'newest',
      comments,
      replies: [],
      liked: [],
      nextCursor: null,
      count: comments.length,
      seq,
      mine: [],
      closed: false,
      editWindowMinutes: 15,
      viewer: { authorId: 'me', token: 'tok-1', kind: 'anonymous', name: null, avatarUrl: null, ssoError: null },
    },
  };
}

function created(seq: number, c: PublicComment): CommentCreatedEvent {
  return { type: 'comment:created', page: PAGE, seq, comment: c, count: seq };
}

function deleted(seq: number, id: string, count: number): CommentDeletedEvent {
  return { type: 'comment:deleted', page: PAGE, seq, id, count };
}

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v) };
}

/** Node has no page to become visible nor a browser to go online: `wake` is a no-op unless a test drives it. */
function startController(url: string, storage = memoryStore(), extra: Partial<ThreadControllerOptions> = {}) {
  let updates = 0;
  const host = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  const controller = new ThreadController(host, {
    config: () => ({ server: url, site: 'demo', page: PAGE }),
    storage,
    ackTimeoutMs: 300,
    wake: () => () => undefined,
    ...extra,
  });
  controller.hostConnected();
  open.push(() => controller.hostDisconnected());
  return { controller, storage, updates: () => updates };
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The viewer's held comment, `m`, which a join's snapshot lists in `mine`. */
const HELD = comment('m', 15, { authorId: 'me', status: 'pending' });

/** A server whose join answers a thread of one comment (`a`) and the viewer's HELD, then runs `joined` on the socket. */
function startServerWithHeld(joined: (socket: ServerSocket) => void): Promise<Harness> {
  return startServer((socket) => {
    socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
      const r = snapshot(1, [comment('a', 10)]);
      if (r.ok) r.data.mine = [{ comment: HELD, reasons: [] }];
      ack(r);
      joined(socket);
    });
  });
}

describe('thread controller', () => {
  it('joins, keeps the viewer token, and sends it in the next handshake', async () => {
    const tokens: unknown[] = [];
    const { url } = await startServer((socket) => {
      tokens.push((socket.handshake.auth as { token?: unknown }).token);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(0)));
    });
    const first = startController(url);
    await until(() => first.controller.thread?.phase === 'ready');
    expect(first.storage.map.get('rembuk:token:demo')).toBe('tok-1');
    const second = startController(url, first.storage);
    await until(() => second.controller.thread?.phase === 'ready');
    expect(tokens).toEqual([undefined, 'tok-1']);
  });

  it('applies events that arrive before the join answer after it, without duplicates', async () => {
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        socket.emit('comment:created', created(1, comment('one', 1)));
        socket.emit('comment:created', created(2, comment('two', 2)));
        setTimeout(() => ack(snapshot(1, [comment('one', 1)])), 50);
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['two', 'one']);
    expect(controller.thread?.seq).toBe(2);
  });

  it('applies a batch of events in one frame, in order', async () => {
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        ack(snapshot(0));
        setTimeout(() => {
          socket.emit('thread:events', {
            page: PAGE,
            events: [created(1, comment('one', 1)), created(2, comment('two', 2)), created(3, comment('three', 3))],
          });
        }, 20);
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.seq === 3);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['three', 'two', 'one']);
    expect(controller.thread?.count).toBe(3);
  });

  it('drops a malformed frame whole and fetches what it carried with a resync', async () => {
    const resyncs: unknown[] = [];
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        ack(snapshot(0));
        setTimeout(() => {
          socket.emit('thread:events', { page: PAGE, events: [created(1, comment('one', 1)), { nonsense: true }, created(2, comment('two', 2))] });
        }, 20);
      });
      socket.on('thread:resync', (payload: unknown, ack: (r: unknown) => void) => {
        resyncs.push(payload);
        ack({ ok: true, data: { events: [created(1, comment('one', 1)), created(2, comment('two', 2))], seq: 2, reset: false } });
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.seq === 2);
    expect(resyncs).toEqual([{ page: PAGE, afterSeq: 0 }]);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['two', 'one']);
  });

  it('treats an answer of the wrong shape as lost, and asks again', async () => {
    let joins = 0;
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        joins += 1;
        // A snapshot without its viewer, comments or seq (an older server, a proxy's page).
        ack(joins === 1 ? { ok: true, data: { page: PAGE } } : snapshot(0, [comment('a', 1)]));
      });
    });
    const { controller } = startController(url);
    await until(() => controller.loadError !== null);
    expect(controller.loadError?.code).toBe('UNAVAILABLE');
    await until(() => controller.thread?.phase === 'ready', 5_000);
    expect(joins).toBe(2);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['a']);
  });

  it('retries a post whose ack was lost with the same key, and shows the comment once', async () => {
    const keys: string[] = [];
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(0)));
      socket.on('comment:create', (payload: { key: string; text: string }, ack: (r: unknown) => void) => {
        keys.push(payload.key);
        if (keys.length === 1) return; // the first answer is lost
        ack({ ok: true, data: { comment: comment('c1', 5, { text: payload.text }), reasons: [] } });
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    const outcome = await controller.post({ text: 'Halo', authorName: 'Sari', key: 'key-0001' });
    expect(outcome.ok).toBe(true);
    expect(keys).toEqual(['key-0001', 'key-0001']);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['c1']);
  });

  it('reports a post as lost after every attempt went unanswered', async () => {
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(0)));
      socket.on('comment:create', () => undefined);
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    const outcome = await controller.post({ text: 'Halo', authorName: 'Sari', key: 'key-0002' });
    expect(outcome).toMatchObject({ ok: false, lost: true });
  });

  it('keeps a rejected comment out of the thread and remembers why a held one waits', async () => {
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(0)));
      socket.on('comment:create', (payload: { text: string }, ack: (r: unknown) => void) => {
        const status = payload.text === 'bad' ? 'rejected' : 'pending';
        const reasons = [{ rule: 'profanity', message: { en: 'Contains profanity', id: 'Mengandung kata kasar' } }];
        ack({ ok: true, data: { comment: comment(`c-${payload.text}`, 5, { status }), reasons } });
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    await controller.post({ text: 'bad', authorName: 'Sari', key: 'key-0003' });
    await controller.post({ text: 'held', authorName: 'Sari', key: 'key-0004' });
    expect(controller.thread?.comments.map((c) => [c.id, c.status])).toEqual([['c-held', 'pending']]);
    expect(controller.reasons.get('c-held')?.[0]?.message.id).toBe('Mengandung kata kasar');
  });

  it('marks the thread closed when a post is answered THREAD_CLOSED, and when a join is', async () => {
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (p: { page: string }, ack: (r: unknown) => void) => {
        ack(p.page === '/closed' ? { ok: false, error: { code: 'THREAD_CLOSED', message: 'Closed.' } } : snapshot(0));
      });
      socket.on('comment:create', (_p: unknown, ack: (r: unknown) => void) =>
        ack({ ok: false, error: { code: 'THREAD_CLOSED', message: 'Closed.' } }),
      );
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    expect(controller.closed).toBe(false);
    const outcome = await controller.post({ text: 'halo', authorName: 'Sari', key: 'key-0005' });
    expect(outcome.ok).toBe(false);
    expect(controller.closed).toBe(true);

    const joined = startController(url, memoryStore(), { config: () => ({ server: url, site: 'demo', page: '/closed' }) });
    await until(() => joined.controller.loadError !== null);
    expect(joined.controller.closed).toBe(true);
  });

  it('keeps the comments of others that arrive live for the announcement, not the snapshot nor its own', async () => {
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        ack(snapshot(1, [comment('old', 1)]));
        setTimeout(() => {
          socket.emit('comment:created', created(2, comment('own', 2, { authorId: 'me' })));
          socket.emit('thread:events', { page: PAGE, events: [created(3, comment('b', 3)), created(4, comment('c', 4))] });
        }, 20);
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    expect(controller.arrivals).toEqual([]);
    await until(() => controller.thread?.seq === 4);
    expect(controller.arrivals.map((c) => c.id)).toEqual(['c', 'b']);
  });

  it('after the connection drops, resyncs from the last seq and applies what it missed in order', async () => {
    const resyncs: unknown[] = [];
    const sockets: ServerSocket[] = [];
    const { url } = await startServer((socket) => {
      sockets.push(socket);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(3, [comment('c', 3), comment('b', 2), comment('a', 1)])));
      socket.on('thread:resync', (payload: unknown, ack: (r: unknown) => void) => {
        resyncs.push(payload);
        ack({ ok: true, data: { events: [created(4, comment('d', 4)), created(5, comment('e', 5))], seq: 5, reset: false } });
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    sockets[0]?.conn.close(); // as if the network dropped: the client reconnects by itself
    await until(() => controller.connection === 'reconnecting');
    await until(() => controller.connection === 'connected' && controller.thread?.seq === 5, 5_000);
    expect(resyncs).toEqual([{ page: PAGE, afterSeq: 3 }]);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('asks for a resync when a live event shows a gap, and re-joins on a reset', async () => {
    let joins = 0;
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        joins++;
        ack(snapshot(joins === 1 ? 1 : 9, joins === 1 ? [comment('a', 1)] : [comment('z', 9)]));
        if (joins === 1) setTimeout(() => socket.emit('comment:created', created(5, comment('e', 5))), 20);
      });
      socket.on('thread:resync', (_p, ack: (r: unknown) => void) => ack({ ok: true, data: { events: [], seq: 9, reset: true } }));
    });
    const { controller } = startController(url);
    await until(() => joins === 2 && controller.thread?.phase === 'ready' && controller.thread.seq === 9);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['z']);
  });

  it('loads older pages below, without repeating a comment', async () => {
    const cursors: unknown[] = [];
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        const r = snapshot(3, [comment('c', 3), comment('b', 2)]);
        if (r.ok) r.data.nextCursor = '2';
        ack(r);
      });
      socket.on('thread:more', (payload: { cursor: string; sort: string }, ack: (r: unknown) => void) => {
        cursors.push(payload.cursor, payload.sort);
        ack({ ok: true, data: { comments: [comment('b', 2), comment('a', 1)], replies: [], liked: [], nextCursor: null } });
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    await controller.loadMore();
    expect(cursors).toEqual(['2', 'newest']);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    expect(controller.thread?.nextCursor).toBeNull();
    expect(controller.loadingMore).toBe(false);
  });

  it('shows a refused handshake as refused, with the server reason, and does not retry', async () => {
    let attempts = 0;
    const { url, io } = await startServer(() => undefined, { code: 'ORIGIN_NOT_ALLOWED', message: 'Not on this origin.' });
    io.engine.on('connection', () => attempts++);
    const { controller } = startController(url);
    await until(() => controller.connection === 'refused');
    expect(controller.refusal).toEqual({ code: 'ORIGIN_NOT_ALLOWED', message: 'Not on this origin.' });
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toBe(1);
  });

  it('stops at a handshake refused as INVALID_INPUT (a malformed site id), says why, and does not retry', async () => {
    let attempts = 0;
    const { url, io } = await startServer(() => undefined, { code: 'INVALID_INPUT', message: 'Handshake: "site" is not a valid site id.' });
    io.engine.on('connection', () => attempts++);
    const { controller } = startController(url);
    await until(() => controller.connection === 'refused', 1_500);
    expect(controller.refusal?.code).toBe('INVALID_INPUT');
    await new Promise((r) => setTimeout(r, 1_200));
    expect(attempts).toBe(1);
  });

  it('keeps a comment posted while the server refuses connections, and sends it once with its key when it is back', async () => {
    let down = false;
    const keys: string[] = [];
    const sockets: ServerSocket[] = [];
    const { url, io } = await startServer((socket) => {
      sockets.push(socket);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(0)));
      socket.on('thread:resync', (_p, ack: (r: unknown) => void) => ack({ ok: true, data: { events: [], seq: 0, reset: false } }));
      socket.on('comment:create', (payload: { key: string; text: string }, ack: (r: unknown) => void) => {
        keys.push(payload.key);
        ack({ ok: true, data: { comment: comment('c1', 5, { text: payload.text }), reasons: [] } });
      });
    });
    io.use((_socket, next) => {
      if (!down) return next();
      const err = new Error('Starting up.') as Error & { data?: unknown };
      err.data = { code: 'UNAVAILABLE', message: 'Starting up.' };
      next(err);
    });
    const { controller } = startController(url, memoryStore(), { random: () => 0 });
    await until(() => controller.thread?.phase === 'ready');
    down = true;
    sockets[0]?.conn.close();
    await until(() => controller.connection !== 'connected');
    const outcome = controller.post({ text: 'Halo', authorName: 'Sari', key: 'key-0005' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(controller.queued).toBe(true);
    expect(keys).toEqual([]);
    down = false;
    expect(await outcome).toMatchObject({ ok: true });
    expect(keys).toEqual(['key-0005']);
    expect(controller.queued).toBe(false);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['c1']);
  });

  it('tries again at once when woken while an attempt is still under way and that attempt fails', async () => {
    let down = false;
    const sockets: ServerSocket[] = [];
    let refusals = 0;
    const { url, io } = await startServer((socket) => {
      sockets.push(socket);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(0)));
      socket.on('thread:resync', (_p, ack: (r: unknown) => void) => ack({ ok: true, data: { events: [], seq: 0, reset: false } }));
    });
    let refusing: (() => void) | null = null;
    io.use((_socket, next) => {
      if (!down) return next();
      refusals++;
      const err = new Error('Starting up.') as Error & { data?: unknown };
      err.data = { code: 'UNAVAILABLE', message: 'Starting up.' };
      // The refusal is held back, so the wake below comes while the attempt is under way.
      refusing = () => next(err);
    });
    let wake = () => undefined as void;
    const { controller } = startController(url, memoryStore(), {
      random: () => 1,
      wake: (fn) => {
        wake = fn;
        return () => undefined;
      },
    });
    await until(() => controller.thread?.phase === 'ready');
    down = true;
    sockets[0]?.conn.close();
    // The first retry comes after a second; its refusal waits until after the wake.
    await until(() => refusals === 1, 3_000);
    down = false;
    wake();
    const woken = Date.now();
    (refusing as (() => void) | null)?.();
    await until(() => controller.connection === 'connected', 4_000);
    // The next scheduled retry would be two seconds away; a wake is not lost because it came early.
    expect(Date.now() - woken).toBeLessThan(1_500);
  });

  it('tries again at once when woken (the page became visible, the browser went online)', async () => {
    let down = false;
    const sockets: ServerSocket[] = [];
    let refusals = 0;
    const { url, io } = await startServer((socket) => {
      sockets.push(socket);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(0)));
      socket.on('thread:resync', (_p, ack: (r: unknown) => void) => ack({ ok: true, data: { events: [], seq: 0, reset: false } }));
    });
    io.use((_socket, next) => {
      if (!down) return next();
      refusals++;
      const err = new Error('Starting up.') as Error & { data?: unknown };
      err.data = { code: 'UNAVAILABLE', message: 'Starting up.' };
      next(err);
    });
    let wake = () => undefined as void;
    const { controller } = startController(url, memoryStore(), {
      random: () => 1,
      wake: (fn) => {
        wake = fn;
        return () => undefined;
      },
    });
    await until(() => controller.thread?.phase === 'ready');
    down = true;
    sockets[0]?.conn.close();
    // The first retry (after a second) is refused; the next one is two seconds further away.
    await until(() => refusals === 1, 3_000);
    down = false;
    const woken = Date.now();
    wake();
    await until(() => controller.connection === 'connected', 3_000);
    expect(Date.now() - woken).toBeLessThan(700);
  });

  it('clears the errors of the lost connection once it is back', async () => {
    const sockets: ServerSocket[] = [];
    const { url } = await startServer((socket) => {
      sockets.push(socket);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        const r = snapshot(0, [comment('a', 1)]);
        if (r.ok) r.data.nextCursor = '1';
        ack(r);
      });
      socket.on('thread:resync', (_p, ack: (r: unknown) => void) => ack({ ok: true, data: { events: [], seq: 0, reset: false } }));
      socket.on('thread:more', (_p, ack: (r: unknown) => void) => ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Store down.' } }));
    });
    const { controller } = startController(url, memoryStore(), { random: () => 0 });
    await until(() => controller.thread?.phase === 'ready');
    await controller.loadMore();
    expect(controller.moreError?.code).toBe('UNAVAILABLE');
    const before = controller.connections;
    sockets[0]?.conn.close();
    await until(() => controller.connection === 'connected' && controller.connections === before + 1, 5_000);
    expect(controller.moreError).toBeNull();
  });

  it('joins again once a rate-limited join has waited the time the server named', async () => {
    let joins = 0;
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        joins += 1;
        ack(joins === 1 ? { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many requests.', retryAfterMs: 150 } } : snapshot(0));
      });
    });
    const { controller } = startController(url);
    await until(() => controller.loadError?.code === 'RATE_LIMITED');
    await until(() => controller.thread?.phase === 'ready');
    expect(joins).toBe(2);
    expect(controller.loadError).toBeNull();
  });

  it('drops a comment on comment:deleted, alone or inside a batch, with the count that came with it', async () => {
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
        ack(snapshot(3, [comment('c', 3), comment('b', 2), comment('a', 1)]));
        setTimeout(() => {
          socket.emit('comment:deleted', deleted(4, 'b', 2));
          socket.emit('thread:events', { page: PAGE, events: [created(5, comment('d', 4)), deleted(6, 'a', 2)] });
        }, 20);
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.seq === 6);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['d', 'c']);
    expect(controller.thread?.count).toBe(2);
  });

  it('replays a deletion and a re-publication missed while offline, in order', async () => {
    const sockets: ServerSocket[] = [];
    const { url } = await startServer((socket) => {
      sockets.push(socket);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(2, [comment('b', 20), comment('a', 10)])));
      socket.on('thread:resync', (_p, ack: (r: unknown) => void) => {
        // 'a' was hidden by reports, then a moderator approved it: it returns in its old place.
        const events = [deleted(3, 'a', 1), created(4, comment('c', 30)), deleted(5, 'b', 1), created(6, comment('a', 10))];
        ack({ ok: true, data: { events, seq: 6, reset: false } });
      });
    });
    const { controller } = startController(url, memoryStore(), { random: () => 0 });
    await until(() => controller.thread?.phase === 'ready');
    sockets[0]?.conn.close();
    await until(() => controller.connection === 'connected' && controller.thread?.seq === 6, 5_000);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['c', 'a']);
  });

  it("publishes the viewer's held comment on comment:status and shows it once when its comment:created follows", async () => {
    let server: ServerSocket | undefined;
    const { url } = await startServerWithHeld((socket) => {
      server = socket;
      setTimeout(() => socket.emit('comment:status', { id: 'm', page: PAGE, status: 'published' }), 20);
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.comments[0]?.status === 'published');
    expect(controller.thread?.seq).toBe(1);
    // Sent only once the status was applied, so the test sees both orders' first half however slow the machine.
    server?.emit('comment:created', created(2, { ...HELD, status: 'published' }));
    await until(() => controller.thread?.seq === 2);
    expect(controller.thread?.comments.map((c) => [c.id, c.status])).toEqual([
      ['m', 'published'],
      ['a', 'published'],
    ]);
    expect(controller.declined).toEqual([]);
  });

  it('takes a rejected held comment out, keeps it for the notice until dismissed, and ignores other pages and bad frames', async () => {
    const { url } = await startServerWithHeld((socket) => {
      setTimeout(() => {
        // Either of these, if taken, would publish 'm' and leave the rejection nothing to reject.
        socket.emit('comment:status', { id: 'm', page: '/another-article', status: 'published' });
        socket.emit('comment:status', { id: 'm', page: PAGE, status: 'hidden' });
        socket.emit('comment:status', { id: 'm', page: PAGE, status: 'rejected' });
      }, 20);
    });
    const { controller } = startController(url);
    await until(() => controller.declined.length > 0);
    expect(controller.declined.map((c) => c.id)).toEqual(['m']);
    expect(controller.thread?.comments.map((c) => c.id)).toEqual(['a']);
    controller.dismissDeclined('m');
    expect(controller.declined).toEqual([]);
  });

  it('sends a report with its page and reads whether it was the first', async () => {
    const reports: unknown[] = [];
    const { url } = await startServer((socket) => {
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(1, [comment('a', 10)])));
      socket.on('comment:report', (payload: unknown, ack: (r: unknown) => void) => {
        reports.push(payload);
        ack({ ok: true, data: { first: reports.length === 1 } });
      });
    });
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    expect(await controller.report({ id: 'a', reason: 'spam' })).toEqual({ ok: true, data: { first: true } });
    expect(await controller.report({ id: 'a', reason: 'other', note: 'Iklan' })).toEqual({ ok: true, data: { first: false } });
    expect(reports).toEqual([
      { id: 'a', reason: 'spam', page: PAGE },
      { id: 'a', reason: 'other', note: 'Iklan', page: PAGE },
    ]);
  });

  it('answers a report at once as lost while disconnected, and passes a refusal on', async () => {
    const sockets: ServerSocket[] = [];
    let down = false;
    const { url, io } = await startServer((socket) => {
      sockets.push(socket);
      socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(1, [comment('a', 10)])));
      socket.on('comment:report', (_p: unknown, ack: (r: unknown) => void) =>
        ack({ ok: false, error: { code: 'NOT_FOUND', message: 'No such comment.' } }),
      );
    });
    io.use((_socket, next) =>
      down ? next(Object.assign(new Error('Starting up.'), { data: { code: 'UNAVAILABLE', message: 'Starting up.' } })) : next(),
    );
    const { controller } = startController(url);
    await until(() => controller.thread?.phase === 'ready');
    expect(await controller.report({ id: 'gone', reason: 'abuse' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    down = true;
    sockets[0]?.conn.close();
    await until(() => controller.connection !== 'connected');
    const started = Date.now();
    expect(await controller.report({ id: 'a', reason: 'abuse' })).toMatchObject({ ok: false, lost: true, error: { code: 'UNAVAILABLE' } });
    expect(Date.now() - started).toBeLessThan(100);
  });

  describe('issue 9: identities, sorts, replies, likes, edits and deletes', () => {
    it("sends the page's SSO token in the handshake and keeps who the viewer is, closed and the edit window from the snapshot", async () => {
      const auths: unknown[] = [];
      const { url } = await startServer((socket) => {
        auths.push(socket.handshake.auth);
        socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
          const r = snapshot(0);
          if (r.ok) {
            r.data.viewer = { authorId: 'sso:7', token: 'tok-1', kind: 'sso', name: 'Ani', avatarUrl: 'https://a.example/ani.png', ssoError: null };
            r.data.closed = true;
            r.data.editWindowMinutes = 5;
            r.data.mine = [
              { comment: { ...HELD, authorId: 'sso:7' }, reasons: [{ rule: 'links', message: { en: 'Contains a link.', id: 'Berisi tautan.' } }] },
            ];
          }
          ack(r);
        });
      });
      const { controller } = startController(url, memoryStore(), {
        config: () => ({ server: url, site: 'demo', page: PAGE, sso: 'jwt.token.here' }),
      });
      await until(() => controller.thread?.phase === 'ready');
      expect(auths).toEqual([{ site: 'demo', sso: 'jwt.token.here' }]);
      expect(controller.viewer).toMatchObject({ kind: 'sso', name: 'Ani' });
      expect(controller.closed).toBe(true);
      expect(controller.editWindowMinutes).toBe(5);
      expect(controller.reasons.get('m')?.[0]?.rule).toBe('links');
    });

    it('remembers a new sort on the device and joins again with it, live events still applied', async () => {
      const joins: unknown[] = [];
      let server: ServerSocket | undefined;
      const { url } = await startServer((socket) => {
        server = socket;
        socket.on('thread:join', (p: { sort?: string }, ack: (r: unknown) => void) => {
          joins.push(p.sort);
          const r = snapshot(joins.length, p.sort === 'oldest' ? [comment('a', 1), comment('b', 2)] : [comment('b', 2), comment('a', 1)]);
          if (r.ok) r.data.sort = p.sort === 'oldest' ? 'oldest' : 'newest';
          ack(r);
        });
      });
      const storage = memoryStore();
      const { controller } = startController(url, storage);
      await until(() => controller.thread?.phase === 'ready');
      controller.setSort('oldest');
      await until(() => controller.thread?.sort === 'oldest' && controller.thread.phase === 'ready');
      expect(joins).toEqual(['newest', 'oldest']);
      expect(storage.map.get('rembuk:sort')).toBe('oldest');
      expect(controller.thread?.comments.map((c) => c.id)).toEqual(['a', 'b']);
      server?.emit('comment:created', created(3, comment('c', 3)));
      await until(() => controller.thread?.seq === 3);
      expect(controller.thread?.comments.map((c) => c.id)).toEqual(['a', 'b', 'c']);
      // The next visit starts in the remembered sort.
      const again = startController(url, storage);
      await until(() => again.controller.thread?.phase === 'ready');
      expect(joins.at(-1)).toBe('oldest');
    });

    it('pages the replies of one conversation: first after those its page carried, then by cursor', async () => {
      const asked: unknown[] = [];
      const root = comment('r', 1, { replyCount: 3 });
      const child = (id: string, at: number) => comment(id, at, { parentId: 'r', rootId: 'r', depth: 1, replyTo: 'Sari' });
      const { url } = await startServer((socket) => {
        socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
          const r = snapshot(1, [root]);
          if (r.ok) r.data.replies = [child('r1', 2)];
          ack(r);
        });
        socket.on('thread:replies', (p: Record<string, unknown>, ack: (r: unknown) => void) => {
          asked.push(p);
          const first = p['cursor'] === undefined;
          ack({
            ok: true,
            data: { rootId: 'r', replies: [child(first ? 'r2' : 'r3', first ? 3 : 4)], liked: first ? ['r2'] : [], nextCursor: first ? 'k2' : null },
          });
        });
      });
      const { controller } = startController(url);
      await until(() => controller.thread?.phase === 'ready');
      await controller.loadReplies('r');
      await controller.loadReplies('r');
      await controller.loadReplies('r');
      expect(asked).toEqual([
        { page: PAGE, rootId: 'r', skip: 1 },
        { page: PAGE, rootId: 'r', cursor: 'k2' },
      ]);
      expect(controller.thread?.replies.map((c) => c.id)).toEqual(['r1', 'r2', 'r3']);
      expect(controller.thread?.liked.has('r2')).toBe(true);
    });

    it('likes with comment:react and shows the count the answer and the broadcast carry', async () => {
      const reacts: unknown[] = [];
      let server: ServerSocket | undefined;
      const { url } = await startServer((socket) => {
        server = socket;
        socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(1, [comment('a', 1, { likes: 2 })])));
        socket.on('comment:react', (p: { like: boolean }, ack: (r: unknown) => void) => {
          reacts.push(p);
          ack({ ok: true, data: { likes: p.like ? 3 : 2, liked: p.like } });
        });
      });
      const { controller } = startController(url);
      await until(() => controller.thread?.phase === 'ready');
      await controller.react('a', true);
      expect(reacts).toEqual([{ id: 'a', like: true, page: PAGE }]);
      expect(controller.thread?.comments[0]?.likes).toBe(3);
      expect(controller.thread?.liked.has('a')).toBe(true);
      server?.emit('comment:liked', { type: 'comment:liked', page: PAGE, seq: 2, id: 'a', likes: 7 });
      await until(() => controller.thread?.comments[0]?.likes === 7);
      expect(controller.thread?.liked.has('a')).toBe(true);
    });

    it("edits: a clean edit replaces the text; one held again stays in the author's view, with why, after its comment:deleted", async () => {
      let server: ServerSocket | undefined;
      const mine = comment('m', 1, { authorId: 'me' });
      const { url } = await startServer((socket) => {
        server = socket;
        socket.on('thread:join', (_p, ack: (r: unknown) => void) => ack(snapshot(1, [mine])));
        socket.on('comment:edit', (p: { id: string; text: string }, ack: (r: unknown) => void) => {
          const held = p.text.includes('http');
          if (p.text === 'buang') return ack({ ok: true, data: { comment: { ...mine, text: p.text, status: 'rejected' }, reasons: [] } });
          const reasons = held ? [{ rule: 'links', message: { en: 'Contains a link.', id: 'Berisi tautan.' } }] : [];
          ack({ ok: true, data: { comment: { ...mine, text: p.text, editedAt: 5, status: held ? 'pending' : 'published' }, reasons } });
        });
      });
      const { controller } = startController(url);
      await until(() => controller.thread?.phase === 'ready');
      const clean = await controller.edit('m', 'diperbaiki');
      expect(clean.ok).toBe(true);
      expect(controller.thread?.comments[0]).toMatchObject({ text: 'diperbaiki', editedAt: 5, status: 'published' });
      await controller.edit('m', 'lihat http://x.example');
      expect(controller.thread?.comments[0]?.status).toBe('pending');
      expect(controller.reasons.get('m')?.[0]?.rule).toBe('links');
      server?.emit('comment:deleted', deleted(2, 'm', 0));
      await until(() => controller.thread?.seq === 2);
      expect(controller.thread?.comments.map((c) => [c.id, c.status])).toEqual([['m', 'pending']]);
      // Rejected by the new verdict: out of the view, and the author is told as after a moderator's rejection.
      await controller.edit('m', 'buang');
      expect(controller.thread?.comments).toEqual([]);
      expect(controller.declined.map((c) => c.text)).toEqual(['buang']);
    });

    it('deletes one of its own comments: a tombstone while a reply hangs under it, gone otherwise; refused at once while disconnected', async () => {
      const asked: unknown[] = [];
      const a = comment('a', 2, { authorId: 'me', replyCount: 1 });
      const b = comment('b', 1, { authorId: 'me' });
      const { url, io } = await startServer((socket) => {
        socket.on('thread:join', (_p, ack: (r: unknown) => void) => {
          const r = snapshot(1, [a, b]);
          if (r.ok) r.data.replies = [comment('a1', 3, { parentId: 'a', rootId: 'a', depth: 1, replyTo: 'Sari' })];
          ack(r);
        });
        socket.on('comment:delete', (p: unknown, ack: (r: unknown) => void) => {
          asked.push(p);
          ack({ ok: true, data: {} });
        });
      });
      const { controller } = startController(url);
      await until(() => controller.thread?.phase === 'ready');
      await controller.remove('a');
      await controller.remove('b');
      expect(asked).toEqual([
        { id: 'a', page: PAGE },
        { id: 'b', page: PAGE },
      ]);
      expect(controller.thread?.comments.map((c) => [c.id, c.status, c.text])).toEqual([['a', 'deleted', '']]);
      io.disconnectSockets();
      await until(() => controller.connection !== 'connected');
      const offline = await controller.remove('a1');
      expect(offline).toMatchObject({ ok: false, lost: true });
    });
  });
});
