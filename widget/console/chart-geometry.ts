/**
 * The overview chart's geometry: one stacked bar per day (published, held, rejected, bottom
 * up), a y axis with round ticks, in SVG user units. Pure numbers, so the drawing element
 * only turns them into <rect>s and the maths is tested.
 */
import type { OverviewDay } from '../../protocol/moderation.ts';

/** The outcomes stacked in each bar, bottom first. */
export const OUTCOMES = ['published', 'held', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the y axis labels on the left and the day labels below. */
  left: number;
  bottom: number;
  top: number;
  right: number;
  /** Gap between bars as a share of each day's slot (0–1). */
  gap: number;
}

export const DEFAULT_BOX: ChartBox = { width: 720, height: 260, left: 40, bottom: 28, top: 10, right: 8, gap: 0.25 };

export interface BarSegment {
  outcome: Outcome;
  value: number;
  y: number;
  height: number;
}

export interface Bar {
  day: string;
  x: number;
  width: number;
  total: number;
  segments: BarSegment[];
}

export interface ChartGeometry {
  bars: Bar[];
  /** The value the top of the plot stands for (a round number ≥ every total; at least 1). */
  max: number;
  ticks: { value: number; y: number }[];
  /** The plot's bottom edge (the x axis) and left edge. */
  baseline: number;
  plotLeft: number;
  plotRight: number;
}

/** The smallest whole step of 1, 2, 2.5 or 5 × 10ⁿ that is ≥ `value` / `steps`, times `steps`: a top the ticks divide evenly. */
export function niceMax(value: number, steps = 4): { max: number; step: number } {
  if (!(value > 0)) return { max: steps, step: 1 };
  const raw = value / steps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-9 && (s < 1 || Number.isInteger(s))) ?? 10 * magnitude;
  // Counts are whole: a step under 1 would label ticks 0.25, 0.5…
  const whole = Math.max(1, Math.ceil(step));
  return { max: whole * steps, step: whole };
}

export function chartGeometry(days: readonly OverviewDay[], box: ChartBox = DEFAULT_BOX): ChartGeometry {
  const plotLeft = box.left;
  const plotRight = box.width - box.right;
  const baseline = box.height - box.bottom;
  const plotHeight = baseline - box.top;
  const totals = days.map((d) => OUTCOMES.reduce((sum, o) => sum + Math.max(0, d[o]), 0));
  const { max, step } = niceMax(Math.max(0, ...totals));
  const slot = days.length > 0 ? (plotRight - plotLeft) / days.length : 0;
  const barWidth = slot * (1 - box.gap);
  const scale = (v: number) => (v / max) * plotHeight;
  const bars = days.map((day, i): Bar => {
    let top = baseline;
    const segments = OUTCOMES.map((outcome): BarSegment => {
      const value = Math.max(0, day[outcome]);
      const height = scale(value);
      top -= height;
      return { outcome, value, y: top, height };
    });
    return { day: day.day, x: plotLeft + i * slot + (slot - barWidth) / 2, width: barWidth, total: totals[i] ?? 0, segments };
  });
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => ({ value: i * step, y: baseline - scale(i * step) }));
  return { bars, max, ticks, baseline, plotLeft, plotRight };
}

/** Which days get a label under the axis: about `count` evenly spaced, always the last (today). */
export function labelledDays(length: number, count = 6): Set<number> {
  if (length === 0) return new Set();
  const every = Math.max(1, Math.ceil(length / count));
  const picked = new Set<number>();
  for (let i = length - 1; i >= 0; i -= every) picked.add(i);
  return picked;
}
