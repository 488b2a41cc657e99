/**
 * The alerts the server raises, per site: each site with a webhook in SITES_FILE gets its
 * alerts there; a site without one raises nothing. Calls return at once (the dispatcher queues).
 */
import type { StoredComment } from '../store/types.ts';
import { heldCommentAlert, reportedCommentAlert } from './alert-payload.ts';
import type { WebhookDispatcher, WebhookTarget } from './webhook-dispatcher.ts';

/** What the post path tells the alerts; never awaited, never throws into the caller. */
export interface CommentAlerts {
  /** A new comment was stored as `pending` (held for review). */
  commentHeld(site: string, comment: StoredComment): void;
  /** Readers reported a published comment (`hidden`: enough of them that it is hidden until reviewed). */
  commentReported(site: string, comment: StoredComment, hidden: boolean): void;
}

export interface SiteAlerts extends CommentAlerts {
  /** Stops the dispatcher (shutdown); resolves within about a second. */
  close(): Promise<void>;
}

export function createSiteAlerts(deps: { dispatcher: WebhookDispatcher; webhooks: ReadonlyMap<string, WebhookTarget> }): SiteAlerts {
  return {
    commentHeld(site, comment) {
      const target = deps.webhooks.get(site);
      if (target) deps.dispatcher.enqueue(target, heldCommentAlert(site, comment));
    },
    commentReported(site, comment, hidden) {
      const target = deps.webhooks.get(site);
      if (target) deps.dispatcher.enqueue(target, reportedCommentAlert(site, comment, hidden));
    },
    close: () => deps.dispatcher.close(),
  };
}
