import type { Tokens } from '../words/tokenize.ts';
import * as features from './features.ts';
import * as hash from './hash.ts';
import { MEMO_SLOTS, weightOf, type Model } from './model.ts';

// The hot loop's imports copied into module constants once: read through an import binding (a
// getter once bundled or run by tsx), they cost a call each, ~40% of the scoring time.
const { featureCount, forEachFeature, gramCount } = features;
const GRAM_MIN = features.GRAM_MIN;
const GRAM_MAX = features.GRAM_MAX;
const step = hash.step;
const bucketOf = hash.bucketOf;
const WORD = hash.Basis.word;
const GRAM = hash.Basis.gram;
const PAIR = hash.Basis.pair;
const START = 2;
const END = 3;
const MEMO_MASK = MEMO_SLOTS - 1;

/** A word's own features (its unigram and padded n-grams) summed in quantized steps. */
function ownSteps(table: Int8Array, word: string, wordHash: number): number {
  let steps = table[bucketOf(wordHash)] as number;
  const padded = word.length + 2;
  for (let p = 0; p + GRAM_MIN <= padded; p++) {
    let h = GRAM;
    for (let k = p; k < p + GRAM_MAX && k < padded; k++) {
      h = step(h, k === 0 ? START : k === padded - 1 ? END : word.charCodeAt(k - 1));
      if (k - p + 1 >= GRAM_MIN) steps += table[bucketOf(h)] as number;
    }
  }
  return steps;
}

/**
 * The model's probability that moderators would hold this comment (0–1), from its normalized
 * words: the same features as features.ts's {@link forEachFeature} (a test checks they agree),
 * summed in one loop, each word's own part read from the model's memo when it was seen before.
 */
export function holdProbability(model: Model, tokens: Tokens): number {
  const words = tokens.words;
  if (words.length === 0) return sigmoid(model.bias);
  const { table, memo } = model;
  let steps = 0;
  let n = 0;
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // The word's hash (its unigram feature, and half of its pairs) and a second one for the memo.
    let h = WORD;
    let check = PAIR;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      h = step(h, c);
      check = Math.imul(check ^ c, 0x5bd1e995);
    }
    const slot = ((h ^ (h >>> 16)) & MEMO_MASK) << 2;
    let own: number;
    if (memo[slot] === h && memo[slot + 1] === check) own = memo[slot + 2] as number;
    else {
      own = ownSteps(table, word, h);
      memo[slot] = h;
      memo[slot + 1] = check;
      memo[slot + 2] = own;
    }
    steps += own;
    n += 1 + gramCount(word.length);
    if (i > 0) {
      steps += table[bucketOf(step(step(PAIR, previous), h))] as number;
      n++;
    }
    previous = h;
  }
  return sigmoid(model.bias + (steps * model.scale) / Math.sqrt(n));
}

/**
 * How much each word pushed the score (its word, n-gram and half of its pairs' weights, scaled as
 * in {@link holdProbability}): for the reason, computed only for a comment that is held.
 */
export function wordWeights(model: Model, text: string, tokens: Tokens): Float64Array {
  const out = new Float64Array(tokens.words.length);
  const n = featureCount(tokens);
  if (n === 0) return out;
  const scale = 1 / Math.sqrt(n);
  forEachFeature(text, tokens, (bucket, word, share) => {
    out[word] = (out[word] as number) + share * scale * weightOf(model, bucket);
  });
  return out;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
