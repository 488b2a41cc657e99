/**
 * What readers may see of stored data, built in one place: the public comment (no site, no
 * moderation findings) and the thread events that announce it (or its leaving). Both stores build events here
 * (Redis keeps only the comment and the count in its log, never a pre-built JSON text), so an
 * event looks the same whichever store wrote it and whether it is broadcast or replayed.
 */
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentCreatedEvent, CommentDeletedEvent } from '../../protocol/events.ts';
import type { StoredComment } from './types.ts';

/** What a reader's browser may see of a stored comment: no site, no moderation findings. */
export function toPublicComment(comment: StoredComment | PublicComment): PublicComment {
  return {
    id: comment.id,
    page: comment.page,
    parentId: comment.parentId,
    authorId: comment.authorId,
    authorName: comment.authorName,
    text: comment.text,
    status: comment.status,
    createdAt: comment.createdAt,
  };
}

/** The event of a comment published as the thread's `seq`-th event, `count` published after it. */
export function commentCreatedEvent(comment: StoredComment | PublicComment, seq: number, count: number): CommentCreatedEvent {
  return { type: 'comment:created', page: comment.page, seq, comment: toPublicComment(comment), count };
}

/** The event of a comment taken out of its thread as the thread's `seq`-th event, `count` published after it. */
export function commentDeletedEvent(comment: Pick<StoredComment, 'id' | 'page'>, seq: number, count: number): CommentDeletedEvent {
  return { type: 'comment:deleted', page: comment.page, seq, id: comment.id, count };
}
