import { describe, expect, it } from 'vitest';
import { storedComment } from '../../test/support/stored-comment.ts';
import { parentRefusal, replyPlace } from './reply-place.ts';

describe('where a reply sits', () => {
  it('puts a reply to a top-level comment under it, one deep, answering its author', () => {
    const parent = storedComment({ id: 'top-1234', authorName: 'Ani' });
    expect(replyPlace(parent)).toEqual({ rootId: 'top-1234', depth: 1, replyTo: 'Ani' });
  });

  it('keeps a reply to a reply in its root’s conversation, one deeper', () => {
    const parent = storedComment({ id: 'rep-1234', parentId: 'top-1234', rootId: 'top-1234', depth: 3, authorName: 'Budi' });
    expect(replyPlace(parent)).toEqual({ rootId: 'top-1234', depth: 4, replyTo: 'Budi' });
  });

  it('makes a comment without a parent top-level', () => {
    expect(replyPlace(null)).toEqual({ rootId: null, depth: 0, replyTo: null });
  });

  it.each([
    ['is missing', null, /does not exist/],
    ['awaits review', storedComment({ status: 'pending' }), /awaits review/],
    ['was deleted', storedComment({ status: 'deleted' }), /was deleted/],
    ['was rejected', storedComment({ status: 'rejected' }), /removed by a moderator/],
  ])('refuses a reply to a parent that %s with NOT_FOUND on parentId and why', (_what, parent, why) => {
    expect(parentRefusal(parent)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(why), field: 'parentId' } });
  });

  it('takes a reply to a published parent', () => {
    expect(parentRefusal(storedComment({ status: 'published' }))).toBeNull();
  });
});
