/**
 * What `<rembuk-count>` shows: "12 komentar", "1 comment", "12 comments". Indonesian has no
 * plural form (Intl.PluralRules says `other` for every number), English has `one` and `other`;
 * the number itself is grouped the language's way ("1.234 komentar", "1,234 comments").
 */
import type { Lang } from '../i18n.ts';

const NOUNS: Record<Lang, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  id: { other: 'komentar' },
  en: { one: 'comment', other: 'comments' },
};

/** The count as a short phrase in `lang`. */
export function countText(count: number, lang: Lang): string {
  const nouns = NOUNS[lang];
  const noun = nouns[new Intl.PluralRules(lang).select(count)] ?? nouns.other;
  return `${new Intl.NumberFormat(lang).format(count)} ${noun}`;
}
