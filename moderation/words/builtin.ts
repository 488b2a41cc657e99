import type { Policy } from '../policy.ts';
import { allowPhrases, allowWords } from './allowlist.ts';
import { baitPhrases } from './bait.ts';
import { attackIdioms, englishAimed, englishStandalone, indonesianAimed, indonesianStandalone } from './attacks.ts';
import { englishContains, englishTerms } from './english.ts';
import { gamblingTerms } from './gambling.ts';
import { affixedForms, chatSpellings, indonesianAbbreviations, indonesianContains, indonesianStems } from './indonesian.ts';
import type { LexiconSource, TermSource } from './lexicon.ts';
import { literalSenses } from './literal-sense.ts';
import { englishMild, indonesianMild } from './mild.ts';

/** Puts the built-in lists and a site's own lists together, as the policy asks. */
export function lexiconSourceFor(p: Policy): LexiconSource {
  const profanity: TermSource[] = [];
  const prefixes: string[] = [];
  const contains: string[] = [];
  const withLiteral = (term: string, key: string): TermSource => {
    const literal = literalSenses[key];
    return literal === undefined ? { term } : { term, literal };
  };
  if (p.words.english) {
    const en = englishTerms();
    for (const t of en.exact) profanity.push(withLiteral(t, t));
    prefixes.push(...en.prefixes);
    contains.push(...englishContains);
    if (p.words.mild) for (const t of englishMild) profanity.push(withLiteral(t, t));
  }
  if (p.words.indonesian) {
    for (const stem of indonesianStems) for (const form of affixedForms(stem)) profanity.push(withLiteral(form, stem));
    for (const stem of indonesianStems) for (const form of chatSpellings(stem)) profanity.push(withLiteral(form, stem));
    for (const t of indonesianAbbreviations) profanity.push({ term: t });
    contains.push(...indonesianContains);
    if (p.words.mild) for (const t of indonesianMild) profanity.push({ term: t });
  }
  const attack: { term: string; standalone: boolean }[] = [];
  if (p.personalAttack.enabled) {
    const put = (terms: readonly string[], standalone: boolean): void => {
      for (const term of terms) attack.push({ term, standalone });
    };
    if (p.words.english) {
      put(englishAimed, false);
      put(englishStandalone, true);
    }
    if (p.words.indonesian) {
      put(indonesianAimed, false);
      put(indonesianStandalone, true);
    }
  }
  return {
    profanity,
    profanityPrefixes: prefixes,
    profanityContains: contains,
    banned: p.words.banned,
    suspect: p.words.suspect,
    attack,
    bait: p.links.enabled ? baitPhrases : [],
    stemLiteral: literalSenses,
    gambling: p.gambling.enabled ? [...gamblingTerms, ...p.gambling.terms] : [],
    allowWords: [...allowWords, ...p.words.allow.filter((w) => !/\s/.test(w.trim()))],
    allowPhrases: [...allowPhrases, ...(attack.length > 0 ? attackIdioms : []), ...p.words.allow.filter((w) => /\s/.test(w.trim()))],
    literalSense: p.words.literalSense,
  };
}
