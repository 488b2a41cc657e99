/**
 * The moderation namespace's types: the typed namespace and socket (protocol/moderation.ts
 * decides every payload and ack) and what the handshake binds to a socket. What the handlers
 * need is console-deps.ts.
 */
import type { Namespace, Socket } from 'socket.io';
import type { ModerationClientEvents, ModerationServerEvents } from '../../protocol/moderation.ts';

/** Bound at the handshake, for the socket's lifetime. */
export interface ConsoleSocketData {
  site: string;
  moderatorId: string;
  email: string;
  /** The session's id (the token's SHA-256): every request checks it is still valid. */
  sessionId: string;
}

type NoServerEvents = Record<string, never>;
export type ConsoleNamespace = Namespace<ModerationClientEvents, ModerationServerEvents, NoServerEvents, ConsoleSocketData>;
export type ConsoleSocket = Socket<ModerationClientEvents, ModerationServerEvents, NoServerEvents, ConsoleSocketData>;
