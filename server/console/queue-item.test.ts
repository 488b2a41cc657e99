import { describe, expect, it } from 'vitest';
import type { AuthorSummary } from '../../protocol/moderation.ts';
import type { AuthorHistory, StoredComment } from '../store/types.ts';
import { storedComment } from '../../test/support/stored-comment.ts';
import { authorSummary, toQueueItem, type QueueItemContext } from './queue-item.ts';

function held(over: Partial<StoredComment> = {}): StoredComment {
  return storedComment({
    text: 'Hubungi 0812 3456 7890 atau bit.ly/xyz',
    status: 'pending',
    moderation: {
      action: 'hold',
      reasons: [
        { rule: 'contact', action: 'hold', message: { en: 'Contains a phone number.', id: 'Berisi nomor telepon.' }, spans: [{ start: 8, end: 22 }] },
        {
          rule: 'links',
          action: 'hold',
          message: { en: 'Contains a shortened link.', id: 'Berisi tautan pendek.' },
          spans: [
            { start: 29, end: 39 },
            { start: 0, end: 7 },
          ],
        },
      ],
    },
    ...over,
  });
}

const author: AuthorSummary = {
  authorId: 'a1',
  name: 'Wati',
  firstSeen: 1_799_000_000_000,
  approvedCount: 2,
  rejectedCount: 1,
  bannedUntil: null,
  trusted: false,
};

function context(over: Partial<QueueItemContext> = {}): QueueItemContext {
  return {
    author,
    parent: null,
    pageUrl: 'https://berita.example/2025/berita/',
    emailOf: (id) => (id === 'mod-dewi' ? 'dewi@example.com' : id),
    ...over,
  };
}

describe('toQueueItem', () => {
  it('copies every reason with its message in both languages and every span, in order', () => {
    const item = toQueueItem(held(), context());
    expect(item.reasons).toEqual(held().moderation.reasons);
    expect(item.reasons[1]?.spans).toEqual([
      { start: 29, end: 39 },
      { start: 0, end: 7 },
    ]);
  });

  it('copies the reasons, so a change to the item leaves the stored comment as it was', () => {
    const stored = held();
    const item = toQueueItem(stored, context());
    item.reasons[0]?.spans.push({ start: 1, end: 2 });
    expect(stored.moderation.reasons[0]?.spans).toEqual([{ start: 8, end: 22 }]);
  });

  it('shows the public comment, the page link and the author it is given', () => {
    const item = toQueueItem(held(), context());
    expect(item.comment).toEqual({
      id: 'c1',
      page: '/2025/berita/',
      parentId: null,
      rootId: null,
      depth: 0,
      replyTo: null,
      authorId: 'a1',
      authorName: 'Wati',
      authorKind: 'anonymous',
      avatarUrl: null,
      text: 'Hubungi 0812 3456 7890 atau bit.ly/xyz',
      status: 'pending',
      createdAt: 1_800_000_000_000,
      editedAt: null,
      likes: 0,
      replyCount: 0,
    });
    expect(item.pageUrl).toBe('https://berita.example/2025/berita/');
    expect(item.author).toBe(author);
  });

  it('lists the open reports (reason, note, when) without the reporters', () => {
    const reports = [
      { reporterId: 'r2', reason: 'abuse' as const, note: 'kasar', at: 1_800_000_002_000 },
      { reporterId: 'r1', reason: 'spam' as const, note: null, at: 1_800_000_001_000 },
    ];
    const item = toQueueItem(held({ status: 'published', reports }), context());
    expect(item.reports).toEqual([
      { reason: 'abuse', note: 'kasar', at: 1_800_000_002_000 },
      { reason: 'spam', note: null, at: 1_800_000_001_000 },
    ]);
    expect(toQueueItem(held(), context()).reports).toEqual([]);
  });

  it('names the moderator of a decision by email, and by id when the account is gone', () => {
    const decided = toQueueItem(
      held({ status: 'rejected', decision: { action: 'reject', moderatorId: 'mod-dewi', reason: 'spam', at: 1_800_000_009_000 } }),
      context(),
    );
    expect(decided.decision).toEqual({ action: 'reject', by: 'dewi@example.com', at: 1_800_000_009_000, reason: 'spam' });
    const orphan = toQueueItem(
      held({ status: 'published', decision: { action: 'approve', moderatorId: 'mod-gone', reason: null, at: 1 } }),
      context(),
    );
    expect(orphan.decision?.by).toBe('mod-gone');
    expect(toQueueItem(held(), context()).decision).toBeNull();
  });

  it('gives revision 0 to a comment never changed by moderation, and the stored revision otherwise', () => {
    expect(toQueueItem(held(), context()).revision).toBe(0);
    expect(toQueueItem(held({ revision: 3 }), context()).revision).toBe(3);
  });

  it('shows the parent of a reply by id, name and text only', () => {
    const parent = held({ id: 'p1', authorName: 'Budi', text: 'Tarif naik?', status: 'published', moderation: { action: 'publish', reasons: [] } });
    const item = toQueueItem(held({ parentId: 'p1' }), context({ parent }));
    expect(item.parent).toEqual({ id: 'p1', authorName: 'Budi', text: 'Tarif naik?' });
  });
});

describe('authorSummary', () => {
  const history: AuthorHistory = {
    approvedCount: 4,
    rejectedCount: 2,
    recentPosts: [{ text: 'x', at: 1, page: '/p/' }],
    bannedUntil: 1_900_000_000_000,
    trusted: true,
    firstSeen: 1_700_000_000_000,
    name: 'Wati S.',
  };

  it('takes the latest name from the history and leaves the recent posts out', () => {
    expect(authorSummary('a1', history, 'Wati')).toEqual({
      authorId: 'a1',
      name: 'Wati S.',
      firstSeen: 1_700_000_000_000,
      approvedCount: 4,
      rejectedCount: 2,
      bannedUntil: 1_900_000_000_000,
      trusted: true,
    });
  });

  it('falls back to the comment’s name when the history has none', () => {
    expect(authorSummary('a1', { ...history, name: null }, 'Wati').name).toBe('Wati');
  });
});
