/**
 * What readers may see of stored data, built in one place: the public comment (no site, no
 * moderation findings), the tombstone a thread shows in place of a comment that is no longer
 * published, and the thread events that announce a comment, its change, its likes or its leaving.
 * Both stores build events here (Redis keeps only the comment and the count in its log, never a
 * pre-built JSON text), so an event looks the same whichever store wrote it and whether it is
 * broadcast or replayed. Both stores also read every stored comment through `withCommentDefaults`,
 * so a comment written before 0021's fields existed reads as if it had them.
 */
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentCreatedEvent, CommentDeletedEvent, CommentLikedEvent, CommentUpdatedEvent } from '../../protocol/events.ts';
import type { StoredComment } from './types.ts';

/** What a reader's browser may see of a stored comment: no site, no moderation findings. */
export function toPublicComment(comment: StoredComment | PublicComment): PublicComment {
  return {
    id: comment.id,
    page: comment.page,
    parentId: comment.parentId,
    rootId: comment.rootId,
    depth: comment.depth,
    replyTo: comment.replyTo,
    authorId: comment.authorId,
    authorName: comment.authorName,
    authorKind: comment.authorKind,
    avatarUrl: comment.avatarUrl,
    text: comment.text,
    status: comment.status,
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    likes: comment.likes,
    replyCount: comment.replyCount,
  };
}

/**
 * A comment as a thread view shows it: a published one whole; any other (deleted by its author,
 * held, rejected or hidden by a moderator, yet still listed because replies hang under it) as a
 * tombstone that keeps its place in the conversation and says nothing of who wrote what.
 */
export function toThreadComment(comment: StoredComment | PublicComment): PublicComment {
  const shown = toPublicComment(comment);
  if (comment.status === 'published') return shown;
  return { ...shown, status: 'deleted', text: '', authorName: '', authorId: '', avatarUrl: null, likes: 0, editedAt: null };
}

/** The event of a comment published as the thread's `seq`-th event, `count` published after it. */
export function commentCreatedEvent(comment: StoredComment | PublicComment, seq: number, count: number): CommentCreatedEvent {
  return { type: 'comment:created', page: comment.page, seq, comment: toPublicComment(comment), count };
}

/** The event of a comment taken out of its thread as the thread's `seq`-th event, `count` published after it. */
export function commentDeletedEvent(comment: Pick<StoredComment, 'id' | 'page'>, seq: number, count: number): CommentDeletedEvent {
  return { type: 'comment:deleted', page: comment.page, seq, id: comment.id, count };
}

/** The event of a published comment whose author edited it and which stayed published; the count is unchanged. */
export function commentUpdatedEvent(comment: StoredComment | PublicComment, seq: number, count: number): CommentUpdatedEvent {
  return { type: 'comment:updated', page: comment.page, seq, comment: toPublicComment(comment), count };
}

/** The event of a published comment whose likes changed to `likes`. */
export function commentLikedEvent(comment: Pick<StoredComment, 'id' | 'page'>, seq: number, likes: number): CommentLikedEvent {
  return { type: 'comment:liked', page: comment.page, seq, id: comment.id, likes };
}

/** The fields 0021 added, as a comment stored before them may lack them. */
type Added0021 = 'rootId' | 'depth' | 'replyTo' | 'authorKind' | 'avatarUrl' | 'editedAt' | 'likes' | 'replyCount';
export type StoredBefore0021 = Omit<StoredComment, Added0021> & Partial<Pick<StoredComment, Added0021>>;

/**
 * A stored comment with 0021's fields filled in where it was written without them: before 0021
 * there were no likes, edits or verified names, and a reply answered a top-level comment, so its
 * root is its parent (the embedded store's migration computes deeper chains exactly).
 */
export function withCommentDefaults(comment: StoredBefore0021): StoredComment {
  const reply = comment.parentId !== null;
  return {
    ...comment,
    rootId: comment.rootId !== undefined ? comment.rootId : reply ? comment.parentId : null,
    depth: comment.depth ?? (reply ? 1 : 0),
    replyTo: comment.replyTo ?? null,
    authorKind: comment.authorKind ?? 'anonymous',
    avatarUrl: comment.avatarUrl ?? null,
    editedAt: comment.editedAt ?? null,
    likes: comment.likes ?? 0,
    replyCount: comment.replyCount ?? 0,
  };
}
