/**
 * A stored page of a thread as readers see it, for every caller (the HTTP API, `thread:join`,
 * `thread:more`): public comments only, with the cursor, count and seq read with them.
 */
import type { ThreadView } from '../../protocol/events.ts';
import { toPublicComment } from '../store/public-views.ts';
import type { StoredThreadPage } from '../store/types.ts';

export function threadPageView(page: string, stored: StoredThreadPage): ThreadView {
  return {
    page,
    comments: stored.comments.map(toPublicComment),
    nextCursor: stored.nextCursor,
    count: stored.count,
    seq: stored.seq,
  };
}
