import { describe, expect, it } from 'vitest';
import type { DailyStats } from '../store/types.ts';
import { buildOverview, lastDays, OVERVIEW_DAYS } from './overview.ts';

const at = (iso: string) => Date.parse(iso);

function stats(day: string, over: Partial<DailyStats> = {}): DailyStats {
  return { day, published: 0, held: 0, rejected: 0, approvedByModerator: 0, rejectedByModerator: 0, rules: {}, ...over };
}

describe('lastDays', () => {
  it('gives 30 UTC days by default, oldest first, ending with today', () => {
    const days = lastDays(at('2026-12-01T11:00:00Z'));
    expect(days).toHaveLength(OVERVIEW_DAYS);
    expect(days[0]).toBe('2026-11-02');
    expect(days.at(-1)).toBe('2026-12-01');
  });

  it('crosses a month end and a leap day without skipping or repeating a day', () => {
    expect(lastDays(at('2028-03-02T00:00:00Z'), 4)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02']);
    expect(lastDays(at('2027-01-01T23:59:59.999Z'), 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('counts the day by UTC, not by the server’s zone', () => {
    // 06:30 on 1 March in Jakarta is still 28 February in UTC.
    expect(lastDays(at('2027-03-01T23:30:00+07:00'), 1)).toEqual(['2027-03-01']);
    expect(lastDays(at('2027-03-01T06:30:00+07:00'), 1)).toEqual(['2027-02-28']);
  });
});

describe('buildOverview', () => {
  const days = ['2026-11-29', '2026-11-30', '2026-12-01'];

  it('keeps every asked day in order, a day without stats as zeros', () => {
    const overview = buildOverview(days, [
      stats('2026-12-01', { published: 4, held: 2, rejected: 1, approvedByModerator: 3, rejectedByModerator: 1 }),
    ]);
    expect(overview.days).toEqual([
      { day: '2026-11-29', published: 0, held: 0, rejected: 0, approvedByModerator: 0, rejectedByModerator: 0 },
      { day: '2026-11-30', published: 0, held: 0, rejected: 0, approvedByModerator: 0, rejectedByModerator: 0 },
      { day: '2026-12-01', published: 4, held: 2, rejected: 1, approvedByModerator: 3, rejectedByModerator: 1 },
    ]);
    expect(overview.topRules).toEqual([]);
  });

  it('ignores stats of days it was not asked for, in counts and in rules', () => {
    const overview = buildOverview(days, [stats('2026-10-01', { published: 9, rules: { profanity: 9 } })]);
    expect(overview.days.map((d) => d.published)).toEqual([0, 0, 0]);
    expect(overview.topRules).toEqual([]);
  });

  it('sums each rule over the days, most first, ties by rule id, zero counts left out', () => {
    const overview = buildOverview(days, [
      stats('2026-11-29', { rules: { profanity: 2, links: 1, contact: 0 } }),
      stats('2026-12-01', { rules: { links: 2, gambling: 3, shouting: 1 } }),
    ]);
    expect(overview.topRules).toEqual([
      { rule: 'gambling', count: 3 },
      { rule: 'links', count: 3 },
      { rule: 'profanity', count: 2 },
      { rule: 'shouting', count: 1 },
    ]);
  });

  it('names at most ten rules, dropping the least used', () => {
    const rules = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`rule-${String(i).padStart(2, '0')}`, i + 1]));
    const { topRules } = buildOverview(days, [stats('2026-11-30', { rules })]);
    expect(topRules).toHaveLength(10);
    expect(topRules[0]).toEqual({ rule: 'rule-11', count: 12 });
    expect(topRules.at(-1)).toEqual({ rule: 'rule-02', count: 3 });
  });
});
