import { describe, expect, it } from 'vitest';
import { collapseDoubles } from '../normalize/squash-stretched.ts';
import { WordTable } from './word-table.ts';

describe('WordTable', () => {
  const words = ['fuck', 'anjing', 'ass', 'kontol', 'a', '', 'bangsat', 'café'];
  const table = new WordTable(words.map((w, i) => [w, i] as const));

  it('finds every stored word and nothing else, like a Map', () => {
    const map = new Map(words.map((w, i) => [w, i]));
    for (const probe of [...words, 'fuk', 'fucks', 'asss', 'Ass', 'kontolnya', 'b', 'cafe']) expect(table.get(probe)).toBe(map.get(probe));
    expect(table.has('ass')).toBe(true);
    expect(table.has('as')).toBe(false);
  });

  it('finds a word by its form with doubles collapsed, as collapseDoubles gives it', () => {
    const map = new Map(words.map((w, i) => [w, i]));
    for (const probe of ['fuuuck', 'ffuck', 'anjiing', 'as', 'aaa', 'koontooll', 'bangsatt', 'fuck', 'fuckk', 'fuc', 'caféé', 'xx']) {
      expect(table.getCollapsed(probe)).toBe(map.get(collapseDoubles(probe)));
    }
  });

  it('holds more words than its initial size', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const big = new WordTable(many.map((w, i) => [w, i] as const));
    for (let i = 0; i < many.length; i += 7) expect(big.get(many[i] ?? '')).toBe(i);
    expect(big.get('nope')).toBeUndefined();
  });
});
