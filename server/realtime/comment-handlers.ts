/**
 * Writing to a thread: `comment:create` runs the post pipeline, broadcasts what it published
 * (once, also when a retry completed a first attempt), tells the author what became of it, and
 * raises an alert for a newly held comment; `comment:report` records a reader's report and
 * tells the moderators.
 */
import { CommentStatus } from '../../protocol/comment.ts';
import { ErrorCode, fail, ok } from '../../protocol/errors.ts';
import { parse } from '../../protocol/parse.ts';
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
      deps.queues.held(site, comment);
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
        // Why it waits or was refused; not the words the rules let through (literal sense), which are for moderators.
        reasons: comment.moderation.reasons.filter((r) => r.action !== 'publish').map((r) => ({ rule: r.rule, message: r.message })),
      });
    }),
  );

  socket.on('comment:report', (payload, ack) =>
    respond(logger, { event: 'comment:report', site }, ack, async () => {
      const parsed = parse.commentReport(payload);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const { page, id, reason, note } = parsed.value;
      const report = { reporterId: authorId, reason, note: note === undefined || note === '' ? null : note, at: deps.clock() };
      const result = await deps.track(deps.store.reportComment(site, page, id, report, deps.queues.hideAfter(site)));
      if (!result.ok) return fail(ErrorCode.NOT_FOUND, 'There is no such published comment on this page.', { field: 'id' });
      if (result.event) broadcaster.publish(site, result.event);
      if (result.first) {
        logger.info({ site, page, id, reason, hidden: result.hidden }, 'a reader reported a comment');
        try {
          deps.queues.reported(site, result.comment, result.hidden);
          // Once when it enters Reported, once more when the reports hide it; not for every reader.
          if ((result.comment.reports?.length ?? 0) === 1 || result.hidden) deps.alerts?.commentReported(site, result.comment, result.hidden);
        } catch (err) {
          logger.error({ err, site, id }, 'could not tell the moderators about a reported comment');
        }
      }
      return ok({ first: result.first });
    }),
  );
}
