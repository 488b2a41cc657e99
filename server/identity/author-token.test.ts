import { describe, expect, it } from 'vitest';
import { createAuthorTokens } from './author-token.ts';

const tokens = createAuthorTokens(new Uint8Array(32).fill(7));

describe('author tokens', () => {
  it('verifies a token it issued for the same site', () => {
    const id = tokens.newAuthorId();
    expect(tokens.verify('demo', tokens.issue('demo', id))).toBe(id);
  });

  it('refuses a token issued for another site', () => {
    const id = tokens.newAuthorId();
    expect(tokens.verify('other', tokens.issue('demo', id))).toBeNull();
  });

  it('refuses a token whose author id was swapped', () => {
    const token = tokens.issue('demo', tokens.newAuthorId());
    const [v, , sig] = token.split('.');
    expect(tokens.verify('demo', `${v}.${tokens.newAuthorId()}.${sig}`)).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const other = createAuthorTokens(new Uint8Array(32).fill(8));
    const id = other.newAuthorId();
    expect(tokens.verify('demo', other.issue('demo', id))).toBeNull();
  });

  it.each(['', 'garbage', 'v1..', 'v2.abcdefghijklmnopqrst.sig', 'v1.short.sig', 'v1.a.b.c'])('refuses the malformed token %j', (token) => {
    expect(tokens.verify('demo', token)).toBeNull();
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createAuthorTokens(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});
