import { analyze } from '../analyze.ts';
import { quoteTerms } from '../messages.ts';
import { originSpan } from '../normalize/mapped.ts';
import type { Reason } from '../types.ts';
import { displayNameSource, displayNameWords } from '../words/display-name.ts';
import { compileLexicon, type Lexicon, type LexiconSource } from '../words/lexicon.ts';
import { findLinks, mayHoldLink } from './links.ts';
import { noReasons, type Rule } from './rule.ts';

/**
 * Holds a comment whose author's display name holds a listed word or a link; the display name is
 * shown beside the comment, so it is moderated too. The message quotes what was found in the name;
 * spans are empty, since they index the text, not the name.
 */
export function createAuthorNameRule(listedTermsInName: (name: string) => readonly string[]): Rule {
  return {
    id: 'author-name',
    check({ authorName }): readonly Reason[] {
      const found = listedTermsInName(authorName);
      if (found.length === 0) return noReasons;
      return [
        {
          rule: 'author-name',
          action: 'hold',
          message: {
            en: `Your display name contains a word or link that needs review: ${quoteTerms(found)}.`,
            id: `Nama tampilan Anda memuat kata atau tautan yang perlu diperiksa: ${quoteTerms(found)}.`,
          },
          spans: [],
        },
      ];
    },
  };
}

/**
 * The name check for the policy's word lists: the listed words (except suspect and attack ones,
 * and words read literally) and the links in a display name, as written there.
 */
export function listedTermInName(source: LexiconSource): (name: string) => readonly string[] {
  // Names match whole words (and affixed forms), not stems inside words: "Shitara" is a surname.
  const nameLexicon = compileLexicon(displayNameSource({ ...source, attack: [], bait: [] }));
  // The same display name comes with every comment its author posts, so the answers for the
  // names seen last are kept (the check is pure: same name, same answer). Bounded: cleared when full.
  const seen = new Map<string, readonly string[]>();
  return (name) => {
    const known = seen.get(name);
    if (known !== undefined) return known;
    const found = termsInName(nameLexicon, name);
    if (seen.size >= NAMES_KEPT) seen.clear();
    seen.set(name, found);
    return found;
  };
}

/** How many display names' answers are kept. */
const NAMES_KEPT = 1024;

function termsInName(nameLexicon: Lexicon, name: string): readonly string[] {
  if (name.length === 0) return [];
  const split = displayNameWords(name);
  const a = analyze(nameLexicon, split);
  const found: string[] = [];
  for (const h of a.hits) {
    // A display name is all capitals and names, so a name or place reading says nothing there.
    if (h.entry.kind === 'suspect' || (h.literal !== undefined && h.literal.kind !== 'name' && h.literal.kind !== 'place')) continue;
    const span = originSpan(a.normalized, a.tokens.starts[h.from] ?? 0, a.tokens.ends[h.to - 1] ?? 0);
    found.push(split.slice(span.start, span.end));
  }
  // The comment text's pre-check too: without a dot between letters or digits there is no link.
  if (mayHoldLink(name)) for (const l of findLinks(name)) found.push(name.slice(l.span.start, l.span.end));
  return found;
}
