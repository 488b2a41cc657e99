/**
 * Where a reply sits in its conversation (decision 0021): under its parent's root (the parent
 * itself when that is top-level), one deeper, "replying to" the parent's name as it reads now.
 * Only a published comment takes replies; anything else is NOT_FOUND on parentId with why.
 */
import { ErrorCode, fail, type Result } from '../../protocol/errors.ts';
import type { StoredComment } from '../store/types.ts';

export function replyPlace(parent: StoredComment | null): Pick<StoredComment, 'rootId' | 'depth' | 'replyTo'> {
  if (!parent) return { rootId: null, depth: 0, replyTo: null };
  return { rootId: parent.rootId ?? parent.id, depth: parent.depth + 1, replyTo: parent.authorName };
}

/** Why this parent takes no reply, or null when it is published. */
export function parentRefusal(parent: StoredComment | null): Result<never> | null {
  if (parent?.status === 'published') return null;
  const why =
    parent === null
      ? 'The comment you are replying to does not exist in this thread.'
      : parent.status === 'deleted'
        ? 'The comment you are replying to was deleted.'
        : parent.status === 'pending'
          ? 'The comment you are replying to awaits review; you can reply once it is published.'
          : 'The comment you are replying to was removed by a moderator.';
  return fail(ErrorCode.NOT_FOUND, why, { field: 'parentId' });
}
