/**
 * A real moderator's console for integration tests, as a browser on the /moderate page would
 * be: it signs in over HTTP (the server's own Origin, the Set-Cookie it answers), connects to
 * the /moderation namespace over WebSocket with that cookie and Origin, and sends typed
 * requests whose acks (and broadcasts) are checked with the console's own guards.
 */
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../../protocol/errors.ts';
import type { ConnectErrorData } from '../../protocol/events.ts';
import { isModerationConnectErrorData, moderationAckGuards, moderationBroadcastGuards } from '../../protocol/moderation-guards.ts';
import {
  MODERATION_HTTP,
  MODERATION_NAMESPACE,
  type ModerationAckOf,
  type ModerationBroadcastName,
  type ModerationBroadcastOf,
  type ModerationClientEvents,
  type ModerationEventName,
  type ModerationRequestOf,
  type ModerationServerEvents,
} from '../../protocol/moderation.ts';
import { hashPassword } from '../../server/moderators/password-hash.ts';
import type { ModeratorAccount, ModeratorDirectory } from '../../server/store/moderator-types.ts';
import { recordEvents, type EventRecorder } from './event-recorder.ts';
import { addTestModerator, DEWI_PASSWORD } from './moderators.ts';

export type ModeratorSocket = Socket<ModerationServerEvents, ModerationClientEvents>;
export type ModerationBroadcasts = { [E in ModerationBroadcastName]: ModerationBroadcastOf<E> };

export interface SignInOptions {
  email?: string;
  password?: string;
  /** The Origin header; the server's own when absent. */
  origin?: string;
}

/** POST /moderate/api/session as the console does; the raw response, for tests of refusals. */
export function postSignIn(url: string, options: SignInOptions = {}): Promise<Response> {
  return fetch(`${url}${MODERATION_HTTP.session}`, {
    method: 'POST',
    headers: { origin: options.origin ?? url, 'content-type': 'application/json' },
    body: JSON.stringify({ email: options.email ?? 'dewi@example.com', password: options.password ?? DEWI_PASSWORD }),
  });
}

/** `name=value` of a Set-Cookie header, as a browser would send it back. */
export function cookieOf(response: Response): string {
  const setCookie = response.headers.get('set-cookie');
  const pair = setCookie?.split(';')[0];
  if (!pair) throw new Error(`no Set-Cookie in the answer (${response.status})`);
  return pair;
}

/** Signs in and resolves with the session cookie (`rembuk_moderator=…`). */
export async function signIn(url: string, options: SignInOptions = {}): Promise<string> {
  const res = await postSignIn(url, options);
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return cookieOf(res);
}

/** DELETE /moderate/api/session with the cookie, from the server's own Origin. */
export function signOut(url: string, cookie: string): Promise<Response> {
  return fetch(`${url}${MODERATION_HTTP.session}`, { method: 'DELETE', headers: { origin: url, cookie } });
}

export interface ConsoleOptions {
  /** `name=value`; no Cookie header when absent (a signed-out browser). */
  cookie?: string;
  site?: string;
  /** The Origin header; the server's own when absent. */
  origin?: string;
}

function openConsole(url: string, options: ConsoleOptions): ModeratorSocket {
  return io(`${url}${MODERATION_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { site: options.site ?? 'demo' },
    extraHeaders: { origin: options.origin ?? url, ...(options.cookie !== undefined ? { cookie: options.cookie } : {}) },
  });
}

/** A connected console; rejects with the connect_error when the server refuses it. */
export async function connectConsole(url: string, options: ConsoleOptions): Promise<ModeratorSocket> {
  const socket = openConsole(url, options);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
  return socket;
}

/** The refusal's data (checked like the console checks it); rejects if the server lets the socket in. */
export async function refusedConsole(url: string, options: ConsoleOptions): Promise<ConnectErrorData> {
  const socket = openConsole(url, options);
  try {
    return await new Promise<ConnectErrorData>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the server let the console connect')));
      socket.once('connect_error', (err: Error & { data?: unknown }) => {
        if (isModerationConnectErrorData(err.data)) resolve(err.data);
        else reject(new Error(`connect_error without a code: ${err.message} ${JSON.stringify(err.data)}`));
      });
    });
  } finally {
    socket.disconnect();
  }
}

/**
 * Emits a moderation request and resolves with its ack (or rejects after 5 s); the payload's
 * and the ack's types follow from the event's name, and an ack of the wrong shape fails the test.
 */
export async function moderate<E extends ModerationEventName>(
  socket: ModeratorSocket,
  event: E,
  payload: ModerationRequestOf<E>,
): Promise<Result<ModerationAckOf<E>>> {
  const raw: Socket = socket;
  const result = await new Promise<unknown>((resolve, reject) => {
    raw.timeout(5_000).emit(event, payload, (err: Error | null, answer: unknown) => (err ? reject(err) : resolve(answer)));
  });
  const isAck = moderationAckGuards[event];
  if (!isAck(result)) throw new Error(`the server answered ${event} with something of the wrong shape: ${JSON.stringify(result)}`);
  return result;
}

/** Like `moderate`, for a result the test expects to be ok: its data, or a thrown error saying what came instead. */
export async function moderateOk<E extends ModerationEventName>(
  socket: ModeratorSocket,
  event: E,
  payload: ModerationRequestOf<E>,
): Promise<ModerationAckOf<E>> {
  const result = await moderate(socket, event, payload);
  if (!result.ok) throw new Error(`${event} answered ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Records the console's broadcasts (queue:added, queue:resolved, queue:counts, session:ended). */
export function recordConsole(socket: ModeratorSocket): EventRecorder<ModerationBroadcasts> {
  const raw: Socket = socket;
  return recordEvents<ModerationBroadcasts>(raw, moderationBroadcastGuards);
}

/** scrypt is slow on purpose: the test password is hashed once per test file, not once per account. */
let testPasswordHash: Promise<string> | undefined;

/** The account `over` describes (Dewi by default, with Dewi's password), added unless its email exists. */
export async function ensureModerator(store: ModeratorDirectory, over: Partial<ModeratorAccount> = {}): Promise<ModeratorAccount> {
  testPasswordHash ??= hashPassword(DEWI_PASSWORD);
  const existing = await store.findModeratorByEmail(over.email ?? 'dewi@example.com');
  return existing ?? addTestModerator(store, Date.now(), { passwordHash: await testPasswordHash, ...over });
}

export interface SignedInConsole {
  account: ModeratorAccount;
  cookie: string;
  socket: ModeratorSocket;
  events: EventRecorder<ModerationBroadcasts>;
}

/**
 * A moderator account (Dewi unless `over` says otherwise; the password stays Dewi's), signed in
 * and connected to `site`'s console, recording its broadcasts from the first one.
 */
export async function signedInConsole(
  url: string,
  store: ModeratorDirectory,
  over: Partial<ModeratorAccount> = {},
  site = 'demo',
): Promise<SignedInConsole> {
  const account = await ensureModerator(store, over);
  const cookie = await signIn(url, { email: account.email });
  const socket = openConsole(url, { cookie, site });
  const events = recordConsole(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return { account, cookie, socket, events };
}
