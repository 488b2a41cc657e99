import { analyze } from '../analyze.ts';
import type { Reason } from '../types.ts';
import { displayNameSource, displayNameWords } from '../words/display-name.ts';
import { compileLexicon, type LexiconSource } from '../words/lexicon.ts';
import { findLinks } from './links.ts';
import { noReasons, type Rule } from './rule.ts';

/**
 * Holds a comment whose author's display name holds a listed word or a link; the display name is
 * shown beside the comment, so it is moderated too. Spans are empty: they index the text, not the name.
 */
export function createAuthorNameRule(nameHasListedTerm: (name: string) => boolean): Rule {
  const found: readonly Reason[] = [
    {
      rule: 'author-name',
      action: 'hold',
      message: {
        en: 'Your display name contains a word or link that needs review.',
        id: 'Nama tampilan Anda memuat kata atau tautan yang perlu diperiksa.',
      },
      spans: [],
    },
  ];
  return { id: 'author-name', check: ({ authorName }) => (nameHasListedTerm(authorName) ? found : noReasons) };
}

/** The name check for the policy's word lists: any listed word except a suspect one, or a link. */
export function listedTermInName(source: LexiconSource): (name: string) => boolean {
  // Names match whole words (and affixed forms), not stems inside words: "Shitara" is a surname.
  const nameLexicon = compileLexicon(displayNameSource(source));
  return (name) => {
    if (name.length === 0) return false;
    const hits = analyze(nameLexicon, displayNameWords(name)).hits;
    return hits.some((h) => h.entry.kind !== 'suspect') || findLinks(name).length > 0;
  };
}
