/**
 * The idempotency key of the comment box's draft. A retry of the same text must reuse the key
 * until an answer settles the post, or the server cannot tell the retry from a second comment.
 */
import { ErrorCode } from '../../protocol/errors.ts';
import { newIdempotencyKey } from '../idempotency-key.ts';
import type { RequestOutcome } from './thread-controller.ts';

export interface DraftKey {
  /** The key to send with this text: the same as last time while the text and the post are unsettled. */
  for(text: string): string;
  /** Lets the key go after an answer that settles the post; keeps it after one that may hide a stored comment. */
  answered(outcome: RequestOutcome<unknown>): void;
}

/**
 * Answers after which the comment may be stored even though the reader was told it failed:
 * no answer at all, UNAVAILABLE (the store failed, possibly after the comment was written:
 * the retry completes it), INTERNAL. Every other refusal comes before anything is stored.
 */
const MAY_BE_STORED: ReadonlySet<ErrorCode> = new Set([ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL]);

export function createDraftKey(newKey: () => string = newIdempotencyKey): DraftKey {
  let key: string | null = null;
  let keyText: string | null = null;
  return {
    for(text) {
      if (key === null || keyText !== text) {
        key = newKey();
        keyText = text;
      }
      return key;
    },
    answered(outcome) {
      if (outcome.ok) key = null;
      else if (!('lost' in outcome) && !MAY_BE_STORED.has(outcome.error.code)) key = null;
    },
  };
}

/**
 * What stays in the comment box once the text sent (as it was in the box when the reader
 * posted) is in: what they typed after it while the post was on its way; everything, when
 * they changed the sent part itself (that is a new draft, not the one posted).
 */
export function remainingDraft(current: string, sent: string): string {
  return current.startsWith(sent) ? current.slice(sent.length).replace(/^\s+/, '') : current;
}
