/**
 * Reading back what a store wrote. Comments and events are kept as JSON of the shapes in
 * types.ts, written only by this code from values the compiler checked; reading them back is
 * the one place a shape is taken on trust, so it is written once, here.
 */
import type { ThreadEvent } from '../../protocol/events.ts';
import type { StoredComment } from './types.ts';

export function parseStoredComment(json: string): StoredComment {
  return JSON.parse(json) as StoredComment;
}

export function parseStoredEvent(json: string): ThreadEvent {
  return JSON.parse(json) as ThreadEvent;
}
