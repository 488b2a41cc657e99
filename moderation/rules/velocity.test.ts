import { describe, expect, it } from 'vitest';
import { ruleOutcome } from './test-helpers.ts';

const now = 1_700_000_000_000;
const posts = (...agoMs: number[]) => agoMs.map((ago, i) => ({ text: `komentar ${i}`, at: now - ago }));

describe('velocity rule', () => {
  const rows: readonly [string, number[], string, number | undefined][] = [
    ['publishes with no recent posts', [], 'publish', undefined],
    ['publishes below the limit', [1000, 2000, 3000, 4000], 'publish', undefined],
    ['rejects the post over the limit, until the oldest leaves the window', [1000, 2000, 3000, 4000, 50_000], 'reject', 10_000],
    ['ignores posts outside the window', [1000, 2000, 3000, 4000, 61_000, 62_000], 'publish', undefined],
    ['waits for enough posts to expire when far over', [1000, 2000, 3000, 4000, 5000, 30_000, 40_000], 'reject', 55_000],
  ];
  it.each(rows)('%s', (_name, ago, action, retry) => {
    const r = ruleOutcome(
      'velocity',
      'komentar baru',
      { velocity: { maxPosts: 5, windowMs: 60_000 } },
      { now, author: { recentPosts: posts(...ago) } },
    );
    expect(r.action).toBe(action);
    expect(r.reasons[0]?.retryAfterMs).toBe(retry);
  });

  it('says when to retry in both languages', () => {
    const r = ruleOutcome('velocity', 'x y', {}, { now, author: { recentPosts: posts(1000, 2000, 3000, 4000, 50_000) } });
    expect(r.reasons[0]?.message.en).toContain('Try again in 10 seconds');
    expect(r.reasons[0]?.message.id).toContain('Coba lagi dalam 10 detik');
  });
});
