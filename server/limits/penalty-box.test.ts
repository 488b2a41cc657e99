import { describe, expect, it } from 'vitest';
import { createPenaltyBox } from './penalty-box.ts';

const options = { penaltyMs: 30_000, strikesToPenalty: 3, strikeWindowMs: 10_000 };

describe('penalty box', () => {
  it('shuts a penalized key out for the penalty, then lets it back', () => {
    const box = createPenaltyBox(options);
    box.penalize('203.0.113.7', 1_000);
    expect(box.waitFor('203.0.113.7', 1_000)).toBe(30_000);
    expect(box.waitFor('203.0.113.7', 21_000)).toBe(10_000);
    expect(box.waitFor('203.0.113.7', 31_000)).toBe(0);
    expect(box.waitFor('203.0.113.8', 1_000)).toBe(0);
  });

  it('penalizes a key that keeps being refused within the window', () => {
    const box = createPenaltyBox(options);
    expect(box.strike('k', 0)).toBe(false);
    expect(box.strike('k', 1_000)).toBe(false);
    expect(box.strike('k', 2_000)).toBe(true);
    expect(box.waitFor('k', 2_000)).toBe(30_000);
  });

  it('forgets refusals older than the window', () => {
    const box = createPenaltyBox(options);
    box.strike('k', 0);
    box.strike('k', 1_000);
    expect(box.strike('k', 11_500)).toBe(false);
    expect(box.waitFor('k', 11_500)).toBe(0);
  });

  it('stays bounded when many keys come and go', () => {
    const box = createPenaltyBox(options);
    for (let i = 0; i < 50_000; i += 1) box.penalize(`key-${i}`, i * 1_000);
    expect(box.waitFor('key-0', 50_000_000)).toBe(0);
    expect(box.waitFor('key-49999', 49_999_000)).toBe(30_000);
  });
});
