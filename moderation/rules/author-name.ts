import type { Reason } from '../types.ts';
import type { Rule } from './rule.ts';

/**
 * Holds a comment whose author's display name holds a listed word or a link; the display name is
 * shown beside the comment, so it is moderated too. Spans are empty: they index the text, not the name.
 */
export function createAuthorNameRule(nameHasListedTerm: (name: string) => boolean): Rule {
  const reason: Reason = {
    rule: 'author-name',
    action: 'hold',
    message: {
      en: 'Your display name contains a word or link that needs review.',
      id: 'Nama tampilan Anda memuat kata atau tautan yang perlu diperiksa.',
    },
    spans: [],
  };
  return { id: 'author-name', check: ({ authorName }) => (nameHasListedTerm(authorName) ? reason : null) };
}
