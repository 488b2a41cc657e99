/**
 * The Redis store's thread cursors: opaque to callers, a cursor names the index member a page
 * ended at, and the order (or the root, for replies) it belongs to. Another order's cursor, or
 * one this store did not issue, is the caller's mistake: StoreInputError on `cursor`. Pure: the
 * store reads, this encodes and checks.
 */
import { StoreInputError } from './errors.ts';
import type { ThreadPageQuery } from './types.ts';

type ThreadSort = ThreadPageQuery['sort'];

/** How a listing's members look (redis-keys.ts, byTime and byLikes): fixed-width numbers, then the id. */
const MEMBER: Record<ThreadSort, RegExp> = {
  newest: /^\d{16}:.+$/s,
  oldest: /^\d{16}:.+$/s,
  likes: /^\d{10}:\d{16}:.+$/s,
};

/** Where the id starts in a member of the listing a sort walks (1-based, as Lua's string.sub counts). */
export const ID_AT: Record<ThreadSort, number> = { newest: 18, oldest: 18, likes: 29 };

/** Which listing a sort walks, and which way. */
export function listingOf(sort: ThreadSort): { index: 'byTime' | 'byLikes'; reverse: boolean } {
  if (sort === 'likes') return { index: 'byLikes', reverse: true };
  return { index: 'byTime', reverse: sort === 'newest' };
}

export function threadCursor(sort: ThreadSort, member: string): string {
  return encode([sort, member]);
}

/** The member a page of `sort` starts after, or null for the first page. */
export function parseThreadCursor(cursor: string | null, sort: ThreadSort): string | null {
  if (cursor === null) return null;
  const value = decode(cursor);
  if (value?.length !== 2 || value[0] !== sort || !MEMBER[sort].test(value[1] ?? '')) {
    throw new StoreInputError('cursor', `This cursor does not belong to a page of the thread sorted by ${sort}.`);
  }
  return value[1] ?? null;
}

export function repliesCursor(rootId: string, member: string): string {
  return encode(['replies', rootId, member]);
}

/** The member a page of `rootId`'s replies starts after, or null to start from the beginning. */
export function parseRepliesCursor(cursor: string | null, rootId: string): string | null {
  if (cursor === null) return null;
  const value = decode(cursor);
  if (value?.length !== 3 || value[0] !== 'replies' || value[1] !== rootId || !MEMBER.oldest.test(value[2] ?? '')) {
    throw new StoreInputError('cursor', 'This cursor does not belong to the replies of this comment.');
  }
  return value[2] ?? null;
}

function encode(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decode(cursor: string): string[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.every((part) => typeof part === 'string')) return value;
  } catch {
    // Not one of ours.
  }
  return null;
}
