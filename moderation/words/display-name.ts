import type { LexiconSource, TermSource } from './lexicon.ts';

/** English endings a listed stem takes in a display name: "Cunts United", "Pissed Reader". */
const englishEndings = ['', 's', 'es', 'er', 'ers', 'ed', 'ing', 'y'] as const;

/**
 * The lexicon source for display names: whole words only. Comment text also catches stems inside
 * words ("bullshitting") and English prefixes ("bitch*"); a name is a name, and real ones start with
 * those letters ("Shitara", "Pissarro"), so in names the stems and prefixes count only as whole words
 * with English endings. Indonesian affixed forms ("bangsatnya") are whole listed words already.
 */
export function displayNameSource(src: LexiconSource): LexiconSource {
  const extra: TermSource[] = [];
  for (const stem of [...src.profanityPrefixes, ...src.profanityContains]) {
    for (const e of englishEndings) {
      extra.push({ term: stem + e });
      // A vowel ending may double the last consonant: "shitty", "shitting".
      if (/^[eiy]/.test(e)) extra.push({ term: stem + stem.slice(-1) + e });
    }
  }
  return { ...src, profanity: [...src.profanity, ...extra], profanityPrefixes: [], profanityContains: [] };
}

const camelJoint = /(\p{Ll})(\p{Lu})/gu;

/** Splits a run-together display name at its capitals ("KontolKuda" → "Kontol Kuda"), so whole words show. */
export function displayNameWords(name: string): string {
  // An ASCII name without a lower-case letter before a capital has nothing to split: most names.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return name.replace(camelJoint, '$1 $2');
    if (c >= 65 && c <= 90 && i > 0) {
      const p = name.charCodeAt(i - 1);
      if (p >= 97 && p <= 122) return name.replace(camelJoint, '$1 $2');
    }
  }
  return name;
}
