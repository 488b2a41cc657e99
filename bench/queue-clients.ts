/**
 * The clients of the queue benchmark, as a browser would be: a moderator who signs in over
 * HTTP and opens the /moderation namespace with the session cookie and the server's own
 * Origin, and readers on the readers' namespace. Requests resolve with their ack and the
 * round trip measured on this process's clock (`performance.now()`).
 */
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../protocol/errors.ts';
import type { AckOf, ClientEventName, ClientToServerEvents, RequestOf, ServerToClientEvents } from '../protocol/events.ts';
import { ackGuards } from '../protocol/guards.ts';
import {
  MODERATION_HTTP,
  MODERATION_NAMESPACE,
  type ModerationClientEvents,
  type ModerationServerEvents,
  type QueueDecided,
  type QueueDecideRequest,
  type QueueListRequest,
  type QueueListResult,
} from '../protocol/moderation.ts';

export type ConsoleSocket = Socket<ModerationServerEvents, ModerationClientEvents>;
export type ReaderSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const REQUEST_TIMEOUT_MS = 10_000;

/** A result and how long its round trip took, in ms. */
export interface Timed<T> {
  result: Result<T>;
  ms: number;
}

/** POST /moderate/api/session; the `name=value` of the session cookie it sets. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}${MODERATION_HTTP.session}`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const pair = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !pair) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return pair;
}

function connected<S extends Socket>(socket: S, what: string): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(new Error(`${what} could not connect: ${err.message}`));
    });
  });
}

export function connectConsole(url: string, cookie: string, site: string): Promise<ConsoleSocket> {
  const socket: ConsoleSocket = io(`${url}${MODERATION_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { site },
    extraHeaders: { origin: url, cookie },
  });
  return connected(socket, 'the console');
}

export function connectReader(url: string, site: string): Promise<ReaderSocket> {
  const socket: ReaderSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: REQUEST_TIMEOUT_MS,
    auth: { site },
    extraHeaders: { origin: url },
  });
  return connected(socket, 'a reader');
}

async function timed<T>(send: () => Promise<Result<T>>): Promise<Timed<T>> {
  const t0 = performance.now();
  const result = await send();
  return { result, ms: performance.now() - t0 };
}

export const listQueue = (socket: ConsoleSocket, request: QueueListRequest): Promise<Timed<QueueListResult>> =>
  timed(() => socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('queue:list', request));

export const decide = (socket: ConsoleSocket, request: QueueDecideRequest): Promise<Timed<QueueDecided>> =>
  timed(() => socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('queue:decide', request));

/** A reader's request and its ack, checked with the widget's own guards (an answer of the wrong shape throws). */
export async function readerRequest<E extends ClientEventName>(socket: ReaderSocket, event: E, payload: RequestOf<E>): Promise<Result<AckOf<E>>> {
  const raw: Socket = socket;
  const answer = await new Promise<unknown>((resolve, reject) => {
    raw.timeout(REQUEST_TIMEOUT_MS).emit(event, payload, (err: Error | null, result: unknown) => (err ? reject(err) : resolve(result)));
  });
  const isAck = ackGuards[event];
  if (!isAck(answer)) throw new Error(`the server answered ${event} with something of the wrong shape`);
  return answer;
}

/** Joins a thread; throws when the server refuses. */
export async function joinThread(socket: ReaderSocket, page: string): Promise<void> {
  const joined = await readerRequest(socket, 'thread:join', { page });
  if (!joined.ok) throw new Error(`thread:join answered ${joined.error.code}: ${joined.error.message}`);
}
