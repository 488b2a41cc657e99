import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [5, 1, 16_000],
    [10, 1, 60_000],
    [10, 0, 30_000],
  ])('after %i failed tries with random %f waits %i ms (base 1 s, cap 60 s)', (failed, random, expected) => {
    expect(retryDelayMs(failed, 1_000, 60_000, () => random)).toBe(Math.round(expected));
  });
});
