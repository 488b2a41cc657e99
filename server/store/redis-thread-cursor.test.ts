import { describe, expect, it } from 'vitest';
import { StoreInputError } from './errors.ts';
import { ID_AT, listingOf, parseRepliesCursor, parseThreadCursor, repliesCursor, threadCursor } from './redis-thread-cursor.ts';

const TIME_MEMBER = '0001760000000000:c-1';
const LIKES_MEMBER = '0000000003:0001760000000000:c-1';

describe('redis thread cursors', () => {
  it('give back the member a page ended at, for the sort that issued them', () => {
    expect(parseThreadCursor(threadCursor('newest', TIME_MEMBER), 'newest')).toBe(TIME_MEMBER);
    expect(parseThreadCursor(threadCursor('oldest', TIME_MEMBER), 'oldest')).toBe(TIME_MEMBER);
    expect(parseThreadCursor(threadCursor('likes', LIKES_MEMBER), 'likes')).toBe(LIKES_MEMBER);
    expect(parseThreadCursor(null, 'likes')).toBeNull();
  });

  it('refuse another sort’s cursor, even one whose member looks the same', () => {
    expect(() => parseThreadCursor(threadCursor('newest', TIME_MEMBER), 'oldest')).toThrow(StoreInputError);
    expect(() => parseThreadCursor(threadCursor('oldest', TIME_MEMBER), 'likes')).toThrow(StoreInputError);
    expect(() => parseThreadCursor(threadCursor('likes', LIKES_MEMBER), 'newest')).toThrow(StoreInputError);
  });

  it.each(['', 'garbage', '%%%', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["newest"]').toString('base64url')])(
    'refuse %j, which they never issued, naming the cursor field',
    (cursor) => {
      expect(() => parseThreadCursor(cursor, 'newest')).toThrow(expect.objectContaining({ field: 'cursor', code: 'STORE_INPUT' }));
    },
  );

  it('refuse a member that is not one of the listing’s, which a ZRANGE BYLEX would take as any bound', () => {
    expect(() => parseThreadCursor(threadCursor('newest', '+'), 'newest')).toThrow(StoreInputError);
    expect(() => parseThreadCursor(threadCursor('likes', TIME_MEMBER), 'likes')).toThrow(StoreInputError);
  });

  it('tie a replies cursor to its root', () => {
    const cursor = repliesCursor('root-1', TIME_MEMBER);
    expect(parseRepliesCursor(cursor, 'root-1')).toBe(TIME_MEMBER);
    expect(() => parseRepliesCursor(cursor, 'root-2')).toThrow(StoreInputError);
    expect(() => parseThreadCursor(cursor, 'oldest')).toThrow(StoreInputError);
    expect(() => parseRepliesCursor(threadCursor('oldest', TIME_MEMBER), 'root-1')).toThrow(StoreInputError);
    expect(parseRepliesCursor(null, 'root-1')).toBeNull();
  });

  it('know which listing a sort walks, which way, and where a member’s id starts', () => {
    expect([listingOf('newest'), listingOf('oldest'), listingOf('likes')]).toEqual([
      { index: 'byTime', reverse: true },
      { index: 'byTime', reverse: false },
      { index: 'byLikes', reverse: true },
    ]);
    // 1-based, as the read script's string.sub counts.
    expect(TIME_MEMBER.slice(ID_AT.newest - 1)).toBe('c-1');
    expect(LIKES_MEMBER.slice(ID_AT.likes - 1)).toBe('c-1');
  });
});
