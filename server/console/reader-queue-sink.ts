/**
 * The readers' side of the consoles: a held comment appears in Pending on every open console of
 * its site, a reported one in Reported (and leaves Approved when a moderator had approved it).
 * A comment its author deleted, or edited out of its queue, leaves it on every console.
 * Queued after the reader's ack; a failure is logged, never the reader's problem.
 */
import type { ModerationQueueSink } from '../realtime/reader-socket.ts';
import type { StoredComment } from '../store/types.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { loadQueueItems } from './queue-items.ts';

export function createReaderQueueSink(deps: Pick<ConsoleDeps, 'store' | 'feed' | 'pageUrlOf' | 'logger' | 'policies'>): ModerationQueueSink {
  const announce = (site: string, comment: StoredComment, then: (item: Awaited<ReturnType<typeof loadQueueItems>>[number]) => void) => {
    loadQueueItems(deps, site, [comment]).then(
      ([item]) => {
        if (item) then(item);
        deps.feed.countsChanged(site);
      },
      (err: unknown) => deps.logger.warn({ err, site, id: comment.id }, 'could not show a comment in the moderation consoles'),
    );
  };
  return {
    held(site, comment) {
      announce(site, comment, (item) => deps.feed.added(site, 'pending', item));
    },
    reported(site, comment) {
      announce(site, comment, (item) => {
        if ((comment.reports?.length ?? 0) === 1 && comment.decision?.action === 'approve') {
          deps.feed.resolved(site, { queue: 'approved', id: comment.id, page: comment.page, decision: item.decision });
        }
        // Consoles replace an item they already show (a second report updates its list of reports).
        deps.feed.added(site, 'reported', item);
      });
    },
    hideAfter: (site) => deps.policies.settingsFor(site).policy.reports.hideAfter,
    // No moderator decided it (its author deleted or edited it): the consoles drop it from the queue.
    entered(site, comment, queue) {
      announce(site, comment, (item) => deps.feed.added(site, queue, item));
    },
    left(site, comment, queue) {
      deps.feed.resolved(site, { queue, id: comment.id, page: comment.page, decision: null });
      deps.feed.countsChanged(site);
    },
  };
}
