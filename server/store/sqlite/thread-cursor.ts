/**
 * The embedded store's keyset cursors for thread pages and replies: the last item's place in
 * its index (likes for the likes sort, then created_at, then id), tagged with what it walks, so
 * a page starts right after it whether or not that item is still listed. Opaque to readers
 * (base64url of JSON); one of another sort, or anything this code did not write, is refused as
 * StoreInputError on `cursor`, which the caller answers INVALID_INPUT.
 */
import { StoreInputError } from '../errors.ts';
import type { ThreadPageQuery } from '../types.ts';

/** What a cursor walks: one sort of a thread's top-level comments, or one root's replies. */
export type CursorWalk = ThreadPageQuery['sort'] | 'replies';

/** Where a walk stopped: `likes` only matters to the likes sort (0 elsewhere). */
export interface CursorPlace {
  likes: number;
  createdAt: number;
  id: string;
}

const TAGS: Record<CursorWalk, string> = { newest: 'n', oldest: 'o', likes: 'l', replies: 'r' };

/** Ids are the store's own (at most 128 characters, comment-record.ts); anything longer was not issued here. */
const ID_MAX = 128;

export function encodeCursor(walk: CursorWalk, place: CursorPlace): string {
  return Buffer.from(JSON.stringify([TAGS[walk], place.likes, place.createdAt, place.id]), 'utf8').toString('base64url');
}

/** The place a cursor names, for the walk it must belong to; throws StoreInputError otherwise. */
export function decodeCursor(walk: CursorWalk, cursor: string): CursorPlace {
  const refused = () =>
    new StoreInputError(
      'cursor',
      walk === 'replies' ? 'This cursor is not one for more replies.' : `This cursor does not belong to the ${walk} order.`,
    );
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw refused();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw refused();
  const [tag, likes, createdAt, id] = parsed as unknown[];
  if (tag !== TAGS[walk]) throw refused();
  if (!Number.isSafeInteger(likes) || !Number.isSafeInteger(createdAt)) throw refused();
  if (typeof id !== 'string' || id.length === 0 || id.length > ID_MAX) throw refused();
  return { likes: Number(likes), createdAt: Number(createdAt), id };
}
