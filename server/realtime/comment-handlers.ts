/**
 * Writing to a thread: `comment:create` runs the post pipeline, broadcasts what it published
 * (once, also when a retry completed a first attempt), tells the author what became of it, and
 * raises an alert for a newly held comment.
 */
import { CommentStatus } from '../../protocol/comment.ts';
import { ok } from '../../protocol/errors.ts';
import { createComment } from '../comments/create-comment.ts';
import { toPublicComment } from '../store/public-views.ts';
import type { StoredComment } from '../store/types.ts';
import type { ReaderDeps, ReaderSocket } from './reader-socket.ts';
import { respond } from './respond.ts';

export function registerCommentHandlers(socket: ReaderSocket, deps: ReaderDeps): void {
  const { logger, broadcaster } = deps;
  const { site, authorId, address } = socket.data;

  /** Queued, not awaited: the author's ack never waits for a webhook, and a fault here never fails the post. */
  const raiseHeld = (comment: StoredComment) => {
    try {
      deps.alerts?.commentHeld(site, comment);
    } catch (err) {
      logger.error({ err, site, id: comment.id }, 'could not queue the alert for a held comment');
    }
  };

  socket.on('comment:create', (payload, ack) =>
    respond(logger, { event: 'comment:create', site }, ack, async () => {
      const result = await deps.track(createComment(deps, { site, authorId, address }, payload));
      if (!result.ok) return result;
      const { comment, event, duplicate } = result.data;
      if (event) broadcaster.publish(site, event);
      if (!duplicate) logger.info({ site, page: comment.page, id: comment.id, status: comment.status }, 'comment created');
      if (!duplicate && comment.status === CommentStatus.pending) raiseHeld(comment);
      return ok({
        comment: toPublicComment(comment),
        reasons: comment.moderation.reasons.map((r) => ({ rule: r.rule, message: r.message })),
      });
    }),
  );
}
