import { describe, expect, it } from 'vitest';
import { isThreadCounts } from './counts.ts';

describe('isThreadCounts', () => {
  it('accepts counts per page, an empty set included', () => {
    expect(isThreadCounts({ counts: { '/a': 3, '/b': 0 } })).toBe(true);
    expect(isThreadCounts({ counts: {} })).toBe(true);
  });

  it.each([
    ['null', null],
    ['no counts', {}],
    ['counts as an array', { counts: [1, 2] }],
    ['a negative count', { counts: { '/a': -1 } }],
    ['a fractional count', { counts: { '/a': 1.5 } }],
    ['a count as a string', { counts: { '/a': '3' } }],
  ])('refuses %s', (_label, value) => {
    expect(isThreadCounts(value)).toBe(false);
  });
});
