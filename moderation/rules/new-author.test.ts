import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import type { AuthorContext } from '../types.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('new-author rule', () => {
  const rows: readonly [string, PolicyInput, Partial<AuthorContext>, string][] = [
    ['holds a new author while under the threshold', { newAuthor: { holdFirst: 3 } }, { approvedCount: 2 }, 'hold'],
    ['publishes an author past the threshold', { newAuthor: { holdFirst: 3 } }, { approvedCount: 3 }, 'publish'],
    ['does not hold new authors by default', {}, { approvedCount: 0 }, 'publish'],
    ['lets a trusted new author through', { newAuthor: { holdFirst: 3 } }, { approvedCount: 0, trusted: true }, 'publish'],
  ];
  it.each(rows)('%s', (_name, policy, author, action) => {
    expect(ruleOutcome('new-author', 'Komentar biasa tentang tarif listrik.', policy, { author }).action).toBe(action);
  });

  it('says how many approved comments remain before the hold ends, in both languages', () => {
    const held = ruleOutcome(
      'new-author',
      'Komentar biasa tentang tarif listrik.',
      { newAuthor: { holdFirst: 3 } },
      { author: { approvedCount: 1 } },
    );
    expect(held.reasons.map((r) => r.message)).toEqual([
      {
        en: "A moderator reviews a new commenter's first 3 comments before they appear; 2 to go.",
        id: 'Moderator memeriksa 3 komentar pertama dari komentator baru sebelum ditampilkan; tinggal 2 lagi.',
      },
    ]);
    const one = ruleOutcome('new-author', 'Komentar biasa.', { newAuthor: { holdFirst: 1 } }, { author: { approvedCount: 0 } });
    expect(one.reasons[0]?.message.en).toBe("A moderator reviews a new commenter's first 1 comment before it appears; 1 to go.");
  });
});
