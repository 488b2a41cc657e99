/**
 * The reader's comments that have not been answered yet. Pure: each function takes the
 * outbox and returns a new one, so the rules are tested on their own:
 *
 * - a comment posted while disconnected waits here and goes out once the connection is back;
 * - one that is on its way is never sent a second time alongside itself (a reconnect in the
 *   middle sends only what is waiting);
 * - a connection that drops before the answer puts it back to wait, costing no attempt (the
 *   idempotency key makes the resend safe: the server returns the first result);
 * - an answer that does not come while connected costs an attempt; after `maxAttempts` the
 *   post is given up and the reader told, their next click reusing the key.
 */
import type { RequestOf } from '../../protocol/events.ts';

export type PostRequest = RequestOf<'comment:create'>;

export interface OutboxEntry {
  readonly request: PostRequest;
  /** Sent on the current connection and not answered yet. */
  readonly sending: boolean;
  /** Answers that did not come while connected. */
  readonly timeouts: number;
}

export type Outbox = readonly OutboxEntry[];

/** Adds a post; one with a key already waiting is the same post, not a second one. */
export function enqueue(outbox: Outbox, request: PostRequest): Outbox {
  if (outbox.some((e) => e.request.key === request.key)) return outbox;
  return [...outbox, { request, sending: false, timeouts: 0 }];
}

/** What to send now that the connection is up, and the outbox with those marked as on their way. */
export function takeDue(outbox: Outbox): { due: PostRequest[]; outbox: Outbox } {
  return { due: outbox.filter((e) => !e.sending).map((e) => e.request), outbox: outbox.map((e) => (e.sending ? e : { ...e, sending: true })) };
}

/** The server answered (whatever it said): the post leaves the outbox. */
export function settle(outbox: Outbox, key: string): Outbox {
  return outbox.filter((e) => e.request.key !== key);
}

/** The connection dropped before the answer: wait for the next one, at no cost. */
export function dropped(outbox: Outbox, key: string): Outbox {
  return outbox.map((e) => (e.request.key === key ? { ...e, sending: false } : e));
}

/**
 * No answer came although connected: one attempt spent. Returns whether the post was given up
 * (then it has left the outbox); otherwise it waits to be sent again.
 */
export function timedOut(outbox: Outbox, key: string, maxAttempts: number): { outbox: Outbox; gaveUp: boolean } {
  const entry = outbox.find((e) => e.request.key === key);
  if (!entry) return { outbox, gaveUp: false };
  if (entry.timeouts + 1 >= maxAttempts) return { outbox: settle(outbox, key), gaveUp: true };
  return { outbox: outbox.map((e) => (e === entry ? { ...e, sending: false, timeouts: e.timeouts + 1 } : e)), gaveUp: false };
}
