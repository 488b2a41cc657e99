/**
 * A real socket.io-client reader for integration tests: WebSocket transport, an Origin
 * header like a browser's, typed requests that resolve with the server's Result.
 */
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../../protocol/errors.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events.ts';

export type ReaderSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ReaderOptions {
  site?: string;
  origin?: string;
  token?: string;
  /** Extra handshake headers, e.g. X-Forwarded-For as a proxy would send it. */
  headers?: Record<string, string>;
}

export async function connectReader(url: string, options: ReaderOptions = {}): Promise<ReaderSocket> {
  const socket: ReaderSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { site: options.site ?? 'demo', ...(options.token ? { token: options.token } : {}) },
    extraHeaders: { origin: options.origin ?? url, ...options.headers },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Emits a request and resolves with its acknowledgement (or rejects after 5 s). */
export function request<T>(socket: ReaderSocket, event: string, ...args: unknown[]): Promise<Result<T>> {
  const untyped = socket as unknown as { timeout(ms: number): { emit(e: string, ...a: unknown[]): void } };
  return new Promise((resolve, reject) => {
    untyped.timeout(5_000).emit(event, ...args, (err: Error | null, result: Result<T>) => (err ? reject(err) : resolve(result)));
  });
}

/** Resolves with the next `event` the socket receives. */
export function nextEvent<T>(socket: ReaderSocket, event: string, timeoutMs = 3_000): Promise<T> {
  const untyped = socket as unknown as { once(e: string, fn: (p: T) => void): void; off(e: string, fn: (p: T) => void): void };
  return new Promise((resolve, reject) => {
    const onEvent = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      untyped.off(event, onEvent);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    untyped.once(event, onEvent);
  });
}
