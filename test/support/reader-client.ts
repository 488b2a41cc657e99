/**
 * A real socket.io-client reader for integration tests: WebSocket transport, an Origin
 * header like a browser's, typed requests that resolve with the server's Result.
 */
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../../protocol/errors.ts';
import { ackGuards, broadcastGuards } from '../../protocol/guards.ts';
import type {
  AckOf,
  BroadcastName,
  BroadcastOf,
  ClientEventName,
  ClientToServerEvents,
  RequestOf,
  ServerToClientEvents,
} from '../../protocol/events.ts';

export type ReaderSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ReaderOptions {
  site?: string;
  origin?: string;
  token?: string;
  /** An SSO token, as the page's `sso` attribute passes it. */
  sso?: string;
  /** Extra handshake headers, e.g. X-Forwarded-For as a proxy would send it. */
  headers?: Record<string, string>;
}

export async function connectReader(url: string, options: ReaderOptions = {}): Promise<ReaderSocket> {
  const socket: ReaderSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { site: options.site ?? 'demo', ...(options.token ? { token: options.token } : {}), ...(options.sso ? { sso: options.sso } : {}) },
    extraHeaders: { origin: options.origin ?? url, ...options.headers },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/**
 * Emits a request and resolves with its acknowledgement (or rejects after 5 s). The payload
 * and the ack's type follow from the event's name (protocol/events.ts), and the ack is checked
 * with the guards the widget uses: an answer of the wrong shape fails the test.
 */
export async function request<E extends ClientEventName>(socket: ReaderSocket, event: E, payload: RequestOf<E>): Promise<Result<AckOf<E>>> {
  const result = await requestRaw(socket, event, payload);
  const isAck = ackGuards[event];
  if (!isAck(result)) throw new Error(`the server answered ${event} with something of the wrong shape: ${JSON.stringify(result)}`);
  return result;
}

/**
 * For tests of what the server does with bad input: any event name and any arguments, as a
 * client that does not use our protocol types could send.
 */
export function requestRaw(socket: ReaderSocket, event: string, ...args: unknown[]): Promise<unknown> {
  const raw: Socket = socket;
  return new Promise((resolve, reject) => {
    raw.timeout(5_000).emit(event, ...args, (err: Error | null, result: unknown) => (err ? reject(err) : resolve(result)));
  });
}

/** Resolves with the next broadcast `event` the socket receives, checked like the widget checks it. */
export function nextEvent<E extends BroadcastName>(socket: ReaderSocket, event: E, timeoutMs = 3_000): Promise<BroadcastOf<E>> {
  const raw: Socket = socket;
  const isBroadcast = broadcastGuards[event];
  return new Promise((resolve, reject) => {
    const onEvent = (payload: unknown) => {
      clearTimeout(timer);
      if (isBroadcast(payload)) resolve(payload);
      else reject(new Error(`${event} arrived with the wrong shape: ${JSON.stringify(payload)}`));
    };
    const timer = setTimeout(() => {
      raw.off(String(event), onEvent);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    raw.once(String(event), onEvent);
  });
}
