/**
 * What every open console of a site hears: an item entering a queue, an item leaving one, and
 * the queues' counts. Counts are read from the store, not kept here, so several servers (each
 * with its own feed, one Redis adapter between them) never drift; the reads of one event-loop
 * turn are coalesced per site, so a bulk decision costs one count read, not a hundred.
 */
import { rooms } from '../../protocol/events.ts';
import type { ModerationQueue, QueueItem, QueueResolved } from '../../protocol/moderation.ts';
import type { Logger } from '../logger.ts';
import type { CommentStore } from '../store/types.ts';
import type { ConsoleNamespace } from './console-socket.ts';

export interface ModerationFeed {
  added(site: string, queue: ModerationQueue, item: QueueItem): void;
  resolved(site: string, event: QueueResolved): void;
  /** The site's counts changed: send them (soon, once per turn). */
  countsChanged(site: string): void;
}

export interface ModerationFeedDeps {
  store: Pick<CommentStore, 'queueCounts'>;
  logger: Logger;
  /** Set once the namespace exists (the feed is built first, for the readers' side). */
  namespace: () => ConsoleNamespace | null;
  schedule?: (fn: () => void) => void;
}

export function createModerationFeed(deps: ModerationFeedDeps): ModerationFeed {
  const schedule = deps.schedule ?? ((fn) => setImmediate(fn));
  const dirty = new Set<string>();
  let scheduled = false;

  const sendCounts = () => {
    scheduled = false;
    const sites = [...dirty];
    dirty.clear();
    for (const site of sites) {
      deps.store.queueCounts(site).then(
        (counts) => deps.namespace()?.to(rooms.moderators(site)).emit('queue:counts', counts),
        (err: unknown) => deps.logger.warn({ err, site }, 'could not read the queue counts for the consoles'),
      );
    }
  };

  return {
    added(site, queue, item) {
      deps.namespace()?.to(rooms.moderators(site)).emit('queue:added', { queue, item });
    },
    resolved(site, event) {
      deps.namespace()?.to(rooms.moderators(site)).emit('queue:resolved', event);
    },
    countsChanged(site) {
      dirty.add(site);
      if (!scheduled) {
        scheduled = true;
        schedule(sendCounts);
      }
    },
  };
}
