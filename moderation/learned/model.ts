import { unpackModel, type PackedModel } from './codec.ts';
import { BUCKETS } from './hash.ts';

/**
 * A linear model over hashed features, as scoring reads it: the bias and, for every bucket, its
 * weight in quantized steps (the generated file's 8 bits) in one dense table of 1 MB — a feature
 * costs one typed-array load, no probing and no object. `scale` turns the steps into a weight.
 */
export interface Model {
  readonly bias: number;
  readonly scale: number;
  readonly table: Int8Array;
  /** How many buckets have a weight. */
  readonly size: number;
  /**
   * A direct-mapped memo of each word's own weight (its unigram and n-grams, in steps), keyed by
   * two 32-bit hashes of the word: words repeat across comments, so most are read from here
   * instead of hashing their n-grams again. A memo of a pure function: a score depends on what it
   * holds only if two words share both hashes (odds ~2^-64 a pair).
   */
  readonly memo: Int32Array;
}

/**
 * Slots of the word memo (a power of two), each four int32s side by side (first hash, second
 * hash, steps, unused: 16 bytes, so a lookup reads one cache line): 256 KB.
 */
export const MEMO_SLOTS = 1 << 14;

/** Decodes a packed model into its lookup table. */
export function modelOf(p: PackedModel): Model {
  const u = unpackModel(p);
  const table = new Int8Array(BUCKETS);
  for (let i = 0; i < u.buckets.length; i++) table[u.buckets[i] as number] = u.steps[i] as number;
  const memo = new Int32Array(MEMO_SLOTS * 4);
  return { bias: u.bias, scale: p.scale, table, size: u.buckets.length, memo };
}

/** The weight of a bucket, 0 when pruned or never seen. */
export function weightOf(m: Model, bucket: number): number {
  return (m.table[bucket] as number) * m.scale;
}
