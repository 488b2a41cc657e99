import { describe, expect, it } from 'vitest';
import { ruleOutcome } from './test-helpers.ts';

describe('repetition rule', () => {
  const rows: readonly [string, string, string, string[]][] = [
    ['holds a long run of one character', 'Naik lagi!!!!!!!!!!!!', 'hold', ['!!!!!!!!!!!!']],
    ['holds one word repeated many times', 'beli beli beli beli sekarang', 'hold', ['beli beli beli beli']],
    ['publishes a short emphasis', 'Mantap!!! setuju banget', 'publish', []],
    ['publishes reduplication', 'Pejabat-pejabat itu harus diperiksa.', 'publish', []],
    ['publishes laughter written as one word', 'wkwkwkwk lucu juga', 'publish', []],
  ];
  it.each(rows)('%s', (_name, text, action, found) => {
    const r = ruleOutcome('repetition', text);
    expect(r.action).toBe(action);
    expect(r.found).toEqual(found);
  });
});
