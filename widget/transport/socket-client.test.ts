/**
 * The embed's own Socket.IO client against a real socket.io server (the version package.json
 * installs) on a free port: an upgrade of socket.io that changes the protocol fails here, not in
 * readers' browsers. Node 20 has no global WebSocket, so the `ws` package stands in for the
 * browser's; a TCP relay that can stop passing bytes plays a network gone silent.
 */
import { createServer as createHttpServer } from 'node:http';
import { connect as connectTcp, createServer as createTcpServer, type Server as TcpServer, type Socket as TcpSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeWebSocket } from './node-websocket.ts';
import { io, socketUrl, type ConnectError, type Socket, type SocketOptions } from './socket-client.ts';

interface Listen {
  hello: (greeting: string, n: number) => void;
  blob: (data: unknown) => void;
  after: (n: number) => void;
}
interface Emit {
  echo: (payload: { text: string }, ack: (answer: { text: string; auth: unknown }) => void) => void;
  silent: (payload: null, ack: (answer: unknown) => void) => void;
  slow: (payload: number, ack: (answer: number) => void) => void;
}
type TestSocket = Socket<Listen, Emit>;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: { listen: (port: number, host: string, cb: () => void) => unknown; address: () => unknown }): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function startServer(options: Partial<ServerOptions> = {}): Promise<{ io: Server; port: number; url: string }> {
  const http = createHttpServer();
  const server = new Server(http, { transports: ['websocket'], ...options });
  const port = await listen(http);
  cleanups.push(() => new Promise<void>((resolve) => void server.close(() => resolve())));
  return { io: server, port, url: `http://127.0.0.1:${port}` };
}

