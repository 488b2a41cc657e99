import { describe, expect, it } from 'vitest';
import { storedComment } from '../../test/support/stored-comment.ts';
import type { AuthorHistory, CommentEdit, CommentStore, EditResult, StoredComment } from '../store/types.ts';
import { editComment } from './edit-comment.ts';
import type { Moderate, ModerationRequest } from './moderate.ts';

const NOW = 1_800_000_000_000;
const MIN = 60_000;
const history: AuthorHistory = { approvedCount: 3, rejectedCount: 0, recentPosts: [], bannedUntil: null, trusted: false, firstSeen: 1, name: 'Wati' };

/** Holds text with "link", rejects text with "spam", and refuses text with "closed" as a closed thread. */
const moderate: Moderate = (request) => {
  seen.push(request);
  if (request.text.includes('closed')) {
    return {
      action: 'reject',
      reasons: [{ rule: 'closed-thread', action: 'reject', message: { en: 'This thread is closed.', id: 'Ditutup.' }, spans: [] }],
    };
  }
  if (request.text.includes('link')) {
    return { action: 'hold', reasons: [{ rule: 'links', action: 'hold', message: { en: 'Links wait.', id: 'Tautan.' }, spans: [] }] };
  }
  return { action: 'publish', reasons: [] };
};
let seen: ModerationRequest[] = [];

/** A store holding one comment whose editComment answers CONFLICT `conflicts` times first. */
function fakeStore(comment: StoredComment, conflicts = 0) {
  const edits: CommentEdit[] = [];
  let current = comment;
  let left = conflicts;
  const store = {
    getComment: () => Promise.resolve(current),
    getAuthorHistory: () => Promise.resolve({ ...history, recentPosts: [{ text: comment.text, at: comment.createdAt, page: comment.page }] }),
    editComment: (_site: string, _page: string, _id: string, edit: CommentEdit): Promise<EditResult> => {
      edits.push(edit);
      if (left > 0) {
        left -= 1;
        current = { ...current, revision: (current.revision ?? 0) + 1 };
        return Promise.resolve({ ok: false, code: 'CONFLICT' });
      }
      current = { ...current, text: edit.text, editedAt: edit.editedAt, status: edit.status, moderation: edit.moderation };
      return Promise.resolve({ ok: true, comment: current, event: null });
    },
  } as unknown as CommentStore;
  return { store, edits };
}

const wati = { authorId: 'a1', kind: 'anonymous' as const, name: null, avatarUrl: null, site: 'demo', editWindowMinutes: 15 };
const request = (text: string) => ({ page: '/2025/berita/', id: 'c1234567', text });

describe('editing one’s own comment', () => {
  it('re-moderates the new text with the author’s history, without their own first text, and applies it with the revision read', async () => {
    seen = [];
    const { store, edits } = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN, revision: 4 }));
    const result = await editComment({ store, moderate, clock: () => NOW }, wati, request('Komentar yang diperbaiki'));
    expect(result.ok && result.data.comment).toMatchObject({ text: 'Komentar yang diperbaiki', editedAt: NOW, status: 'published' });
    expect(edits).toEqual([expect.objectContaining({ authorId: 'a1', revision: 4, status: 'published', editedAt: NOW })]);
    expect(seen[0]).toMatchObject({ authorName: 'Wati', history: { approvedCount: 3, recentPosts: [] } });
  });

  it('holds an edit the engine holds', async () => {
    const { store, edits } = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN }));
    await editComment({ store, moderate, clock: () => NOW }, wati, request('now with a link'));
    expect(edits[0]?.status).toBe('pending');
  });

  it('keeps a comment readers’ reports hid pending, even when the edit is clean', async () => {
    const reports = [{ reporterId: 'r1', reason: 'spam' as const, note: null, at: NOW - 1 }];
    const { store, edits } = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN, status: 'pending', reports }));
    await editComment({ store, moderate, clock: () => NOW }, wati, request('bersih sekarang'));
    expect(edits[0]?.status).toBe('pending');
  });

  it('publishes a held comment edited clean', async () => {
    const { store, edits } = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN, status: 'pending' }));
    await editComment({ store, moderate, clock: () => NOW }, wati, request('bersih sekarang'));
    expect(edits[0]?.status).toBe('published');
  });

  it('reads again and retries after a CONFLICT, with the new revision', async () => {
    const { store, edits } = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN, revision: 1 }), 2);
    const result = await editComment({ store, moderate, clock: () => NOW }, wati, request('ketiga kalinya'));
    expect(result.ok).toBe(true);
    expect(edits.map((e) => e.revision)).toEqual([1, 2, 3]);
  });

  it('retries three times after a CONFLICT, then gives up', async () => {
    const lucky = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN }), 3);
    expect((await editComment({ store: lucky.store, moderate, clock: () => NOW }, wati, request('akhirnya'))).ok).toBe(true);
    const { store, edits } = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN }), 4);
    const result = await editComment({ store, moderate, clock: () => NOW }, wati, request('terus berubah'));
    expect(!result.ok && result.error.code).toBe('UNAVAILABLE');
    expect(edits).toHaveLength(4);
  });

  it.each([
    ['another reader’s comment', storedComment({ id: 'c1234567', authorId: 'a2', createdAt: NOW - MIN }), 'baru', 'FORBIDDEN'],
    ['a comment past the window', storedComment({ id: 'c1234567', createdAt: NOW - 16 * MIN }), 'baru', 'EDIT_WINDOW_CLOSED'],
    ['a rejected comment', storedComment({ id: 'c1234567', createdAt: NOW - MIN, status: 'rejected' }), 'baru', 'NOT_FOUND'],
    ['a deleted comment', storedComment({ id: 'c1234567', createdAt: NOW - MIN, status: 'deleted' }), 'baru', 'NOT_FOUND'],
    ['an edit in a closed thread', storedComment({ id: 'c1234567', createdAt: NOW - MIN }), 'closed now', 'THREAD_CLOSED'],
  ])('refuses %s, writing nothing', async (_what, comment, text, code) => {
    const { store, edits } = fakeStore(comment);
    const result = await editComment({ store, moderate, clock: () => NOW }, wati, request(text));
    expect(!result.ok && result.error.code).toBe(code);
    expect(edits).toEqual([]);
  });

  it('changes nothing when the text is the same', async () => {
    const { store, edits } = fakeStore(storedComment({ id: 'c1234567', createdAt: NOW - MIN }));
    const result = await editComment({ store, moderate, clock: () => NOW }, wati, request('Komentar biasa'));
    expect(result.ok && result.data.event).toBeNull();
    expect(edits).toEqual([]);
  });
});
