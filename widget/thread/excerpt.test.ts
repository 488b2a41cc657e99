import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.ts';

describe('excerpt', () => {
  it('keeps a short text whole, on one line', () => {
    expect(excerpt('Halo\n\n  semua ')).toBe('Halo semua');
  });

  it('cuts a long text at a word boundary and says so with an ellipsis', () => {
    expect(excerpt('Hilirisasi nikel membuka lapangan kerja baru di Sulawesi', 30)).toBe('Hilirisasi nikel membuka…');
  });

  it('cuts a long word where it must', () => {
    expect(excerpt('a'.repeat(100), 10)).toBe(`${'a'.repeat(10)}…`);
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    expect(excerpt('🙂'.repeat(10), 10)).toBe('🙂'.repeat(10));
    expect(excerpt('🙂'.repeat(12), 10)).toBe(`${'🙂'.repeat(10)}…`);
  });
});
