/**
 * A stored page of a thread as readers see it, for every caller (the HTTP API, `thread:join`,
 * `thread:more`): public comments only, a listed comment that is no longer published as a
 * tombstone, replies the same way, with the cursor, count, seq and likes read with them.
 */
import type { ThreadSort, ThreadView } from '../../protocol/events.ts';
import { toThreadComment } from '../store/public-views.ts';
import type { StoredThreadPage } from '../store/types.ts';

export function threadPageView(page: string, sort: ThreadSort, stored: StoredThreadPage): ThreadView {
  return {
    page,
    sort,
    comments: stored.comments.map(toThreadComment),
    // A reply a moderator removed is not sent at all (its own replies attach to the nearest shown
    // ancestor); the store lists only published and deleted replies, so this is belt and braces.
    replies: stored.replies.filter((r) => r.status === 'published' || r.status === 'deleted').map(toThreadComment),
    liked: stored.liked,
    nextCursor: stored.nextCursor,
    count: stored.count,
    seq: stored.seq,
  };
}
