import type { Policy } from '../policy.ts';
import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

/** Holds an author's comments until `holdFirst` of them have been approved. */
export function createNewAuthorRule(p: Policy['newAuthor']): Rule {
  const found: readonly Reason[] = [
    {
      rule: 'new-author',
      action: 'hold',
      message: {
        en: 'The first comments of a new commenter are reviewed by a moderator before they appear.',
        id: 'Komentar pertama dari komentator baru diperiksa moderator sebelum ditampilkan.',
      },
      spans: [],
    },
  ];
  return {
    id: 'new-author',
    check: ({ context }) => (context.author.approvedCount < p.holdFirst ? found : noReasons),
  };
}
