/**
 * Queue items for the console's unit and browser tests: one place that builds a well-formed
 * QueueItem, so each test says only what it is about.
 */
import type { PublicComment } from '../../protocol/comment.ts';
import type { AuthorSummary, QueueItem } from '../../protocol/moderation.ts';

export interface ItemOverrides extends Partial<Omit<QueueItem, 'comment' | 'author'>> {
  comment?: Partial<PublicComment>;
  author?: Partial<AuthorSummary>;
}

export function queueItem(id: string, over: ItemOverrides = {}): QueueItem {
  const { comment, author, ...rest } = over;
  const authorId = comment?.authorId ?? 'author-1';
  return {
    comment: {
      id,
      page: '/berita/energi',
      parentId: null,
      rootId: null,
      depth: 0,
      replyTo: null,
      authorId,
      authorName: 'Sari',
      authorKind: 'anonymous',
      avatarUrl: null,
      text: `Komentar ${id}`,
      status: 'pending',
      createdAt: 1_700_000_000_000,
      editedAt: null,
      likes: 0,
      replyCount: 0,
      ...comment,
    },
    reasons: [],
    reports: [],
    parent: null,
    pageUrl: 'https://news.example/berita/energi',
    author: {
      authorId,
      name: comment?.authorName ?? 'Sari',
      firstSeen: 1_690_000_000_000,
      approvedCount: 0,
      rejectedCount: 0,
      bannedUntil: null,
      trusted: false,
      ...author,
    },
    decision: null,
    revision: 1,
    ...rest,
  };
}
