/**
 * A comment as its author is told of it (the ack of a create or an edit, the snapshot's `mine`):
 * the comment and why it waits or was refused. Only reasons that held or rejected it: not the
 * words the rules let through (literal sense), which are for moderators.
 */
import type { CommentCreated } from '../../protocol/events.ts';
import { toPublicComment } from '../store/public-views.ts';
import type { StoredComment } from '../store/types.ts';

export function createdAck(comment: StoredComment): CommentCreated {
  return {
    comment: toPublicComment(comment),
    reasons: comment.moderation.reasons.filter((r) => r.action !== 'publish').map((r) => ({ rule: r.rule, message: r.message })),
  };
}
