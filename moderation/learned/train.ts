import { normalize } from '../normalize/normalize.ts';
import { tokenize } from '../words/tokenize.ts';
import { BUCKETS } from './hash.ts';
import { featureCount, forEachFeature } from './features.ts';
import { sigmoid } from './score.ts';

/** One labelled comment: its text as written and whether moderators held it. */
export interface Example {
  readonly text: string;
  readonly flag: boolean;
}

/** Training settings; {@link defaultTraining} is what the committed model was trained with. */
export interface TrainingOptions {
  readonly epochs: number;
  /** AdaGrad's base step. */
  readonly rate: number;
  /** L2 penalty, applied to the weights a comment touches when it is read. */
  readonly l2: number;
  /** Seed of the order the comments are read in, reshuffled each epoch. */
  readonly seed: number;
  /** Weights with |w| below this are dropped from the model. */
  readonly floor: number;
  /**
   * How much a clean comment's error counts against a flagged one's: above 1, the model needs more
   * evidence to score a comment high, which is what a rule that must not hold ordinary comments wants.
   */
  readonly cleanWeight: number;
}

export const defaultTraining: TrainingOptions = { epochs: 12, rate: 1, l2: 0.01, seed: 20261201, floor: 0.05, cleanWeight: 1 };

/** A trained model before packing: the bias and the kept (bucket, weight) entries, buckets ascending. */
export interface Trained {
  readonly bias: number;
  readonly buckets: number[];
  readonly weights: number[];
}

/** A comment's features as the model reads them: buckets and values (already scaled by 1/√count). */
interface Vector {
  readonly buckets: Int32Array;
  readonly values: Float64Array;
  readonly flag: boolean;
}

/** Normalizes, tokenizes and hashes a comment, merging repeated buckets. */
export function vectorOf(text: string): { buckets: Int32Array; values: Float64Array } {
  const normalized = normalize(text).text;
  const tokens = tokenize(normalized);
  const n = featureCount(tokens);
  const sums = new Map<number, number>();
  forEachFeature(normalized, tokens, (bucket, _w, share) => sums.set(bucket, (sums.get(bucket) ?? 0) + share));
  const keys = [...sums.keys()].sort((a, b) => a - b);
  const scale = n === 0 ? 0 : 1 / Math.sqrt(n);
  return { buckets: Int32Array.from(keys), values: Float64Array.from(keys, (k) => (sums.get(k) ?? 0) * scale) };
}

/** mulberry32: a small seeded generator, so the reading order is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Logistic regression by AdaGrad with L2, deterministic: the examples in a fixed seeded order,
 * plain float arithmetic in one order. Pure: the caller reads and writes files.
 */
export function trainModel(examples: readonly Example[], options: TrainingOptions = defaultTraining): Trained {
  const vectors: Vector[] = examples.map((e) => ({ ...vectorOf(e.text), flag: e.flag }));
  const w = new Float64Array(BUCKETS);
  const g2 = new Float64Array(BUCKETS);
  let bias = 0;
  let biasG2 = 0;
  const random = seededRandom(options.seed);
  const order = vectors.map((_v, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (const i of order) {
      const v = vectors[i] as Vector;
      let z = bias;
      for (let k = 0; k < v.buckets.length; k++) z += (w[v.buckets[k] as number] as number) * (v.values[k] as number);
      const error = (sigmoid(z) - (v.flag ? 1 : 0)) * (v.flag ? 1 : options.cleanWeight);
      for (let k = 0; k < v.buckets.length; k++) {
        const b = v.buckets[k] as number;
        const g = error * (v.values[k] as number) + options.l2 * (w[b] as number);
        g2[b] = (g2[b] as number) + g * g;
        if (g !== 0) w[b] = (w[b] as number) - (options.rate * g) / Math.sqrt(g2[b]);
      }
      biasG2 += error * error;
      bias -= (options.rate * error) / Math.sqrt(biasG2);
    }
  }
  const buckets: number[] = [];
  const weights: number[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const x = w[b] as number;
    if (Math.abs(x) >= options.floor) {
      buckets.push(b);
      weights.push(x);
    }
  }
  return { bias, buckets, weights };
}
