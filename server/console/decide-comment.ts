/**
 * One moderator decision and everything that follows from it: the store's atomic
 * compare-and-set (docs/decisions/0016), then the thread's readers (the comment appears or
 * leaves), its author (their "awaiting review" turns published or rejected), and every open
 * console of the site (the item leaves its queue, enters the next, counts follow).
 */
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import type { ModerationQueue, QueueItem } from '../../protocol/moderation.ts';
import type { StoredComment } from '../store/types.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { loadQueueItems } from './queue-items.ts';

export interface Moderator {
  moderatorId: string;
  email: string;
}

export interface DecisionRequest {
  page: string;
  id: string;
  revision: number;
  action: 'approve' | 'reject';
  reason?: string | null | undefined;
}

type DecideDeps = Pick<ConsoleDeps, 'store' | 'clock' | 'newId' | 'broadcaster' | 'authors' | 'feed' | 'pageUrlOf' | 'logger'>;

export async function decideComment(deps: DecideDeps, site: string, moderator: Moderator, request: DecisionRequest): Promise<Result<QueueItem>> {
  const decision = { action: request.action, moderatorId: moderator.moderatorId, reason: request.reason ?? null, at: deps.clock() };
  const result = await deps.store.decideComment(site, request.page, request.id, decision, {
    revision: request.revision,
    audit: { id: deps.newId(), moderatorEmail: moderator.email },
  });
  if (!result.ok) {
    if (result.code === 'NOT_FOUND') return fail(ErrorCode.NOT_FOUND, 'There is no such comment on this page.');
    return alreadyDecided(deps, result.comment);
  }
  const { comment, event, from } = result;
  if (event) deps.broadcaster.publish(site, event);
  if (comment.status === 'published' || comment.status === 'rejected') {
    deps.authors.statusChanged(site, comment.authorId, { id: comment.id, page: comment.page, status: comment.status });
  }
  const [item] = await loadQueueItems(deps, site, [comment]);
  if (!item) throw new Error('loadQueueItems returned no item for one comment');
  if (from !== null) deps.feed.resolved(site, { queue: from, id: comment.id, page: comment.page, decision: item.decision });
  deps.feed.added(site, queueOf(comment), item);
  deps.feed.countsChanged(site);
  deps.logger.info(
    { site, page: comment.page, id: comment.id, action: request.action, moderator: moderator.moderatorId, from },
    'a moderator decided a comment',
  );
  return ok(item);
}

/** Where a decided comment sits now (0016: a decision closes its reports). */
function queueOf(comment: StoredComment): ModerationQueue {
  return comment.status === 'published' ? 'approved' : 'rejected';
}

async function alreadyDecided(deps: DecideDeps, comment: StoredComment): Promise<Result<never>> {
  const { decision } = comment;
  if (!decision) {
    return fail(
      ErrorCode.ALREADY_DECIDED,
      'This comment changed since it was shown (the rules published it, or readers reported it); reload the queue.',
    );
  }
  const by = (await deps.store.getModerator(decision.moderatorId))?.email ?? decision.moderatorId;
  const how = decision.action === 'approve' ? 'approved' : 'rejected';
  return fail(ErrorCode.ALREADY_DECIDED, `${by} already ${how} this comment at ${new Date(decision.at).toISOString()}.`, {
    decided: { action: decision.action, by, at: decision.at, reason: decision.reason },
  });
}
