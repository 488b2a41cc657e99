import { describe, expect, it } from 'vitest';
import { ruleOutcome } from '../rules/test-helpers.ts';
import { compileMaskIndex, matchMasked } from './masked.ts';
import type { LexEntry } from './lexicon.ts';

const entry = (term: string): LexEntry => ({ kind: 'profanity', term, literal: null });

describe('matchMasked', () => {
  const index = compileMaskIndex(
    ['fuck', 'anjing', 'kontol', 'cock', 'ass', 'asu'].map((w) => [w, [entry(w)]] as const),
    ['cook'],
    [{ stem: 'shit', entry: entry('shit') }],
  );
  const rows: readonly [string, string, string | null][] = [
    ['takes one star for one letter', 'f*ck', 'fuck'],
    ['takes a run of stars for as many letters', 'f**k', 'fuck'],
    ['takes several masks in one word', 'k*nt*l', 'kontol'],
    ['takes hashes, underscores and percent signs as masks alike', 'a#j%_g', 'anjing'],
    ['takes a hash for a letter', 'anj#ng', 'anjing'],
    ['takes a bullet for a letter', 'k•ntol', 'kontol'],
    ['needs the listed word to have the same length', 'f*cck', null],
    ['needs the unmasked letters in place', 'f*kc', null],
    ['needs two unmasked letters', 'f***', null],
    ['matches nothing that an allowlisted word also fits', 'c**k', null],
    ['matches a three-letter word with two letters shown', 'a*s', 'ass'],
    ['finds a stem at the end of a longer word', 'bullsh*t', 'shit'],
    ['finds a stem at the start of a longer word', 'sh*tty', 'shit'],
    ['finds no stem when the mask sits at its edge', 'fis*hit', null],
    ['finds no stem in the middle of a word', 'fish_tank', null],
  ];
  it.each(rows)('%s (%s)', (_name, pattern, term) => {
    const found = matchMasked(index, pattern);
    expect(found === null ? null : found[0]?.term).toBe(term);
  });
});

describe('masked words in comments', () => {
  const rows: readonly [string, string, string, string[]][] = [
    ['holds a starred English word and highlights the masked text', 'What the f*ck is this tariff?', 'hold', ['f*ck']],
    ['holds a word with two masked letters', 'Dasar k*nt*l, listrik mati lagi.', 'hold', ['k*nt*l']],
    ['holds a masked word after leetspeak', 'b@ngs*t pejabatnya', 'hold', ['b@ngs*t']],
    ['holds a hash-masked word', 'Menteri g#blok', 'hold', ['g#blok']],
    ['holds an "f" with three masks after it, and highlights the masks too', 'What the f*** is this tariff?', 'hold', ['f***']],
    ['publishes an "f" with two masks after it (a plan or grade)', 'Plan F** is fine by me.', 'publish', []],
    ['holds an underscore-masked word', 'f_ck this', 'hold', ['f_ck']],
    ['holds a masked affixed form', 'Dasar anj*ngnya nggak tahu malu.', 'hold', ['anj*ngnya']],
    ['holds a masked word in capitals', 'B*TCH please', 'hold', ['B*TCH']],
    ['keeps a masked animal word in its literal sense', 'Harga daging b*bi naik lagi.', 'publish', []],
    ['publishes a footnote star', 'Harga* belum termasuk pajak.', 'publish', []],
    ['publishes a hashtag', 'Dukung #EnergiBersih sekarang.', 'publish', []],
    ['publishes an identifier with underscores', 'The field snake_case_name is empty.', 'publish', []],
    ['publishes markdown emphasis', 'Ini *sangat* penting.', 'publish', []],
    ['publishes a price with a star and a percentage', 'Rp5.000* naik 100%.', 'publish', []],
    ['publishes a country abbreviation with dots', 'A.S. menaikkan tarif impor.', 'publish', []],
    ['publishes stars alone', 'Rating: *** dari lima.', 'publish', []],
  ];
  it.each(rows)('%s', (_name, text, action, found) => {
    const r = ruleOutcome('profanity', text);
    expect(r.action).toBe(action);
    expect(r.found).toEqual(found);
  });
});
