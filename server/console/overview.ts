/**
 * The console's overview: the last 30 UTC days, oldest first, every day present, and the
 * rules that held or rejected most. Pure: the store's daily stats in, the chart's data out.
 */
import type { Overview } from '../../protocol/moderation.ts';
import type { DailyStats } from '../store/types.ts';

export const OVERVIEW_DAYS = 30;
const TOP_RULES = 10;
const DAY_MS = 86_400_000;

/** The UTC days (YYYY-MM-DD) of the last `count` days up to and including `now`'s, oldest first. */
export function lastDays(now: number, count = OVERVIEW_DAYS): string[] {
  const today = Math.floor(now / DAY_MS);
  return Array.from({ length: count }, (_, i) => new Date((today - count + 1 + i) * DAY_MS).toISOString().slice(0, 10));
}

export function buildOverview(days: readonly string[], stats: readonly DailyStats[]): Overview {
  const byDay = new Map(stats.map((s) => [s.day, s]));
  const rules = new Map<string, number>();
  const out = days.map((day) => {
    const s = byDay.get(day);
    for (const [rule, count] of Object.entries(s?.rules ?? {})) rules.set(rule, (rules.get(rule) ?? 0) + count);
    return {
      day,
      published: s?.published ?? 0,
      held: s?.held ?? 0,
      rejected: s?.rejected ?? 0,
      approvedByModerator: s?.approvedByModerator ?? 0,
      rejectedByModerator: s?.rejectedByModerator ?? 0,
    };
  });
  const topRules = [...rules]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_RULES)
    .map(([rule, count]) => ({ rule, count }));
  return { days: out, topRules };
}
