/**
 * The moderators' Socket.IO namespace (/moderation), wired: the handshake checks Origin,
 * session and site; each socket joins its site's console room (the feed's broadcasts) and its
 * session's room (signing out ends it at once, on every server); a guard refuses unknown
 * events, ack-less and oversized requests before any handler runs.
 */
import type { Event } from 'socket.io';
import { ErrorCode, type WireError } from '../../protocol/errors.ts';
import { rooms } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { MODERATION_EVENTS, MODERATION_NAMESPACE } from '../../protocol/moderation.ts';
import { payloadBytes } from '../realtime/packet-guard.ts';
import type { ReaderServer } from '../realtime/reader-socket.ts';
import { registerAuthorHandlers } from './author-handlers.ts';
import { consoleHandshake } from './console-handshake.ts';
import type { ConsoleDeps } from './console-deps.ts';
import type { ConsoleNamespace, ConsoleSocket } from './console-socket.ts';
import { registerQueueHandlers } from './queue-handlers.ts';
import { registerSiteHandlers } from './site-handlers.ts';

const KNOWN: ReadonlySet<string> = new Set(MODERATION_EVENTS);

/** The room of one session's sockets. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

export function attachConsoleNamespace(io: ReaderServer, deps: ConsoleDeps): ConsoleNamespace {
  // Socket.IO types every namespace with its server's event maps; this one speaks the
  // moderation protocol instead, which these types (protocol/moderation.ts) describe.
  const namespace = io.of(MODERATION_NAMESPACE) as unknown as ConsoleNamespace;
  namespace.use(consoleHandshake(deps));
  namespace.on('connection', (socket: ConsoleSocket) => {
    void socket.join([rooms.moderators(socket.data.site), sessionRoom(socket.data.sessionId)]);
    socket.use(consoleGuard);
    registerQueueHandlers(socket, deps);
    registerAuthorHandlers(socket, deps);
    registerSiteHandlers(socket, deps);
  });
  return namespace;
}

/** Every session's sockets, on every server (through the adapter), are told and closed. */
export function endSessionSockets(namespace: ConsoleNamespace, sessionId: string): void {
  namespace.to(sessionRoom(sessionId)).emit('session:ended', {});
  namespace.in(sessionRoom(sessionId)).disconnectSockets(true);
}

function consoleGuard(packet: Event, next: (err?: Error) => void): void {
  const event: string = packet[0];
  const args: unknown[] = packet.slice(1);
  const ack: unknown = args.at(-1);
  const answer = (error: WireError) => {
    if (typeof ack === 'function') Reflect.apply(ack, undefined, [{ ok: false, error }]);
  };
  if (!KNOWN.has(event)) return answer({ code: ErrorCode.UNKNOWN_EVENT, message: `"${event.slice(0, 60)}" is not a moderation request.` });
  if (typeof ack !== 'function') return;
  const size = payloadBytes(args.slice(0, -1));
  // A policy with long word lists is the largest request; the engine's own limits bound it further.
  if (size > LIMITS.payloadMaxBytes * 8) {
    return answer({
      code: ErrorCode.PAYLOAD_TOO_LARGE,
      message: `The request is ${Math.ceil(size / 1024)} KB; at most ${(LIMITS.payloadMaxBytes * 8) / 1024} KB is accepted.`,
    });
  }
  next();
}
