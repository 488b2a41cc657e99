/**
 * Printing helpers the benchmarks share: aligned text tables and number formats, so every
 * bench prints figures the same way.
 */

/** A text table: first column left-aligned, the rest right-aligned, a rule under the header. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Three significant figures or so; '—' for a figure that could not be measured. */
export const fmt = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
export const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
/** A share as a percentage; one decimal just below 100%, where "100%" would hide a loss. */
export const pct = (v: number) => `${(v * 100).toFixed(v >= 0.995 && v < 1 ? 1 : 0)}%`;
/** kB (as /proc reports it) to MB. */
export const mb = (kb: number) => (kb / 1024).toFixed(1);

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
