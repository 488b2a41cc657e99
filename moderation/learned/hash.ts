/**
 * The hashing the learned model's features use: FNV-1a over UTF-16 units with a final mix, folded
 * into a fixed number of buckets. Training and scoring share it, so a feature is its bucket; no
 * feature string is ever built (scoring a comment allocates nothing per feature).
 */

/** log2 of the bucket count: 2^20 buckets keep collisions among the corpus's features rare. */
export const BUCKET_BITS = 20;
/** How many buckets a feature hashes into. */
export const BUCKETS = 1 << BUCKET_BITS;
const MASK = BUCKETS - 1;

/** FNV-1a offset basis, varied per feature kind so "abc" the word and "abc" the n-gram differ. */
export const Basis: Readonly<Record<'word' | 'gram' | 'pair', number>> = { word: 0x811c9dc5, gram: 0x050c5d1f, pair: 0x2b3c4d5e };

/** One FNV-1a step: the hash so far with one more unit. */
export function step(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** The bucket of a finished hash (murmur3's finalizer spreads FNV's weak low bits). */
export function bucketOf(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x & MASK;
}