/** A TCP relay to `port`; `freeze()` stops it passing bytes either way while every connection stays open. */
async function startRelay(port: number | null): Promise<{ url: string; freeze: () => void }> {
  let frozen = port === null;
  const sockets = new Set<TcpSocket>();
  const relay: TcpServer = createTcpServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    if (port === null) return;
    const upstream = connectTcp(port, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => undefined);
    client.on('data', (d) => void (frozen || upstream.write(d)));
    upstream.on('data', (d) => void (frozen || client.write(d)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const relayPort = await listen(relay);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${relayPort}`, freeze: () => void (frozen = true) };
}

function client(url: string, options: SocketOptions = {}): TestSocket {
  const socket = io<Listen, Emit>(url, { WebSocket: NodeWebSocket, timeout: 2_000, ...options });
  cleanups.push(() => void socket.removeAllListeners().disconnect());
  return socket;
}

function next<T>(register: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve) => register(resolve));
}

function connected(socket: TestSocket): Promise<void> {
  return next((resolve) => socket.on('connect', () => resolve()));
}

function failed(socket: TestSocket): Promise<ConnectError> {
  return next((resolve) => socket.on('connect_error', resolve));
}

function disconnected(socket: TestSocket): Promise<string> {
  return next((resolve) => socket.on('disconnect', resolve));
}

/** What the ack `send` passes on is called with. */
function answer<T>(send: (ack: (err: Error | null, result: T | undefined) => void) => void): Promise<[Error | null, T | undefined]> {
  return new Promise((resolve) => send((err, result) => resolve([err, result])));
}

describe('socketUrl', () => {
  it("speaks Engine.IO 4 over a WebSocket at the server origin's /socket.io/ path, secure for https", () => {
    expect(socketUrl('http://127.0.0.1:3000')).toBe('ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket');
    expect(socketUrl('https://komentar.example.id')).toBe('wss://komentar.example.id/socket.io/?EIO=4&transport=websocket');
    expect(socketUrl('https://komentar.example.id/')).toBe('wss://komentar.example.id/socket.io/?EIO=4&transport=websocket');
  });
});

describe('socket client against a real socket.io server', () => {
  it('connects with the auth it is given on each attempt, and emits connect once', async () => {
    const { io: server, url } = await startServer();
    const seen: unknown[] = [];
    server.on('connection', (s) => seen.push(s.handshake.auth));
    let attempt = 0;
    const socket = client(url, { auth: (send) => send({ site: 'demo', attempt: ++attempt }) });
    let connects = 0;
    socket.on('connect', () => connects++);
    await connected(socket);
    expect(socket.connected).toBe(true);
    socket.disconnect();
    expect(socket.connected).toBe(false);
    socket.connect();
    await connected(socket);
    expect(seen).toEqual([
      { site: 'demo', attempt: 1 },
      { site: 'demo', attempt: 2 },
    ]);
    expect(connects).toBe(2);
  });

  it('connects without auth as an empty handshake auth', async () => {
    const { io: server, url } = await startServer();
    const auth = next<unknown>((resolve) => server.on('connection', (s) => resolve(s.handshake.auth)));
    client(url);
    expect(await auth).toEqual({});
  });

  it('emits with an ack and receives the answer, null first', async () => {
    const { io: server, url } = await startServer();
    server.on('connection', (s: ServerSocket) => {
      s.on('echo', (payload: { text: string }, ack: (a: unknown) => void) => ack({ text: payload.text.toUpperCase(), auth: s.handshake.auth }));
    });
    const socket = client(url, { auth: (send) => send({ site: 'demo' }) });
    await connected(socket);
    const [err, result] = await answer<{ text: string; auth: unknown }>((ack) => socket.timeout(500).emit('echo', { text: 'halo' }, ack));
    expect(err).toBeNull();
    expect(result).toEqual({ text: 'HALO', auth: { site: 'demo' } });
  });

  it('calls the ack with an error when no answer comes in time, and ignores the answer that comes later', async () => {
    const { io: server, url } = await startServer();
    server.on('connection', (s: ServerSocket) => {
      s.on('slow', (n: number, ack: (a: number) => void) => setTimeout(() => ack(n), 300));
    });
    const socket = client(url);
    await connected(socket);
    const calls: Array<[Error | null, number | undefined]> = [];
    const started = Date.now();
    await new Promise<void>((resolve) =>
      socket.timeout(100).emit('slow', 7, (err, n) => {
        calls.push([err, n]);
        resolve();
      }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(calls[0]?.[0]?.message).toBe('operation has timed out');
    await new Promise((r) => setTimeout(r, 350));
    expect(calls).toHaveLength(1);
    expect(socket.connected).toBe(true);
  });

  it("delivers the server's events with all their arguments, to every listener", async () => {
    const { io: server, url } = await startServer();
    server.on('connection', (s: ServerSocket) => {
      void s.join('room');
      server.to('room').emit('hello', 'apa kabar', 2);
    });
    const socket = client(url);
    const both: unknown[] = [];
    socket.on('hello', (greeting, n) => both.push(['first', greeting, n]));
    const got = next<unknown[]>((resolve) => socket.on('hello', (greeting, n) => resolve([greeting, n])));
    expect(await got).toEqual(['apa kabar', 2]);
    expect(both).toEqual([['first', 'apa kabar', 2]]);
  });

  it("fails the attempt with the middleware's message and data, and closes the connection", async () => {
    const { io: server, url } = await startServer();
    let engineClosed = false;
    server.engine.on('connection', (raw: { on: (e: string, f: () => void) => void }) => raw.on('close', () => (engineClosed = true)));
    server.use((_s, nextStep) => nextStep(Object.assign(new Error('Origin not allowed.'), { data: { code: 'ORIGIN_NOT_ALLOWED', message: 'No.' } })));
    const socket = client(url);
    let connects = 0;
    socket.on('connect', () => connects++);
    const err = await failed(socket);
    expect(err.message).toBe('Origin not allowed.');
    expect(err.data).toEqual({ code: 'ORIGIN_NOT_ALLOWED', message: 'No.' });
    expect(socket.connected).toBe(false);
    await until(() => engineClosed);
    expect(connects).toBe(0);
  });

  it('fails the attempt without data when the WebSocket cannot open (nothing listens, or the server turns the request down)', async () => {
    const { url: refusing } = await startServer({ allowRequest: (_req, callback) => callback('Too many connections', false) });
    const dead = await startServer();
    const deadUrl = dead.url;
    await new Promise<void>((resolve) => void dead.io.close(() => resolve()));
    for (const target of [deadUrl, refusing]) {
      const err = await failed(client(target));
      expect(err.message).toBe('websocket error');
      expect(err.data).toBeUndefined();
    }
  });

  it('fails an attempt that gets no answer within its timeout', async () => {
    const { url } = await startRelay(null);
    const started = Date.now();
    const err = await failed(client(url, { timeout: 200 }));
    expect(err.message).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('can connect again after a refusal, with the auth asked again', async () => {
    const { io: server, url } = await startServer();
    let refuse = true;
    server.use((_s, nextStep) => (refuse ? nextStep(Object.assign(new Error('Starting.'), { data: { code: 'UNAVAILABLE' } })) : nextStep()));
    let asked = 0;
    const socket = client(url, { auth: (send) => send({ n: ++asked }) });
    await failed(socket);
    refuse = false;
    socket.connect();
    await connected(socket);
    expect(asked).toBe(2);
  });

  it('emits disconnect when the server disconnects the socket, and fails the acks it owed at once', async () => {
    const { io: server, url } = await startServer();
    server.on('connection', (s: ServerSocket) => s.on('silent', () => setTimeout(() => s.disconnect(), 50)));
    const socket = client(url);
    await connected(socket);
    const gone = disconnected(socket);
    const started = Date.now();
    const [err] = await answer<unknown>((ack) => socket.timeout(5_000).emit('silent', null, ack));
    expect(err?.message).toBe('socket has been disconnected');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await gone).toBe('io server disconnect');
    expect(socket.connected).toBe(false);
  });

  it('emits disconnect when the server closes the connection under it', async () => {
    const { io: server, url } = await startServer();
    server.on('connection', (s: ServerSocket) => setTimeout(() => s.conn.close(), 20));
    const socket = client(url);
    await connected(socket);
    expect(await disconnected(socket)).toBe('transport close');
  });

  it('says goodbye when it disconnects, so the server sees the client leave rather than a dropped connection', async () => {
    const { io: server, url } = await startServer();
    const reason = next<string>((resolve) => server.on('connection', (s: ServerSocket) => s.on('disconnect', resolve)));
    const socket = client(url);
    await connected(socket);
    const own = disconnected(socket);
    socket.disconnect();
    expect(await own).toBe('io client disconnect');
    expect(await reason).toBe('client namespace disconnect');
  });

  it("answers the server's pings, so a connection outlives many ping intervals", async () => {
    const { io: server, url } = await startServer({ pingInterval: 40, pingTimeout: 60 });
    const serverGone = next<string>((resolve) => server.on('connection', (s: ServerSocket) => s.on('disconnect', resolve)));
    const socket = client(url);
    await connected(socket);
    let drops = 0;
    socket.on('disconnect', () => drops++);
    await new Promise((r) => setTimeout(r, 600));
    expect(drops).toBe(0);
    expect(socket.connected).toBe(true);
    socket.disconnect();
    // Had a pong been missing, the server would have ended it as "ping timeout" long before.
    expect(await serverGone).toBe('client namespace disconnect');
  });

  it('ends a connection whose pings stopped coming (a network gone silent) after the ping interval and timeout', async () => {
    const { port } = await startServer({ pingInterval: 100, pingTimeout: 100 });
    const relay = await startRelay(port);
    const socket = client(relay.url);
    await connected(socket);
    const gone = disconnected(socket);
    relay.freeze();
    const started = Date.now();
    expect(await gone).toBe('ping timeout');
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('sends an emit made while not connected once connected, before what connect listeners emit, and drops one whose timeout passed', async () => {
    const { io: server, url } = await startServer();
    const received: string[] = [];
    server.on('connection', (s: ServerSocket) => {
      s.on('echo', (p: { text: string }, ack: (a: unknown) => void) => {
        received.push(p.text);
        ack({ text: p.text, auth: null });
      });
    });
    const socket = client(url);
    let connects = 0;
    socket.on('connect', () => socket.timeout(2_000).emit('echo', { text: `on connect ${++connects}` }, () => undefined));
    const [err, result] = await answer<{ text: string }>((ack) => socket.timeout(2_000).emit('echo', { text: 'early' }, ack));
    expect(err).toBeNull();
    expect(result?.text).toBe('early');

    socket.disconnect();
    const [expired] = await answer<unknown>((ack) => socket.timeout(50).emit('echo', { text: 'expired' }, ack));
    expect(expired?.message).toBe('operation has timed out');
    socket.connect();
    const [, later] = await answer<{ text: string }>((ack) => socket.timeout(2_000).emit('echo', { text: 'later' }, ack));
    expect(later?.text).toBe('later');
    await until(() => received.length === 4);
    expect(received).toEqual(['early', 'on connect 1', 'later', 'on connect 2']);
  });

  it('ends the connection at once when the browser says it went offline, and listens again on the next attempt', async () => {
    const { url } = await startServer();
    const network = new EventTarget();
    const socket = client(url, { network });
    await connected(socket);
    const gone = disconnected(socket);
    network.dispatchEvent(new Event('offline'));
    expect(await gone).toBe('transport close');
    expect(socket.connected).toBe(false);
    socket.connect();
    await connected(socket);
    const again = disconnected(socket);
    network.dispatchEvent(new Event('offline'));
    expect(await again).toBe('transport close');
  });

  it('keeps a connection to a server on localhost when the browser goes offline, as engine.io-client does', async () => {
    const { port } = await startServer();
    const network = new EventTarget();
    const socket = client(`http://localhost:${port}`, { network });
    await connected(socket);
    network.dispatchEvent(new Event('offline'));
    await new Promise((r) => setTimeout(r, 50));
    expect(socket.connected).toBe(true);
  });

  it('ignores binary events and stays connected for the next one', async () => {
    const { io: server, url } = await startServer();
    server.on('connection', (s: ServerSocket) => {
      s.emit('blob', Buffer.from([1, 2, 3]));
      s.emit('after', 1);
    });
    const socket = client(url);
    const blobs: unknown[] = [];
    socket.on('blob', (data) => blobs.push(data));
    const after = next<number>((resolve) => socket.on('after', resolve));
    expect(await after).toBe(1);
    expect(blobs).toEqual([]);
    expect(socket.connected).toBe(true);
  });
});

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
