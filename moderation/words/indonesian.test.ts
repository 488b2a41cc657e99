import { describe, expect, it } from 'vitest';
import { affixedForms, chatSpellings } from './indonesian.ts';

describe('Indonesian word forms', () => {
  it('gives a stem its affixed forms', () => {
    expect(affixedForms('bangsat')).toEqual(expect.arrayContaining(['bangsatnya', 'dibangsatin', 'kebangsatan']));
  });

  it('gives the consonant skeletons chat writes, with their suffixes', () => {
    expect(chatSpellings('bangsat')).toEqual(expect.arrayContaining(['bngst', 'bngstnya', 'bngstlu']));
    expect(chatSpellings('kontol')).toEqual(expect.arrayContaining(['kntl', 'kntlin']));
    expect(chatSpellings('anjing')).toEqual(expect.arrayContaining(['njng', 'anjng']));
  });

  it('swaps the letters chat swaps: q for k, z for s, x for a final k, v or f for p', () => {
    expect(chatSpellings('kontol')).toEqual(expect.arrayContaining(['qontol', 'qntl']));
    expect(chatSpellings('kampret')).toEqual(expect.arrayContaining(['kamvret', 'kamfret']));
    expect(chatSpellings('bangsat')).toContain('bangzat');
    expect(chatSpellings('memek')).toContain('memex');
  });

  it('leaves out skeletons shorter than four letters and the stem itself', () => {
    expect(chatSpellings('tolol')).not.toContain('tll');
    expect(chatSpellings('bangsat')).not.toContain('bangsat');
  });
});
