import { quoteTerms } from '../messages.ts';
import { originSpan } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { gamblingReportWords } from '../words/gambling.ts';
import { KindTable, Promo, promotionWords } from './links.ts';
import type { Analysis } from './rule.ts';
import { hasKind, hitSpans } from './words.ts';
import { noReasons, type Rule } from './rule.ts';

// Report words are looked for only once a shape is found (rarely).
const reportWords = new KindTable(gamblingReportWords.map((w) => [w, 1] as const));

/** A gambling word and a money word this many words apart or closer are one promotion. */
const SHAPE_WINDOW = 20;

// A win or a payout with its amount, the way judol spam boasts: "WD 12jt", "JP 5 juta", "maxwin 800rb".
const payout = /\b(?:wd|withdraw|jp|jackpot|maxwin)\s*(?:rp\.?\s*)?\d[\d.,]*\s*(?:jt|juta|rb|ribu|k)\b/gi;

/**
 * The words of a promotion told by its shape (words/gambling.ts): a gambling word with a money word
 * near it, or a payout with its amount, unless the comment reports or warns about gambling.
 */
function shapeSpans(text: string, a: Analysis): { spans: Span[]; found: string[] } | null {
  const found = promotionWords(a);
  if (found.length === 0) return null;
  const words = a.tokens.words;
  let venue = -1; // the last venue word
  let loose = -1; // the last "gacor"
  let money = -1; // the last money word of either kind
  let payoutAt = -1; // the last payout word
  let pair: [number, number] | null = null;
  for (let j = 0; j < found.length && pair === null; j += 2) {
    const i = found[j] ?? 0;
    const kind = found[j + 1] ?? 0;
    if ((kind & Promo.venue) !== 0) venue = i;
    if ((kind & Promo.loose) !== 0) loose = i;
    if ((kind & (Promo.money | Promo.payout)) !== 0) money = i;
    // Two payout words of judol slang together ("WD lancar, dijamin JP") need no gambling word;
    // two forms of one word ("withdraw", "withdrawal") are not two.
    if (
      (kind & Promo.payout) !== 0 &&
      payoutAt >= 0 &&
      (words[payoutAt] ?? '').charCodeAt(0) !== (words[i] ?? '').charCodeAt(0) &&
      i - payoutAt <= SHAPE_WINDOW
    )
      pair = [payoutAt, i];
    if ((kind & Promo.payout) !== 0) payoutAt = i;
    if (pair !== null) break;
    if (venue >= 0 && money >= 0 && Math.abs(venue - money) <= SHAPE_WINDOW) pair = [venue, money];
    else if (loose >= 0 && payoutAt >= 0 && Math.abs(loose - payoutAt) <= SHAPE_WINDOW) pair = [loose, payoutAt];
  }
  if (money < 0 || reportWords.anyIn(words)) return null;
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
      if (listed === null && shape === null) return noReasons;
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
