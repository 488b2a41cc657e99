import { describe, expect, it } from 'vitest';
import { storedComment } from '../../test/support/stored-comment.ts';
import {
  commentLikedEvent,
  commentUpdatedEvent,
  toPublicComment,
  toThreadComment,
  withCommentDefaults,
  type StoredBefore0021,
} from './public-views.ts';

const reply = storedComment({
  id: 'r1',
  parentId: 'c1',
  rootId: 'c1',
  depth: 1,
  replyTo: 'Budi',
  authorId: 'sso:42',
  authorKind: 'sso',
  avatarUrl: 'https://cdn.example/42.png',
  editedAt: 1_800_000_060_000,
  likes: 3,
  replyCount: 0,
  reports: [{ reporterId: 'x', reason: 'spam', note: 'rahasia', at: 1 }],
});

describe('public views (0021)', () => {
  it('shows a reader a comment’s public fields and none of the moderators’', () => {
    const shown = toPublicComment(reply);
    expect(shown).toEqual({
      id: 'r1',
      page: '/2025/berita/',
      parentId: 'c1',
      rootId: 'c1',
      depth: 1,
      replyTo: 'Budi',
      authorId: 'sso:42',
      authorName: 'Wati',
      authorKind: 'sso',
      avatarUrl: 'https://cdn.example/42.png',
      text: 'Komentar biasa',
      status: 'published',
      createdAt: 1_800_000_000_000,
      editedAt: 1_800_000_060_000,
      likes: 3,
      replyCount: 0,
    });
  });

  it('shows a comment that is no longer published as a tombstone that keeps its place and says nothing of who or what', () => {
    expect(toThreadComment(reply)).toEqual(toPublicComment(reply));
    for (const status of ['deleted', 'pending', 'rejected'] as const) {
      const tombstone = toThreadComment({ ...reply, status, replyCount: 2 });
      expect(tombstone).toEqual({
        ...toPublicComment(reply),
        status: 'deleted',
        text: '',
        authorName: '',
        authorId: '',
        avatarUrl: null,
        likes: 0,
        editedAt: null,
        replyCount: 2,
      });
    }
  });

  it('builds the update and like events from the comment', () => {
    expect(commentUpdatedEvent(reply, 7, 4)).toEqual({
      type: 'comment:updated',
      page: reply.page,
      seq: 7,
      comment: toPublicComment(reply),
      count: 4,
    });
    expect(commentLikedEvent(reply, 8, 3)).toEqual({ type: 'comment:liked', page: reply.page, seq: 8, id: 'r1', likes: 3 });
  });

  it('reads a comment stored before 0021 with its defaults: a reply’s root is its parent', () => {
    const { rootId: _r, depth: _d, replyTo: _t, authorKind: _k, avatarUrl: _a, editedAt: _e, likes: _l, replyCount: _c, ...old } = reply;
    const legacy: StoredBefore0021 = old;
    expect(withCommentDefaults(legacy)).toEqual({
      ...old,
      rootId: 'c1',
      depth: 1,
      replyTo: null,
      authorKind: 'anonymous',
      avatarUrl: null,
      editedAt: null,
      likes: 0,
      replyCount: 0,
    });
    expect(withCommentDefaults({ ...legacy, parentId: null })).toMatchObject({ rootId: null, depth: 0 });
    expect(withCommentDefaults(reply)).toEqual(reply);
  });
});
