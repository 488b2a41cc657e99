import { describe, expect, it } from 'vitest';
import { highlightPieces, mergeSpans } from './highlight.ts';

const marked = (text: string, spans: { start: number; end: number }[]) =>
  highlightPieces(text, spans)
    .map((p) => (p.marked ? `[${p.text}]` : p.text))
    .join('');

describe('highlighting matched spans', () => {
  it.each([
    ['no spans', 'halo semua', [], 'halo semua'],
    ['one span in the middle', 'ini bodoh sekali', [{ start: 4, end: 9 }], 'ini [bodoh] sekali'],
    [
      'a span at each end',
      'anjing dan babi',
      [
        { start: 0, end: 6 },
        { start: 11, end: 15 },
      ],
      '[anjing] dan [babi]',
    ],
    [
      'overlapping spans from two rules as one mark',
      'spamspam',
      [
        { start: 0, end: 5 },
        { start: 3, end: 8 },
      ],
      '[spamspam]',
    ],
    [
      'touching spans as one mark',
      'abcdef',
      [
        { start: 0, end: 3 },
        { start: 3, end: 6 },
      ],
      '[abcdef]',
    ],
    [
      'spans given out of order',
      'a b c',
      [
        { start: 4, end: 5 },
        { start: 0, end: 1 },
      ],
      '[a] b [c]',
    ],
    ['a span past the end, clamped', 'abc', [{ start: 1, end: 99 }], 'a[bc]'],
    [
      'an empty or inverted span, dropped',
      'abc',
      [
        { start: 2, end: 2 },
        { start: 2, end: 1 },
      ],
      'abc',
    ],
    ['a span cutting an emoji in two, widened to the whole emoji', 'a😀b', [{ start: 2, end: 3 }], 'a[😀]b'],
    ['a span ending inside an emoji, widened', 'a😀b', [{ start: 0, end: 2 }], '[a😀]b'],
  ])('marks %s', (_what, text, spans, expected) => {
    expect(marked(text, spans)).toBe(expected);
  });

  it('keeps every character: the pieces joined are the text', () => {
    const text = 'Kamu <b>bodoh</b> & jelek';
    const pieces = highlightPieces(text, [
      { start: 8, end: 13 },
      { start: 20, end: 25 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['bodoh', 'jelek']);
  });

  it('gives one plain piece for an empty text', () => {
    expect(highlightPieces('', [{ start: 0, end: 3 }])).toEqual([{ text: '', marked: false }]);
  });

  it('ignores spans that are not finite numbers', () => {
    expect(mergeSpans('abc', [{ start: Number.NaN, end: 2 }])).toEqual([]);
  });
});
