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

const GAMBLING = Promo.venue | Promo.loose | Promo.money | Promo.payout;

// A judol site's name: letters then a number ("ZEUSMANIA303", "DEWA88", "Naga303").
const siteName = /\b[A-Za-z]{3,12}\d{2,4}\b/g;

// A web address whose name says gambling: "slotmania.com", "gacor88.xyz", "situs-togel.net".
// The gambling word opens the name or a part of it after a digit or a hyphen ("timeslot.io" is not one).
const gamblingHost =
  /\b(?:[a-z0-9-]*[0-9-])?(?:slot|gacor|judi|judol|togel|casino|kasino|maxwin|sbobet|poker)[a-z0-9-]*\.[a-z]{2,}(?:\.[a-z]{2,})?\b/gi;

const hostWord = /slot|gacor|judi|judol|togel|casino|kasino|maxwin|sbobet|poker/i;

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
  let first = -1; // the first gambling word other than a bonus or a deposit ("bonus demografi")
  let search = -1; // "google"
  let pair: [number, number] | null = null;
  for (let j = 0; j < found.length && pair === null; j += 2) {
    const i = found[j] ?? 0;
    const kind = found[j + 1] ?? 0;
    if ((kind & Promo.search) !== 0) search = i;
    if ((kind & GAMBLING) === 0) continue;
    if (first < 0 && (kind & (Promo.venue | Promo.loose | Promo.payout)) !== 0) first = i;
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
  if ((money < 0 && first < 0 && search < 0) || reportWords.anyIn(words)) return null;
  const spans: Span[] = [];
  if (pair !== null) {
    for (const i of pair.sort((x, y) => x - y)) spans.push(wordSpan(a, i));
  } else {
    const m = money >= 0 ? matchAt(payout, text) : null;
    if (m !== null) spans.push(m);
    else {
      // A site name with a number beside a gambling word ("main di DEWA88, gacor"), or written in
      // capitals for a search ("ketik NAGA303 di google").
      const site = matchAt(siteName, text);
      const capitals = site !== null && text.slice(site.start, site.end) === text.slice(site.start, site.end).toUpperCase();
      const by = first >= 0 ? first : capitals ? search : -1;
      if (site !== null && by >= 0) spans.push(...[wordSpan(a, by), site].sort((x, y) => x.start - y.start));
    }
  }
  if (spans.length === 0) return null;
  return { spans, found: spans.map((s) => text.slice(s.start, s.end)) };
}

// A gambling site's address, unless the comment reports or warns about gambling ("Kominfo blokir slotmania.com").
function hostSpans(text: string, a: Analysis): { spans: Span[]; found: string[] } | null {
  // Most comments have a full stop; few have a gambling word: that test comes first and is cheap.
  if (!hostWord.test(text) || text.indexOf('.') < 0) return null;
  const m = matchAt(gamblingHost, text);
  if (m === null || reportWords.anyIn(a.tokens.words)) return null;
  return { spans: [m], found: [text.slice(m.start, m.end)] };
}

// Top-level helpers: a closure made inside a function costs a call per comment.
function wordSpan(a: Analysis, i: number): Span {
  return originSpan(a.normalized, a.tokens.starts[i] ?? 0, a.tokens.ends[i] ?? 0);
}

function matchAt(re: RegExp, text: string): Span | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m === null ? null : { start: m.index, end: m.index + m[0].length };
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
      const shape = shapeSpans(text, analysis) ?? hostSpans(text, analysis);
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
