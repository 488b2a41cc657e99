/**
 * A stored comment for unit tests of what reads or writes the store's records (queue items, alerts, the
 * policy dry run): Wati's, on demo's /2025/berita/, published by the engine. Each test file
 * gives it the text, status and moderation record its cases are about.
 */
import type { StoredComment } from '../../server/store/types.ts';

export function storedComment(over: Partial<StoredComment> = {}): StoredComment {
  return {
    id: 'c1',
    site: 'demo',
    page: '/2025/berita/',
    parentId: null,
    rootId: null,
    depth: 0,
    replyTo: null,
    authorId: 'a1',
    authorName: 'Wati',
    authorKind: 'anonymous',
    avatarUrl: null,
    text: 'Komentar biasa',
    status: 'published',
    createdAt: 1_800_000_000_000,
    editedAt: null,
    likes: 0,
    replyCount: 0,
    moderation: { action: 'publish', reasons: [] },
    ...over,
  };
}
