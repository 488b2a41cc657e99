/**
 * Which rules' rejections are refusals. A refusal is answered with an error code the widget
 * explains, and nothing is stored; any other rejection is stored as a rejected comment with its
 * reasons. The map is keyed by every RuleId, so a rule added to the engine does not compile here
 * until it is given its entry.
 */
import type { RuleId } from '../../moderation/index.ts';
import { ErrorCode, fail, type Result } from '../../protocol/errors.ts';
import type { ModerationReason } from '../store/types.ts';
import type { ModerationOutcome } from './moderate.ts';
import type { VelocityRefusal } from './rate-refusal.ts';

/** The error codes a rule's rejection is answered with instead of being stored. */
export type RefusalCode = typeof ErrorCode.AUTHOR_BANNED | typeof ErrorCode.THREAD_CLOSED | typeof ErrorCode.RATE_LIMITED;

/** What a rejection by each rule is answered with; null: the comment is stored as rejected. */
export const REFUSAL_FOR_RULE: Readonly<Record<RuleId, RefusalCode | null>> = {
  // About the poster or the thread, not the text.
  'banned-author': ErrorCode.AUTHOR_BANNED,
  'closed-thread': ErrorCode.THREAD_CLOSED,
  // A rate limit: the reader is told the wait (weighed against the per-address limit, rate-refusal.ts).
  velocity: ErrorCode.RATE_LIMITED,
  // About the text (a policy may make any of these reject): stored as rejected, so a moderator
  // sees what was refused and why.
  length: null,
  duplicate: null,
  'banned-word': null,
  profanity: null,
  'personal-attack': null,
  links: null,
  contact: null,
  gambling: null,
  shouting: null,
  repetition: null,
  // These only ever hold.
  'pre-moderated': null,
  'new-author': null,
  'suspect-word': null,
  'author-name': null,
  learned: null,
  // Never holds or rejects: it explains which words were let through.
  'literal-sense': null,
};

// The ban first: it holds on every thread, so a banned author told only that this thread is
// closed would try another.
const REFUSED_WITHOUT_A_WAIT: readonly RefusalCode[] = [ErrorCode.AUTHOR_BANNED, ErrorCode.THREAD_CLOSED];

/** The rejecting reason whose rule is answered with `code`, if any. */
function refusingReason(verdict: ModerationOutcome, code: RefusalCode): ModerationReason | undefined {
  if (verdict.action !== 'reject') return undefined;
  return verdict.reasons.find((r) => r.action === 'reject' && REFUSAL_FOR_RULE[r.rule] === code);
}

/**
 * The refusal of a post by its poster or thread (AUTHOR_BANNED, THREAD_CLOSED), or null. A rate
 * limit is answered apart, with its wait: see {@link velocityRefusal}.
 */
export function refusalOf(verdict: ModerationOutcome): Result<never> | null {
  for (const code of REFUSED_WITHOUT_A_WAIT) {
    const reason = refusingReason(verdict, code);
    if (reason) return fail(code, reason.message.en);
  }
  return null;
}

/** The velocity rule's refusal (its wait comes from the clock the pipeline handed the engine), or null. */
export function velocityRefusal(verdict: ModerationOutcome): VelocityRefusal | null {
  const reason = refusingReason(verdict, ErrorCode.RATE_LIMITED);
  return reason ? { retryAfterMs: verdict.retryAfterMs ?? 60_000, message: reason.message.en } : null;
}
