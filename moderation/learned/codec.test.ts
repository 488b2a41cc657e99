import { describe, expect, it } from 'vitest';
import { packModel, unpackModel } from './codec.ts';
import { modelOf, weightOf } from './model.ts';

describe('packed model', () => {
  it('gives back the buckets exactly and each weight within half a quantization step', () => {
    const buckets = [0, 5, 127, 128, 300, 16_384, 1_048_575];
    const weights = [1.5, -0.25, 3, -3, 0.01, 2.2, -1.1];
    const p = packModel(0.4, buckets, weights);
    const u = unpackModel(p);
    expect(u.bias).toBe(0.4);
    expect([...u.buckets]).toEqual(buckets);
    u.steps.forEach((q, i) => expect(Math.abs(q * p.scale - (weights[i] ?? 0))).toBeLessThanOrEqual(p.scale / 2 + 1e-6));
  });

  it('looks up a kept bucket’s weight and 0 for any other', () => {
    const m = modelOf(packModel(0, [3, 70_000, 1_000_000], [0.5, -2, 1]));
    expect(weightOf(m, 70_000)).toBeCloseTo(-2, 6);
    expect(weightOf(m, 1_000_000)).toBeCloseTo(1, 1);
    expect(weightOf(m, 4)).toBe(0);
  });
});
