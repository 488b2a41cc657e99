import { describe, expect, it } from 'vitest';
import { foldCase } from './fold-case.ts';
import { mapLeetspeak } from './leetspeak.ts';
import { mapLookalikes } from './lookalikes.ts';
import { fromOriginal, originSpan, type Mapped } from './mapped.ts';
import { nfkc } from './nfkc.ts';
import { normalize } from './normalize.ts';
import { rejoinSeparated } from './rejoin-separated.ts';
import { squashStretched } from './squash-stretched.ts';
import { stripInvisible } from './strip-invisible.ts';
import { stripMarks } from './strip-marks.ts';

// Every step on every text, as normalize ran before its one-pass survey of ASCII text.
function everyStep(text: string): Mapped {
  const steps = [nfkc, stripInvisible, foldCase, stripMarks, mapLookalikes, mapLeetspeak, rejoinSeparated, squashStretched];
  return steps.reduce((m, step) => step(m), fromOriginal(text));
}

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

  it.each([
    'Plain words, nothing to do.',
    'I think a b is fine',
    'x y z',
    'a. b. c',
    'a    b    c',
    'a b1 c',
    'a b c!',
    'A-B-C',
    'ab c d e',
    'f u c k off',
    "f'u'c'k",
    'SOOO good',
    'sooo good',
    'SoOo good',
    '...!!!',
    'b4ngs4t l0l',
    'w h 4 t',
    'AAA 111',
    'zeus138 f u c k',
    '4 n j i n g',
    'g o o o d',
  ])('gives what every step in turn gives for %j', (text) => {
    expect(normalize(text)).toEqual(everyStep(text));
  });
});
