import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize/normalize.ts';
import { tokenize } from '../words/tokenize.ts';
import { featureCount, forEachFeature } from './features.ts';
import { BUCKETS } from './hash.ts';

/** The features of a comment as the rule sees it: after the engine's normalization. */
function featuresOf(text: string): [number, number, number][] {
  const n = normalize(text).text;
  const out: [number, number, number][] = [];
  forEachFeature(n, tokenize(n), (bucket, word, share) => out.push([bucket, word, share]));
  return out;
}

describe('learned features', () => {
  it('gives the same buckets in the same order every time', () => {
    const text = 'You are a sad, bitter old man.';
    expect(featuresOf(text)).toEqual(featuresOf(text));
  });

  it('has for each word the word, its 3- to 5-grams padded with ^ and $, and a pair with the word before', () => {
    // "ab" padded is "^ab$": two 3-grams, one 4-gram; "cde" is "^cde$": three 3-grams, two 4-grams, one 5-gram.
    const f = featuresOf('ab cde');
    expect(f.filter(([, w]) => w === 0)).toHaveLength(1 + 3 + 1);
    expect(f.filter(([, w]) => w === 1)).toHaveLength(1 + 6 + 1);
    expect(f.filter(([, , share]) => share === 0.5)).toHaveLength(2);
    const n = normalize('ab cde').text;
    expect(featureCount(tokenize(n))).toBe(1 + 3 + 1 + 6 + 1);
  });

  it('reads a disguised word as the word it disguises (the engine’s normalization runs first)', () => {
    expect(featuresOf('you are a m0r0n')).toEqual(featuresOf('You are a MORON'));
    expect(featuresOf('dasar b o d o h')).toEqual(featuresOf('dasar bodoh'));
  });

  it('puts every feature in a bucket of the hashed space and none for a text without letters', () => {
    expect(featuresOf('Harga listrik naik lagi').every(([b]) => b >= 0 && b < BUCKETS)).toBe(true);
    expect(featuresOf('123 !!! 456')).toEqual([]);
  });
});
