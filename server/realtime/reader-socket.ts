/**
 * The readers' namespace's types: the typed server and socket (protocol/events.ts decides
 * every event's payload and ack), what the handshake stores on a socket, and what handlers need.
 */
import type { Server, Socket } from 'socket.io';
import type { CommentAlerts } from '../alerts/site-alerts.ts';
import type { WireError } from '../../protocol/errors.ts';
import type { ClientToServerEvents, ServerToClientEvents, ThreadEvent } from '../../protocol/events.ts';
import type { CreateCommentDeps } from '../comments/create-comment.ts';
import type { AuthorTokens } from '../identity/author-token.ts';
import type { ReaderIdentity } from '../identity/reader-identity.ts';
import type { Logger } from '../logger.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { ModeratorAuth } from '../moderators/moderator-auth.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { QueueName, StoredComment } from '../store/types.ts';
import type { ReaderGate } from './reader-limits.ts';

/** Bound at the handshake, for the socket's lifetime: who writes (anonymous, SSO, moderator) on which site. */
export interface ReaderSocketData extends ReaderIdentity {
  site: string;
  /** The anonymous author token to hand back in the snapshot (new, or the one the client presented). */
  token: string;
  /** Why the page's SSO token was refused (the socket continues anonymous), else null. */
  ssoError: WireError | null;
  /** The client address through trusted proxies, for per-address limits. */
  address: string;
}

type NoServerEvents = Record<string, never>;
export type ReaderServer = Server<ClientToServerEvents, ServerToClientEvents, NoServerEvents, ReaderSocketData>;
export type ReaderSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoServerEvents, ReaderSocketData>;

/** Sends published events to their threads' readers (thread-broadcaster.ts). */
export interface ThreadBroadcaster {
  publish(site: string, event: ThreadEvent): void;
  /** Sends whatever is queued now (shutdown). */
  flush(): void;
}

/**
 * Where readers' actions reach the moderators' consoles (server/console/ implements it): a
 * held comment and a reported one join their queues. Never awaited by the reader's ack.
 */
export interface ModerationQueueSink {
  held(site: string, comment: StoredComment): void;
  /** `hidden`: this report was the one that hid it. */
  reported(site: string, comment: StoredComment, hidden: boolean): void;
  /** How many distinct reporters hide a comment on this site (its policy's reports.hideAfter). */
  hideAfter(site: string): number;
  /** It left `queue` without a moderator's decision (its author deleted it, or an edit moved it). */
  left(site: string, comment: StoredComment, queue: QueueName): void;
  /** An author's edit put it in `queue` (Rejected, say); a held one goes through `held`, which also alerts. */
  entered(site: string, comment: StoredComment, queue: QueueName): void;
}

export interface ReaderDeps extends CreateCommentDeps {
  sites: SiteRegistry;
  tokens: AuthorTokens;
  logger: Logger;
  /** Client addresses through trusted proxies; sockets per address, reads per socket. */
  gate: ReaderGate;
  /** Sends published events to the thread's readers. */
  broadcaster: ThreadBroadcaster;
  /** Lets shutdown wait for writes that were already accepted. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Told about held and reported comments after the fact; never awaited. */
  alerts?: CommentAlerts;
  /** The consoles' side of held and reported comments. */
  queues: ModerationQueueSink;
  /** Recognizes a moderator's console session cookie on a reader's handshake. */
  auth: Pick<ModeratorAuth, 'authenticate'>;
  /** Counts what became of each comment:create. */
  metrics: Pick<ServerMetrics, 'commentAnswered'>;
}
