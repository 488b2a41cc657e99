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

  it('takes a create without a name (a verified viewer has theirs)', () => {
    const { authorName: _name, ...nameless } = valid;
    expect(parse.commentCreate(nameless)).toEqual({ ok: true, value: nameless });
  });
});

describe('parsing the requests of replies, likes, sorts, edits and deletes', () => {
  const id = 'c_12345678';
  it('takes a join with or without a sort, and refuses an unknown sort', () => {
    expect(parse.threadJoin({ page: '/a' })).toEqual({ ok: true, value: { page: '/a' } });
    expect(parse.threadJoin({ page: '/a', sort: 'likes' })).toEqual({ ok: true, value: { page: '/a', sort: 'likes' } });
    expect(!parse.threadJoin({ page: '/a', sort: 'best' }).ok && parse.threadJoin({ page: '/a', sort: 'best' })).toMatchObject({
      error: { field: 'sort', reason: 'invalid' },
    });
  });

  it('takes an opaque cursor of printable characters and refuses anything else as a cursor', () => {
    expect(parse.threadMore({ page: '/a', cursor: 'l:12:1700000000000:c_1', sort: 'likes' }).ok).toBe(true);
    for (const cursor of ['', 'has space', 'x'.repeat(121), '{"a":1}']) {
      const result = parse.threadMore({ page: '/a', cursor });
      expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'cursor' });
    }
  });

  it('takes a replies request by cursor or by skip, and refuses a negative skip', () => {
    expect(parse.threadReplies({ page: '/a', rootId: id, skip: 50 }).ok).toBe(true);
    expect(parse.threadReplies({ page: '/a', rootId: id, cursor: 'r:5' }).ok).toBe(true);
    const negative = parse.threadReplies({ page: '/a', rootId: id, skip: -1 });
    expect(!negative.ok && negative.error).toMatchObject({ field: 'skip', reason: 'too_short' });
    const missing = parse.threadReplies({ page: '/a' });
    expect(!missing.ok && missing.error).toMatchObject({ field: 'rootId', reason: 'missing' });
  });

  it('normalises an edit’s text like a create’s, and refuses an empty one', () => {
    expect(parse.commentEdit({ page: '/a', id, text: ' baru\r\n ' })).toEqual({ ok: true, value: { page: '/a', id, text: 'baru' } });
    const empty = parse.commentEdit({ page: '/a', id, text: '  ' });
    expect(!empty.ok && empty.error).toMatchObject({ field: 'text', reason: 'empty' });
  });

  it('takes a delete by id and a react with a boolean like, and nothing else', () => {
    expect(parse.commentDelete({ page: '/a', id }).ok).toBe(true);
    expect(parse.commentReact({ page: '/a', id, like: false })).toEqual({ ok: true, value: { page: '/a', id, like: false } });
    const truthy = parse.commentReact({ page: '/a', id, like: 'yes' });
    expect(!truthy.ok && truthy.error).toMatchObject({ field: 'like', reason: 'wrong_type' });
    const extra = parse.commentDelete({ page: '/a', id, text: 'x' });
    expect(!extra.ok && extra.error).toMatchObject({ field: 'text', reason: 'unknown_field' });
  });

  it('bounds the handshake’s SSO token by LIMITS.ssoTokenMax', () => {
    expect(parse.handshake({ site: 'demo', sso: 'a.b.c' }).ok).toBe(true);
    const huge = parse.handshake({ site: 'demo', sso: 'a'.repeat(LIMITS.ssoTokenMax + 1) });
    expect(!huge.ok && huge.error).toMatchObject({ field: 'sso', reason: 'too_long' });
  });
});
