import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { parse } from './parse.ts';

const valid = { page: '/a', text: 'halo', authorName: 'Ani', key: 'key-12345678' };

describe('request parsing', () => {
  it.each([
    ['a missing field', { ...valid, page: undefined }, { field: 'page', reason: 'missing', message: '"page" is required.' }],
    ['a field of the wrong type', { ...valid, page: 42 }, { field: 'page', reason: 'wrong_type', message: '"page" must be a string, not a number.' }],
    ['null where a string belongs', { ...valid, text: null }, { field: 'text', reason: 'wrong_type', message: '"text" must be a string, not null.' }],
    ['whitespace-only text', { ...valid, text: '   \n ' }, { field: 'text', reason: 'empty', message: '"text" must not be empty.' }],
    ['an empty name', { ...valid, authorName: '' }, { field: 'authorName', reason: 'empty', message: '"authorName" must not be empty.' }],
    ['text over the limit', { ...valid, text: 'a'.repeat(LIMITS.textMax + 1) }, { field: 'text', reason: 'too_long' }],
    [
      'a field the request does not have',
      { ...valid, colour: 'red' },
      { field: 'colour', reason: 'unknown_field', message: '"colour" is not a field of this request.' },
    ],
    ['a malformed page id', { ...valid, page: 'has space' }, { field: 'page', reason: 'invalid' }],
  ])('answers %s with the field, a machine reason and a true message', (_what, payload, expected) => {
    const result = parse.commentCreate(payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_INPUT', ...expected });
  });

  it('answers a payload that is not an object without naming a field', () => {
    const result = parse.threadRef('just a string');
    expect(!result.ok && result.error).toEqual({
      code: 'INVALID_INPUT',
      reason: 'wrong_type',
      message: 'The payload must be an object, not a string.',
    });
  });

  it('accepts a valid request and normalises its text and name', () => {
    const result = parse.commentCreate({ ...valid, text: ' baris\r\nkedua ', authorName: '  Ani   Sari ' });
    expect(result.ok && result.value).toEqual({ ...valid, text: 'baris\nkedua', authorName: 'Ani Sari' });
  });
});
