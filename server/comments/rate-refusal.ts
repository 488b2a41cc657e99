/**
 * One answer for a post that a rate limit refuses. Two limits can: the per-address post limit
 * and the site policy's per-author velocity rule. The reader must be told the wait after
 * which posting works again, so when both refuse, the longer wait (and that limit's sentence)
 * is the answer; telling the shorter one sends the reader back into the other limit.
 */
import { ErrorCode, fail, type Result } from '../../protocol/errors.ts';
import type { RateDecision } from './post-rate-limit.ts';

/** The velocity rule's refusal, as the moderation engine worded it. */
export interface VelocityRefusal {
  retryAfterMs: number;
  message: string;
}

/** RATE_LIMITED with the wait of the limit that applies, or null when neither refuses. */
export function rateRefusal(address: RateDecision, velocity: VelocityRefusal | null): Result<never> | null {
  const addressWait = address.ok ? 0 : address.retryAfterMs;
  const velocityWait = velocity?.retryAfterMs ?? 0;
  if (addressWait === 0 && velocityWait === 0) return null;
  if (velocity && velocityWait >= addressWait) return fail(ErrorCode.RATE_LIMITED, velocity.message, { retryAfterMs: velocityWait });
  const seconds = Math.ceil(addressWait / 1000);
  return fail(ErrorCode.RATE_LIMITED, `Too many comments from your network; try again in ${seconds} s.`, { retryAfterMs: addressWait });
}
