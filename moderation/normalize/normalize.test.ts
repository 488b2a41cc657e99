import { describe, expect, it } from 'vitest';
import { originSpan } from './mapped.ts';
import { normalize } from './normalize.ts';

describe('normalize', () => {
  it.each([
    ['Harga BBM naik lagi.', 'harga bbm naik lagi.'],
    ['ＦＵＣＫ', 'fuck'],
    ['F\u200BÚ\u0301С K', 'fuc k'],
    ['sh!t', 'shit'],
    ['a-n-j-i-n-g', 'anjing'],
    ['G0BL0000K', 'goblook'],
    ['𝓯𝓾𝓬𝓴', 'fuck'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('maps a word found in the normalized text back to the original characters', () => {
    const original = 'Dasar ａ-n-j-i\u200B-n-g!!';
    const m = normalize(original);
    const at = m.text.indexOf('anjing');
    expect(at).toBeGreaterThan(0);
    const span = originSpan(m, at, at + 6);
    expect(original.slice(span.start, span.end)).toBe('ａ-n-j-i\u200B-n-g');
  });

  it('returns the same text unchanged for plain lower-case ASCII', () => {
    const m = normalize('listrik padam lagi');
    expect(m.text).toBe('listrik padam lagi');
    expect(m.starts).toBeNull();
  });
});
