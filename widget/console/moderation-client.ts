/**
 * What the console needs from the network, as a small interface: the session over HTTP and
 * one /moderation connection per site. The elements and controllers speak only this, so
 * their logic is tested against a fake (fake-moderation-client.ts); the implementation here
 * is fetch and socket.io-client, and every answer is checked by protocol/moderation-guards.ts
 * before anything reads it.
 */
import { io, type Socket } from 'socket.io-client';
import type { Result, WireError } from '../../protocol/errors.ts';
import type { ConnectErrorData } from '../../protocol/events.ts';
import {
  isModerationConnectErrorData,
  moderationAckGuards,
  moderationBroadcastGuards,
  sessionResultGuards,
  type Guard,
} from '../../protocol/moderation-guards.ts';
import {
  MODERATION_HTTP,
  MODERATION_NAMESPACE,
  type Empty,
  type ModerationAckOf,
  type ModerationBroadcastName,
  type ModerationBroadcastOf,
  type ModerationEventName,
  type ModerationRequestOf,
  type ModeratorSessionView,
} from '../../protocol/moderation.ts';

/**
 * `connecting`: not connected yet; `connected`; `reconnecting`: lost, trying again;
 * `refused`: the server turned the handshake down for good (`error` says why).
 */
export type ConnectionStatus =
  { state: 'connecting' } | { state: 'connected' } | { state: 'reconnecting' } | { state: 'refused'; error: ConnectErrorData };

export interface ModerationConnection {
  readonly site: string;
  readonly status: ConnectionStatus;
  /** Always settles with a Result: no answer in time, or one of the wrong shape, is an UNAVAILABLE error. */
  request<E extends ModerationEventName>(event: E, payload: ModerationRequestOf<E>): Promise<Result<ModerationAckOf<E>>>;
  /** Returns its unsubscribe. Broadcasts of the wrong shape are dropped. */
  on<E extends ModerationBroadcastName>(event: E, handler: (payload: ModerationBroadcastOf<E>) => void): () => void;
  onStatus(handler: (status: ConnectionStatus) => void): () => void;
  close(): void;
}

export interface ModerationClient {
  getSession(): Promise<Result<ModeratorSessionView>>;
  signIn(email: string, password: string): Promise<Result<ModeratorSessionView>>;
  signOut(): Promise<Result<Empty>>;
  connect(site: string): ModerationConnection;
}

const ACK_TIMEOUT_MS = 10_000;
/** After a refusal that may pass (UNAVAILABLE, RATE_LIMITED) without a wait named. */
const RETRY_MS = 3_000;
/** Refusals that trying again would not change. */
const FINAL_REFUSALS = new Set<ConnectErrorData['code']>(['UNAUTHENTICATED', 'FORBIDDEN', 'UNKNOWN_SITE', 'ORIGIN_NOT_ALLOWED', 'INVALID_INPUT']);

const unavailable = (message: string): { ok: false; error: WireError } => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

async function sessionRequest<T>(method: 'GET' | 'POST' | 'DELETE', guard: Guard<Result<T>>, body?: unknown): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(MODERATION_HTTP.session, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return unavailable('The server could not be reached.');
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return unavailable(`The server answered ${response.status} without a result.`);
  }
  return guard(json) ? json : unavailable('The server’s answer was not understood.');
}

/** The console's client on this page's own origin (the server that served it). */
export function createModerationClient(): ModerationClient {
  return {
    getSession: () => sessionRequest('GET', sessionResultGuards.get),
    signIn: (email, password) => sessionRequest('POST', sessionResultGuards.post, { email, password }),
    signOut: () => sessionRequest('DELETE', sessionResultGuards.delete),
    connect: (site) => createSocketConnection(site),
  };
}

function createSocketConnection(site: string): ModerationConnection {
  // The namespace's events are checked by the guards, not by Socket.IO's types: the socket is
  // kept untyped so one `emit` serves every event name.
  const socket: Socket = io(MODERATION_NAMESPACE, { transports: ['websocket'], auth: { site } });
  const statusHandlers = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { state: 'connecting' };
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const setStatus = (next: ConnectionStatus) => {
    status = next;
    for (const handler of statusHandlers) handler(next);
  };
  socket.on('connect', () => setStatus({ state: 'connected' }));
  socket.on('disconnect', () => {
    if (!closed) setStatus({ state: 'reconnecting' });
  });
  socket.on('connect_error', (err: Error & { data?: unknown }) => {
    if (!isModerationConnectErrorData(err.data)) {
      // A transport failure: Socket.IO's manager tries again by itself.
      if (status.state !== 'connecting') setStatus({ state: 'reconnecting' });
      return;
    }
    const data = err.data;
    if (FINAL_REFUSALS.has(data.code)) return setStatus({ state: 'refused', error: data });
    // A refusal from the server's middleware is not retried by Socket.IO: we do, after the wait named.
    setStatus({ state: 'reconnecting' });
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (!closed) socket.connect();
    }, data.retryAfterMs ?? RETRY_MS);
  });
  return {
    site,
    get status() {
      return status;
    },
    request(event, payload) {
      const guard: Guard<Result<ModerationAckOf<typeof event>>> = moderationAckGuards[event];
      return new Promise((resolve) => {
        socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (err: Error | null, answer: unknown) => {
          if (err) return resolve(unavailable('No answer from the server in time.'));
          resolve(guard(answer) ? answer : unavailable('The server’s answer was not understood.'));
        });
      });
    },
    on(event, handler) {
      const guard: Guard<ModerationBroadcastOf<typeof event>> = moderationBroadcastGuards[event];
      const listener = (payload: unknown) => {
        if (guard(payload)) handler(payload);
      };
      // A plain string, so Socket.IO's reserved-event overloads do not apply to our names.
      const name: string = event;
      socket.on(name, listener);
      return () => void socket.off(name, listener);
    },
    onStatus(handler) {
      statusHandlers.add(handler);
      return () => void statusHandlers.delete(handler);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      statusHandlers.clear();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
