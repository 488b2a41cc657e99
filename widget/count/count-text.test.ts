import { describe, expect, it } from 'vitest';
import { countText } from './count-text.ts';

describe('countText', () => {
  it.each([
    [0, 'en', '0 comments'],
    [1, 'en', '1 comment'],
    [2, 'en', '2 comments'],
    [1234, 'en', '1,234 comments'],
    [0, 'id', '0 komentar'],
    [1, 'id', '1 komentar'],
    [12, 'id', '12 komentar'],
    [1234, 'id', '1.234 komentar'],
  ] as const)('says %i in %s as "%s"', (count, lang, text) => {
    expect(countText(count, lang)).toBe(text);
  });
});
