/**
 * Reading back what a store wrote. Comments and events are kept as JSON of the shapes in
 * types.ts, written only by this code from values the compiler checked; reading them back is
 * the one place a shape is taken on trust, so it is written once, here.
 */
import type { ThreadEvent } from '../../protocol/events.ts';
import { withCommentDefaults, type StoredBefore0021 } from './public-views.ts';
import type { StoredComment } from './types.ts';

/** A comment written before 0021's fields existed reads with their defaults (public-views.ts). */
export function parseStoredComment(json: string): StoredComment {
  return withCommentDefaults(JSON.parse(json) as StoredBefore0021);
}

export function parseStoredEvent(json: string): ThreadEvent {
  return JSON.parse(json) as ThreadEvent;
}
