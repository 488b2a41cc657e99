import { quoteTerms } from '../messages.ts';
import { originSpan } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import type { Hit, LexKind } from '../words/lexicon.ts';
import { isMaskChar } from '../words/masked.ts';
import { noReasons, type Analysis, type Rule } from './rule.ts';

/** Whether any hit is of this kind and not read literally: most comments have none, and then nothing is allocated. */
export function hasKind(analysis: Analysis, kind: LexKind): boolean {
  for (const h of analysis.hits) if (h.entry.kind === kind && h.literal === undefined) return true;
  return false;
}

/** Original-text spans of the hits of one kind, and the original words they cover. */
export function hitSpans(text: string, analysis: Analysis, kind: LexKind): { spans: Span[]; found: string[] } {
  const spans: Span[] = [];
  const found: string[] = [];
  const { normalized, tokens } = analysis;
  for (const h of analysis.hits) {
    if (h.entry.kind !== kind || h.literal !== undefined) continue;
    const span = withTrailingMasks(text, hitSpan(analysis, h, normalized, tokens));
    if (spans.some((s) => s.start === span.start && s.end === span.end)) continue;
    spans.push(span);
    found.push(text.slice(span.start, span.end));
  }
  return outermost(spans, found);
}

/** Drops the spans that lie inside another ("Cek bio" inside "Cek bio saya"), with their words. */
export function outermost(spans: Span[], found: string[]): { spans: Span[]; found: string[] } {
  if (spans.length < 2) return { spans, found };
  const inside = (a: Span, b: Span): boolean => b.start <= a.start && b.end >= a.end && (b.start !== a.start || b.end !== a.end);
  const keep = spans.map((s) => !spans.some((o) => inside(s, o)));
  return { spans: spans.filter((_s, i) => keep[i]), found: found.filter((_f, i) => keep[i]) };
}

/** The original-text span of one hit. */
// "f***": the masks after the word's one letter are part of what the moderator is shown.
function withTrailingMasks(text: string, span: Span): Span {
  let end = span.end;
  while (end < text.length && end - span.end < 4 && isMaskChar(text.charCodeAt(end))) end++;
  return end === span.end ? span : { start: span.start, end };
}

export function hitSpan(_a: Analysis, h: Hit, normalized: Analysis['normalized'], tokens: Analysis['tokens']): Span {
  return originSpan(normalized, tokens.starts[h.from] ?? 0, tokens.ends[h.to - 1] ?? 0);
}

// The three word-list rules share one lexicon scan (the analysis). A word the site bans is
// reported once, as banned: the other two leave out what a banned span covers.

/** Rejects words and phrases on the site's banned list. */
export function createBannedWordRule(): Rule {
  return {
    id: 'banned-word',
    check({ text }, analysis): readonly Reason[] {
      if (!hasKind(analysis, 'banned')) return noReasons;
      const { spans, found } = hitSpans(text, analysis, 'banned');
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'banned-word',
          action: 'reject',
          message: {
            en: `The comment contains words this site does not allow: ${quoteTerms(found)}.`,
            id: `Komentar memuat kata yang dilarang di situs ini: ${quoteTerms(found)}.`,
          },
          spans,
        },
      ];
    },
  };
}

/** Holds words and phrases on the site's suspect list. */
export function createSuspectWordRule(): Rule {
  return {
    id: 'suspect-word',
    check({ text }, analysis): readonly Reason[] {
      if (!hasKind(analysis, 'suspect')) return noReasons;
      const { spans, found } = withoutBanned(text, analysis, 'suspect');
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'suspect-word',
          action: 'hold',
          message: {
            en: `The comment contains words this site reviews first: ${quoteTerms(found)}.`,
            id: `Komentar memuat kata yang diperiksa moderator dulu di situs ini: ${quoteTerms(found)}.`,
          },
          spans,
        },
      ];
    },
  };
}

/** The built-in English and Indonesian profanity: held, or rejected when the policy says so. */
export function createProfanityRule(p: Policy['words']): Rule {
  return {
    id: 'profanity',
    check({ text }, analysis): readonly Reason[] {
      if (!hasKind(analysis, 'profanity')) return noReasons;
      const { spans, found } = withoutBanned(text, analysis, 'profanity');
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'profanity',
          action: p.profanityAction,
          message: {
            en: `The comment contains profanity or an insult: ${quoteTerms(found)}.`,
            id: `Komentar memuat kata kasar atau makian: ${quoteTerms(found)}.`,
          },
          spans,
        },
      ];
    },
  };
}

function withoutBanned(text: string, analysis: Analysis, kind: LexKind): { spans: Span[]; found: string[] } {
  const mine = hitSpans(text, analysis, kind);
  if (!hasKind(analysis, 'banned')) return mine;
  const banned = hitSpans(text, analysis, 'banned').spans;
  if (banned.length === 0) return mine;
  const spans: Span[] = [];
  const found: string[] = [];
  mine.spans.forEach((s, i) => {
    if (banned.some((b) => b.start <= s.start && b.end >= s.end)) return;
    spans.push(s);
    found.push(mine.found[i] ?? '');
  });
  return { spans, found };
}
