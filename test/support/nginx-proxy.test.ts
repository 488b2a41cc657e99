import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type RunningNginx } from './nginx-proxy.ts';

/** A backend that names itself over HTTP and over a Socket.IO WebSocket. */
async function backend(name: string): Promise<{ address: string; close: () => Promise<void> }> {
  const http: Server = createServer((req, res) => {
    res.setHeader('content-type', 'text/plain');
    res.end(`${name} ${String(req.headers['x-forwarded-for'] ?? '')}`);
  });
  const sockets = new SocketServer(http, { transports: ['websocket'] });
  sockets.on('connection', (socket) => socket.on('who', (ack: (n: string) => void) => ack(name)));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => void sockets.close(() => resolve())),
  };
}

describe('the test nginx in front of several servers', () => {
  let nginx: RunningNginx;
  const backends: Awaited<ReturnType<typeof backend>>[] = [];
  beforeAll(async () => {
    backends.push(await backend('a'), await backend('b'));
    nginx = await startNginx(backends.map((b) => b.address));
  }, 30_000);
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(backends.map((b) => b.close()));
  });

  it('spreads plain requests over both upstreams and says who the client is', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, async () => (await fetch(`${nginx.url}/`)).text()));
    expect(new Set(answers.map((a) => a.split(' ')[0]))).toEqual(new Set(['a', 'b']));
    expect(answers.every((a) => a.endsWith('127.0.0.1'))).toBe(true);
  });

  it('passes the WebSocket upgrade through, so a Socket.IO client on the websocket transport reaches a server', async () => {
    const names = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const socket = io(nginx.url, { transports: ['websocket'], forceNew: true, reconnection: false });
        try {
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', resolve);
            socket.once('connect_error', reject);
          });
          const who: unknown = await socket.timeout(3_000).emitWithAck('who');
          return who;
        } finally {
          socket.disconnect();
        }
      }),
    );
    expect(names.every((n) => n === 'a' || n === 'b')).toBe(true);
  });
});
