import { quoteTerms } from '../messages.ts';
import { originSpan } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { gamblingLooseWords, gamblingMoneyWords, gamblingPayoutWords, gamblingReportWords, gamblingVenueWords } from '../words/gambling.ts';
import type { Analysis } from './rule.ts';
import { hasKind, hitSpans } from './words.ts';
import { noReasons, type Rule } from './rule.ts';

// Each word's kind, as bits: a pair needs a gambling word and a money word that go together.
const VENUE = 1;
const LOOSE = 2;
const MONEY = 4;
const PAYOUT = 8;
const REPORT = 16;
const shapeWords = new Map<string, number>();
const mark = (list: readonly string[], kind: number): void => {
  for (const w of list) shapeWords.set(w, kind);
};
mark(gamblingVenueWords, VENUE);
mark(gamblingLooseWords, LOOSE);
mark(gamblingMoneyWords, MONEY);
mark(gamblingPayoutWords, PAYOUT);
mark(gamblingReportWords, REPORT);
// The first letters of those words: most words are passed over with one bit test, not a lookup.
let firstLetters = 0;
for (const w of shapeWords.keys()) firstLetters |= 1 << (w.charCodeAt(0) - 97);

/** A gambling word and a money word this many words apart or closer are one promotion. */
const SHAPE_WINDOW = 20;

// A win or a payout with its amount, the way judol spam boasts: "WD 12jt", "JP 5 juta", "maxwin 800rb".
const payout = /\b(?:wd|withdraw|jp|jackpot|maxwin)\s*(?:rp\.?\s*)?\d[\d.,]*\s*(?:jt|juta|rb|ribu|k)\b/gi;

/**
 * The words of a promotion told by its shape (words/gambling.ts): a gambling word with a money word
 * near it, or a payout with its amount, unless the comment reports or warns about gambling.
 */
function shapeSpans(text: string, a: Analysis): { spans: Span[]; found: string[] } | null {
  const words = a.tokens.words;
  let venue = -1; // the last venue word
  let loose = -1; // the last "gacor"
  let money = -1; // the last money word of either kind
  let payoutAt = -1; // the last payout word
  let pair: [number, number] | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const c = w.charCodeAt(0) - 97;
    if (c < 0 || c > 25 || (firstLetters & (1 << c)) === 0) continue;
    const kind = shapeWords.get(w);
    if (kind === undefined) continue;
    if (kind === REPORT) return null;
    if (pair !== null) continue;
    if (kind === VENUE) venue = i;
    else if (kind === LOOSE) loose = i;
    else {
      money = i;
      if (kind === PAYOUT) payoutAt = i;
    }
    if (venue >= 0 && money >= 0 && Math.abs(venue - money) <= SHAPE_WINDOW) pair = [venue, money];
    else if (loose >= 0 && payoutAt >= 0 && Math.abs(loose - payoutAt) <= SHAPE_WINDOW) pair = [loose, payoutAt];
  }
  const spans: Span[] = [];
  if (pair !== null) {
    for (const i of pair.sort((x, y) => x - y)) spans.push(originSpan(a.normalized, a.tokens.starts[i] ?? 0, a.tokens.ends[i] ?? 0));
  } else if (money >= 0) {
    payout.lastIndex = 0;
    const m = payout.exec(text);
    if (m !== null) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  if (spans.length === 0) return null;
  return { spans, found: spans.map((s) => text.slice(s.start, s.end)) };
}

/**
 * Holds comments that use online-gambling ("judol") promotion vocabulary (slot gacor, maxwin,
 * togel...) or its shape: a gambling word with a word about deposits, bonuses or withdrawals.
 */
export function createGamblingRule(p: Policy['gambling']): Rule {
  return {
    id: 'gambling',
    check({ text }, analysis): readonly Reason[] {
      const listed = hasKind(analysis, 'gambling') ? hitSpans(text, analysis, 'gambling') : null;
      const shape = shapeSpans(text, analysis);
      const spans = listed === null ? [] : [...listed.spans];
      const found = listed === null ? [] : [...listed.found];
      if (shape !== null) {
        shape.spans.forEach((s, i) => {
          if (spans.some((o) => o.start < s.end && s.start < o.end)) return;
          spans.push(s);
          found.push(shape.found[i] ?? '');
        });
      }
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'gambling',
          action: p.action,
          message: {
            en: `The comment looks like online-gambling promotion: ${quoteTerms(found)}.`,
            id: `Komentar tampak seperti promosi judi online: ${quoteTerms(found)}.`,
          },
          spans,
        },
      ];
    },
  };
}
