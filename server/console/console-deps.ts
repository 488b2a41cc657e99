/**
 * What the moderation namespace's handlers need, given by the composition root (server/app.ts).
 */
import type { CommentAlerts } from '../alerts/site-alerts.ts';
import type { Logger } from '../logger.ts';
import type { ModeratorAuth } from '../moderators/moderator-auth.ts';
import type { ThreadBroadcaster } from '../realtime/reader-socket.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { SitePolicies } from '../sites/site-policies.ts';
import type { CommentStore } from '../store/types.ts';
import type { ModerationFeed } from './moderation-feed.ts';

/** Tells an author's open pages what became of their held comment (the readers' namespace). */
export interface AuthorNotifier {
  statusChanged(site: string, authorId: string, change: { id: string; page: string; status: 'published' | 'rejected' }): void;
}

export interface ConsoleDeps {
  store: CommentStore;
  sites: SiteRegistry;
  policies: SitePolicies;
  auth: ModeratorAuth;
  logger: Logger;
  clock: () => number;
  newId: () => string;
  /** This server's own origin (PUBLIC_URL, else where it listens): the only Origin the console connects from. */
  ownOrigin: () => string | null;
  /** Where a page of a site is read, for the console's links; null when unknown. */
  pageUrlOf: (site: string, page: string) => string | null;
  feed: ModerationFeed;
  /** Thread events (an approval, a removal) to every open page of the thread. */
  broadcaster: ThreadBroadcaster;
  authors: AuthorNotifier;
  alerts?: CommentAlerts;
  track<T>(work: Promise<T>): Promise<T>;
}
