import { describe, expect, it } from 'vitest';
import type { OverviewDay } from '../../protocol/moderation.ts';
import { chartGeometry, labelledDays, niceMax, type ChartBox } from './chart-geometry.ts';

const day = (n: number, published: number, held: number, rejected: number): OverviewDay => ({
  day: `2026-12-${String(n).padStart(2, '0')}`,
  published,
  held,
  rejected,
  approvedByModerator: 0,
  rejectedByModerator: 0,
});
const box: ChartBox = { width: 120, height: 110, left: 10, right: 10, top: 10, bottom: 0, gap: 0 };

describe('the overview chart’s geometry', () => {
  it.each([
    [0, 4, 1],
    [3, 4, 1],
    [4, 4, 1],
    [5, 8, 2],
    [17, 20, 5],
    [99, 100, 25],
    [101, 200, 50],
    [1234, 2000, 500],
    [10, 20, 5],
  ])('rounds a top of %d up to %d in steps of %d', (value, max, step) => {
    expect(niceMax(value)).toEqual({ max, step });
  });

  it('stacks published, held and rejected bottom up, to scale', () => {
    const { bars, max, baseline } = chartGeometry([day(1, 2, 1, 1)], box);
    expect(max).toBe(4);
    expect(baseline).toBe(110);
    const [published, held, rejected] = bars[0]!.segments;
    expect(published).toMatchObject({ outcome: 'published', value: 2, height: 50, y: 60 });
    expect(held).toMatchObject({ outcome: 'held', height: 25, y: 35 });
    expect(rejected).toMatchObject({ outcome: 'rejected', height: 25, y: 10 });
    expect(bars[0]!.total).toBe(4);
  });

  it('gives each day an equal slot, left to right, inside the plot', () => {
    const { bars } = chartGeometry([day(1, 1, 0, 0), day(2, 0, 0, 0)], { ...box, gap: 0.5 });
    expect(bars.map((b) => [b.x, b.width])).toEqual([
      [22.5, 25],
      [72.5, 25],
    ]);
  });

  it('draws an empty month as flat bars on a 0–4 axis (no division by zero)', () => {
    const { bars, ticks } = chartGeometry([day(1, 0, 0, 0)], box);
    expect(bars[0]!.segments.every((s) => s.height === 0 && Number.isFinite(s.y))).toBe(true);
    expect(ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
    expect(ticks.at(-1)!.y).toBe(10);
  });

  it('draws no bar for no day, and treats a negative count as none', () => {
    expect(chartGeometry([], box).bars).toEqual([]);
    expect(chartGeometry([day(1, -3, 2, 0)], box).bars[0]!.total).toBe(2);
  });

  it('labels about six days, always today', () => {
    expect([...labelledDays(30)].sort((a, b) => a - b)).toEqual([4, 9, 14, 19, 24, 29]);
    expect([...labelledDays(3)].sort()).toEqual([0, 1, 2]);
    expect(labelledDays(0).size).toBe(0);
  });
});
