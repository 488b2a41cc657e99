import { describe, expect, it } from 'vitest';
import type { RateDecision } from './post-rate-limit.ts';
import { rateRefusal, type VelocityRefusal } from './rate-refusal.ts';

const allowed: RateDecision = { ok: true };
const addressWait = (ms: number): RateDecision => ({ ok: false, retryAfterMs: ms });
const velocityWait = (ms: number): VelocityRefusal => ({ retryAfterMs: ms, message: `You are posting too fast. Try again in ${ms / 1000} seconds.` });

describe('the answer to a rate-limited post', () => {
  const rows: readonly [string, RateDecision, VelocityRefusal | null, number | null, RegExp | null][] = [
    ['nothing refuses: no answer', allowed, null, null, null],
    ['only the address limit: its wait', addressWait(42_000), null, 42_000, /network; try again in 42 s/],
    ['only the velocity rule: its wait and sentence', allowed, velocityWait(11_000), 11_000, /too fast. Try again in 11 seconds/],
    ['both, velocity longer: the velocity wait', addressWait(11_000), velocityWait(600_000), 600_000, /Try again in 600 seconds/],
    ['both, address longer: the address wait', addressWait(60_000), velocityWait(11_000), 60_000, /try again in 60 s/],
    ['a wait is rounded up to whole seconds in the sentence', addressWait(1_200), null, 1_200, /try again in 2 s/],
  ];
  it.each(rows)('%s', (_name, address, velocity, wait, message) => {
    const answer = rateRefusal(address, velocity);
    if (wait === null) {
      expect(answer).toBeNull();
      return;
    }
    expect(answer?.ok).toBe(false);
    if (answer && !answer.ok) {
      expect(answer.error.code).toBe('RATE_LIMITED');
      expect(answer.error.retryAfterMs).toBe(wait);
      if (message) expect(answer.error.message).toMatch(message);
    }
  });
});
