import { describe, expect, it } from 'vitest';
import { inputOf } from './fixtures.ts';
import { createModerator, verdictOf } from './moderator.ts';
import { defaultPolicy } from './policy.ts';
import { policyOf } from './rules/test-helpers.ts';
import type { Reason } from './types.ts';

const moderate = createModerator(defaultPolicy);
const now = 1_700_000_000_000;

describe('createModerator', () => {
  it('publishes an ordinary comment with no reasons', () => {
    expect(moderate(inputOf('Tarif listrik naik lagi, PLN harus menjelaskan alasannya.'))).toEqual({ action: 'publish', reasons: [] });
  });

  it('compiles an equal policy once and a different one anew', () => {
    expect(createModerator(policyOf({ links: { max: 1 } }))).toBe(createModerator(policyOf({ links: { max: 1 } })));
    expect(createModerator(policyOf({ links: { max: 1 } }))).not.toBe(createModerator(policyOf({ links: { max: 2 } })));
  });

  it('keeps every reason and lets the most severe action win', () => {
    const v = moderate(inputOf('Dasar goblok, hubungi WA 0812-3456-7890', { thread: { closed: true } }));
    expect(v.action).toBe('reject');
    expect(v.reasons.map((r) => r.rule).sort()).toEqual(['closed-thread', 'contact', 'profanity']);
  });

  it('gives spans into the original text, however the word was disguised', () => {
    const text = 'Pejabat ｇ0\u200Bbl000k itu!';
    const v = moderate(inputOf(text));
    const span = v.reasons[0]?.spans[0];
    expect(span && text.slice(span.start, span.end)).toBe('ｇ0\u200Bbl000k');
  });

  it('writes every message in English and Indonesian', () => {
    const v = createModerator(policyOf({ newAuthor: { holdFirst: 1 } }))(
      inputOf('SLOT GACOR MAXWIN DI bit.ly/xyz HUBUNGI 081234567890!!!!!!!!!!!!', {
        now,
        author: { approvedCount: 0, bannedUntil: now + 1000, recentPosts: [1, 2, 3, 4, 5].map((i) => ({ text: `p${i}`, at: now - i })) },
        thread: { preModerated: true, closed: true },
      }),
    );
    expect(v.reasons.length).toBeGreaterThanOrEqual(9);
    for (const r of v.reasons) {
      expect(r.message.en).toMatch(/^[A-Z].*\.$/);
      expect(r.message.id).toMatch(/^[A-Z].*\.$/);
      expect(r.message.id).not.toBe(r.message.en);
    }
    expect(v.retryAfterMs).toBeGreaterThan(0);
  });

  it('returns the same verdict for the same input', () => {
    const input = inputOf('fuuuck, listrik padam lagi', { now, author: { recentPosts: [{ text: 'halo', at: now - 5 }] } });
    expect(moderate(input)).toEqual(moderate(input));
  });

  it('skips the rules a policy exempts trusted authors from, and only those', () => {
    const input = inputOf('PLN HARUS TANGGUNG JAWAB ATAS SEMUA INI, GOBLOK', { author: { trusted: true } });
    expect(moderate(input).reasons.map((r) => r.rule)).toEqual(['profanity']);
  });
});

describe('verdictOf', () => {
  const r = (action: Reason['action'], retryAfterMs?: number): Reason => ({
    rule: 'links',
    action,
    message: { en: 'x', id: 'x' },
    spans: [],
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
  it.each([
    [[], 'publish'],
    [[r('hold')], 'hold'],
    [[r('hold'), r('reject'), r('hold')], 'reject'],
    [[r('publish'), r('hold')], 'hold'],
  ] as const)('picks the most severe action from %j', (reasons, action) => {
    expect(verdictOf(reasons).action).toBe(action);
  });
  it('carries the longest retry-after', () => {
    expect(verdictOf([r('reject', 5), r('reject', 9)]).retryAfterMs).toBe(9);
  });
});
