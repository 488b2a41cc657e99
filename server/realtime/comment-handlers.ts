/**
 * Writing to a thread: `comment:create` runs the post pipeline, broadcasts what it published
 * (once, also when a retry completed a first attempt), tells the author what became of it, and
 * raises an alert for a newly held comment; `comment:edit` re-moderates an author's edit the
 * same way; `comment:delete` leaves a tombstone; `comment:react` likes or unlikes;
 * `comment:report` records a reader's report and tells the moderators.
 */
import { CommentStatus } from '../../protocol/comment.ts';
import { ErrorCode, fail, ok } from '../../protocol/errors.ts';
import { parse } from '../../protocol/parse.ts';
import { createComment } from '../comments/create-comment.ts';
import { editComment } from '../comments/edit-comment.ts';
import { editWindowMinutesOf } from '../sites/reader-settings.ts';
import { queueOf } from '../store/queue-membership.ts';
import type { StoredComment } from '../store/types.ts';
import { commentOutcomeOf } from '../metrics/comment-outcome.ts';
import { createdAck } from './created-ack.ts';
import type { ReaderDeps, ReaderSocket } from './reader-socket.ts';
import { respond } from './respond.ts';

export function registerCommentHandlers(socket: ReaderSocket, deps: ReaderDeps): void {
  const { logger, broadcaster } = deps;
  const { site, authorId, address, kind, name, avatarUrl } = socket.data;
  const identity = { authorId, kind, name, avatarUrl };

  /** Queued, not awaited: the author's ack never waits for a webhook, and a fault here never fails the post. */
  const raiseHeld = (comment: StoredComment) => {
    try {
      deps.queues.held(site, comment);
      deps.alerts?.commentHeld(site, comment);
    } catch (err) {
      logger.error({ err, site, id: comment.id }, 'could not queue the alert for a held comment');
    }
  };
  const announceSafely = (announce: () => void, comment: StoredComment) => {
    try {
      announce();
    } catch (err) {
      logger.error({ err, site, id: comment.id }, 'could not tell the moderation consoles that a comment changed queues');
    }
  };
  /** The consoles follow a comment that changed queues without a moderator: out of the old one, into the new one (Pending with an alert). */
  const queueMoved = (before: StoredComment, after: StoredComment) => {
    const from = queueOf(before);
    const to = queueOf(after);
    if (from === to) {
      // Still held, with new words: the consoles show the new text (they replace an item they show), with no second alert.
      if (to === 'pending' && after.text !== before.text) announceSafely(() => deps.queues.held(site, after), after);
      return;
    }
    if (from) announceSafely(() => deps.queues.left(site, before, from), before);
    if (to === 'pending') raiseHeld(after);
    else if (to) announceSafely(() => deps.queues.entered(site, after, to), after);
  };

  socket.on('comment:create', (payload, ack) => {
    let duplicate = false;
    respond(
      logger,
      { event: 'comment:create', site },
      ack,
      async (log) => {
        const result = await deps.track(createComment(deps, { site, address, ...identity }, payload));
        if (!result.ok) return result;
        const { comment, event } = result.data;
        duplicate = result.data.duplicate;
        if (event) broadcaster.publish(site, event);
        if (!duplicate) log.info({ page: comment.page, id: comment.id, status: comment.status }, 'comment created');
        if (!duplicate && comment.status === CommentStatus.pending) raiseHeld(comment);
        return ok(createdAck(comment));
      },
      (answer) => deps.metrics.commentAnswered(commentOutcomeOf(answer, duplicate)),
    );
  });

  socket.on('comment:edit', (payload, ack) =>
    respond(logger, { event: 'comment:edit', site }, ack, async (log) => {
      const editWindowMinutes = editWindowMinutesOf(deps.sites.get(site));
      const result = await deps.track(editComment(deps, { site, editWindowMinutes, ...identity }, payload));
      if (!result.ok) return result;
      const { comment, event, before } = result.data;
      if (event) broadcaster.publish(site, event);
      if (comment !== before) {
        log.info({ page: comment.page, id: comment.id, from: before.status, status: comment.status }, 'comment edited');
        queueMoved(before, comment);
      }
      return ok(createdAck(comment));
    }),
  );

  socket.on('comment:delete', (payload, ack) =>
    respond(logger, { event: 'comment:delete', site }, ack, async (log) => {
      const parsed = parse.commentDelete(payload);
      if (!parsed.ok) return parsed;
      const { page, id } = parsed.value;
      const before = await deps.store.getComment(site, page, id);
      const result = await deps.track(deps.store.deleteComment(site, page, id, authorId, deps.clock()));
      if (!result.ok) {
        return result.code === 'FORBIDDEN'
          ? fail(ErrorCode.FORBIDDEN, 'Only its author may delete a comment.', { field: 'id' })
          : fail(ErrorCode.NOT_FOUND, 'There is no such comment on this page.', { field: 'id' });
      }
      if (result.event) broadcaster.publish(site, result.event);
      if (before && before.status !== 'deleted') {
        log.info({ page, id, from: before.status }, 'comment deleted by its author');
        queueMoved(before, result.comment);
      }
      return ok({});
    }),
  );

  socket.on('comment:react', (payload, ack) =>
    respond(logger, { event: 'comment:react', site }, ack, async () => {
      const parsed = parse.commentReact(payload);
      if (!parsed.ok) return parsed;
      const { page, id, like } = parsed.value;
      const result = await deps.track(deps.store.reactToComment(site, page, id, authorId, like));
      if (!result.ok) return fail(ErrorCode.NOT_FOUND, 'There is no such published comment on this page.', { field: 'id' });
      if (result.event) broadcaster.publish(site, result.event);
      return ok({ likes: result.likes, liked: result.liked });
    }),
  );

  socket.on('comment:report', (payload, ack) =>
    respond(logger, { event: 'comment:report', site }, ack, async (log) => {
      const parsed = parse.commentReport(payload);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const { page, id, reason, note } = parsed.value;
      const report = { reporterId: authorId, reason, note: note === undefined || note === '' ? null : note, at: deps.clock() };
      const result = await deps.track(deps.store.reportComment(site, page, id, report, deps.queues.hideAfter(site)));
      if (!result.ok) return fail(ErrorCode.NOT_FOUND, 'There is no such published comment on this page.', { field: 'id' });
      if (result.event) broadcaster.publish(site, result.event);
      if (result.first) {
        log.info({ page, id, reason, hidden: result.hidden }, 'a reader reported a comment');
        try {
          deps.queues.reported(site, result.comment, result.hidden);
          // Once when it enters Reported, once more when the reports hide it; not for every reader.
          if ((result.comment.reports?.length ?? 0) === 1 || result.hidden) deps.alerts?.commentReported(site, result.comment, result.hidden);
        } catch (err) {
          log.error({ err, id }, 'could not tell the moderators about a reported comment');
        }
      }
      return ok({ first: result.first });
    }),
  );
}
