/**
 * The yardstick for `npm run bench:fanout`: a bare Socket.IO server with the same version and
 * engine options as Rembuk's (WebSocket only, no client bundle, same frame cap), but no store,
 * no moderation, no origin or payload checks. It acks `thread:join`, and rebroadcasts each
 * `comment:create` to the thread room as a `comment:created` event shaped like Rembuk's, so the
 * bytes on the wire are comparable. With REDIS_URL it installs `@socket.io/redis-adapter` on
 * node-redis pub/sub clients exactly as server/main.ts does, so several bare processes on one
 * Redis are the yardstick for several Rembuk servers (`--servers 2`).
 *
 * Env: PORT (0 = a free port), HOST, REDIS_URL. Logs one JSON line `{"msg":"listening","url":...}`.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';

const MAX_FRAME_BYTES = 1_000_000;

type Ack = (result: unknown) => void;

const http = createServer((_req, res) => {
  res.writeHead(404).end();
});
const io = new Server(http, { transports: ['websocket'], serveClient: false, maxHttpBufferSize: MAX_FRAME_BYTES });
const redisUrl = process.env['REDIS_URL'];
if (redisUrl) {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
}

const seqs = new Map<string, number>();

io.on('connection', (socket: Socket) => {
  socket.on('thread:join', (payload: { page: string }, ack: Ack) => {
    const room = `thread:demo:${payload.page}`;
    void socket.join(room);
    ack({ ok: true, data: { page: payload.page, comments: [], nextCursor: null, count: 0, seq: seqs.get(room) ?? 0, mine: [] } });
  });
  socket.on('comment:create', (payload: { page: string; text: string; authorName: string }, ack: Ack) => {
    const room = `thread:demo:${payload.page}`;
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    const comment = {
      id: randomBytes(12).toString('base64url'),
      page: payload.page,
      parentId: null,
      authorId: socket.id,
      authorName: payload.authorName,
      text: payload.text,
      status: 'published',
      createdAt: Date.now(),
    };
    io.to(room).emit('comment:created', { type: 'comment:created', page: payload.page, seq, comment, count: seq });
    ack({ ok: true, data: { comment, reasons: [] } });
  });
});

const port = Number(process.env['PORT'] ?? 0);
const host = process.env['HOST'] ?? '127.0.0.1';
http.listen(port, host, () => {
  const address = http.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ level: 30, msg: 'listening', url: `http://${address.address}:${address.port}`, store: 'none' })}\n`);
});

const stop = () => {
  // Not awaited: the exit on the next line ends every socket anyway, and the harness waits for the exit.
  void io.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
