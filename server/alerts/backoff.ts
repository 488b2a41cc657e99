/**
 * How long to wait before the next try: exponential (base, 2×base, 4×base, …, capped) with
 * "equal jitter" (half fixed, half random), so many alerts failing together do not come back
 * together, and a wait is never shorter than half its step.
 */

/** The wait before try `failedAttempts + 1`, after `failedAttempts` (≥ 1) failed tries. */
export function retryDelayMs(failedAttempts: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
