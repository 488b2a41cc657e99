import { describe, expect, it } from 'vitest';
import { displayNameSource, displayNameWords } from './display-name.ts';
import type { LexiconSource } from './lexicon.ts';

describe('displayNameWords', () => {
  const rows: readonly [string, string, string][] = [
    ['splits words run together at their capitals', 'KontolKuda', 'Kontol Kuda'],
    ['leaves spaced names alone', 'Budi Santoso', 'Budi Santoso'],
    ['leaves an all-capitals name alone', 'BUDI', 'BUDI'],
    ['leaves a lower-case name alone', 'dasarkontol', 'dasarkontol'],
  ];
  it.each(rows)('%s', (_name, input, output) => {
    expect(displayNameWords(input)).toBe(output);
  });
});

describe('displayNameSource', () => {
  const src: LexiconSource = {
    profanity: [{ term: 'goblok' }],
    profanityPrefixes: ['cunt'],
    profanityContains: ['shit'],
    banned: [],
    suspect: [],
    gambling: [],
    allowWords: [],
    allowPhrases: [],
    literalSense: true,
  };
  const out = displayNameSource(src);
  const terms = out.profanity.map((t) => t.term);
  const rows: readonly [string, string, boolean][] = [
    ['keeps the listed words', 'goblok', true],
    ['turns a prefix into a whole word', 'cunt', true],
    ['gives a prefix English endings', 'cunts', true],
    ['turns a stem into a whole word', 'shit', true],
    ['gives a stem English endings', 'shitty', true],
    ['does not let a stem start a longer name', 'shitara', false],
  ];
  it.each(rows)('%s', (_name, term, present) => {
    expect(terms.includes(term)).toBe(present);
  });
  it('drops prefix and inside-word matching', () => {
    expect(out.profanityPrefixes).toEqual([]);
    expect(out.profanityContains).toEqual([]);
  });
});
