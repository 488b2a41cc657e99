import type { Tokens } from '../words/tokenize.ts';
import { Basis, bucketOf, step } from './hash.ts';

/** Smallest and largest character n-gram, read inside each word padded with "^" and "$". */
export const GRAM_MIN = 3;
export const GRAM_MAX = 5;
// Padding units: control characters, which the tokenizer never puts inside a word.
const START = 2;
const END = 3;

/**
 * Receives each feature of a comment: its bucket, the word it belongs to (a pair of words is
 * given to both, half each, through `share`), and that share (1 or 0.5).
 */
export type FeatureVisitor = (bucket: number, word: number, share: number) => void;

/** How many character n-grams a word of `length` letters has, padded. */
export function gramCount(length: number): number {
  const padded = length + 2;
  let n = 0;
  for (let g = GRAM_MIN; g <= GRAM_MAX; g++) if (padded >= g) n += padded - g + 1;
  return n;
}

/**
 * How many features {@link forEachFeature} visits for these words (a pair counts once): the
 * model scales every feature by 1/√count, so a long comment does not add up to a hold by length.
 */
export function featureCount(tokens: Tokens): number {
  const words = tokens.words;
  let n = 0;
  for (let i = 0; i < words.length; i++) n += 1 + gramCount((words[i] as string).length) + (i > 0 ? 1 : 0);
  return n;
}

/**
 * The features of a normalized comment (the engine's normalization has already undone
 * look-alikes, leetspeak, separated and stretched letters), word by word: the word itself, each
 * pair of neighbouring words, and the character n-grams (3–5) inside each word — the n-grams
 * are what let a new spelling or a new compound of a known insult stem weigh like it.
 * Deterministic: the same text and words give the same buckets in the same order.
 */
export function forEachFeature(text: string, tokens: Tokens, visit: FeatureVisitor): void {
  const { starts, ends } = tokens;
  let previous = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] as number;
    const to = ends[i] as number;
    let w = Basis.word;
    for (let k = from; k < to; k++) w = step(w, text.charCodeAt(k));
    visit(bucketOf(w), i, 1);
    if (i > 0) {
      const pair = bucketOf(step(step(Basis.pair, previous), w));
      visit(pair, i - 1, 0.5);
      visit(pair, i, 0.5);
    }
    previous = w;
    // n-grams of the padded word "^word$": from each start, the 3-, 4- and 5-gram in one pass.
    const padded = to - from + 2;
    for (let p = 0; p + GRAM_MIN <= padded; p++) {
      let h = Basis.gram;
      for (let k = p; k < p + GRAM_MAX && k < padded; k++) {
        const unit = k === 0 ? START : k === padded - 1 ? END : text.charCodeAt(from + k - 1);
        h = step(h, unit);
        if (k - p + 1 >= GRAM_MIN) visit(bucketOf(h), i, 1);
      }
    }
  }
}
