import type { Policy } from '../policy.ts';
import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

/**
 * Holds an author's comments until `holdFirst` of them have been published (a moderator's
 * approval counts; held comments waiting in the queue do not), and says how many are left, so
 * a new reader knows the hold ends.
 */
export function createNewAuthorRule(p: Policy['newAuthor']): Rule {
  const found = (remaining: number): readonly Reason[] => [
    {
      rule: 'new-author',
      action: 'hold',
      message: {
        en: `A moderator reviews a new commenter's first ${p.holdFirst} ${p.holdFirst === 1 ? 'comment' : 'comments'} before ${p.holdFirst === 1 ? 'it appears' : 'they appear'}; ${remaining} to go.`,
        id: `Moderator memeriksa ${p.holdFirst} komentar pertama dari komentator baru sebelum ditampilkan; tinggal ${remaining} lagi.`,
      },
      spans: [],
    },
  ];
  return {
    id: 'new-author',
    check: ({ context }) => {
      const remaining = p.holdFirst - context.author.approvedCount;
      return remaining > 0 ? found(remaining) : noReasons;
    },
  };
}
