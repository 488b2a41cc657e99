import type { PublicComment } from '../../protocol/comment.ts';
import type { StoredComment } from '../store/types.ts';

/** What a reader's browser may see of a stored comment: no site, no moderation findings. */
export function toPublicComment(comment: StoredComment): PublicComment {
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
