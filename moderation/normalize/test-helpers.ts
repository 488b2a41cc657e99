import { describe, expect, it } from 'vitest';
import { fromOriginal, originSpan, type Mapped } from './mapped.ts';

/** One normalization step: text with its offset map in, text with its offset map out. */
export type Step = (m: Mapped) => Mapped;

/**
 * One case for a step: the input, the text the step should produce, and optionally an output
 * range `[start, end)` with the original range `[start, end)` it must map back to.
 */
export type StepRow = readonly [string, string, (readonly [number, number, number, number])?];

/** Runs a step on each row from the original text, checking the output and, when given, the offset map. */
export function checkStep(name: string, step: Step, rows: readonly StepRow[]): void {
  describe(name, () => {
    const cases = rows.map(([input, expected, span]) => ({ input, expected, span }));
    it.each(cases)('turns $input into $expected and keeps offsets to the original', ({ input, expected, span }) => {
      const out = step(fromOriginal(input));
      expect(out.text).toBe(expected);
      if (span !== undefined) {
        const [s, e, os, oe] = span;
        expect(originSpan(out, s, e)).toEqual({ start: os, end: oe });
      }
    });
  });
}
