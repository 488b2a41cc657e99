import { quoteTerms } from '../messages.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { originSpan } from '../normalize/mapped.ts';
import { WordTable } from '../words/word-table.ts';
import { guaranteeWords, returnWarningWords, returnWords, signUpWords } from '../words/bait.ts';
import { gamblingLooseWords, gamblingMoneyWords, gamblingPayoutWords, gamblingVenueWords } from '../words/gambling.ts';
import { noReasons, type Analysis, type Rule } from './rule.ts';
import { hasKind, hitSpans } from './words.ts';

/**
 * Words a table gives a kind to (bits), for the per-word scans of the spam rules. Every word of
 * every comment is asked, so a miss (nearly every word) is settled by two integer tests: the
 * lengths of the listed words by their first two letters.
 */
export class KindTable {
  private readonly table: WordTable<number>;
  private readonly masks = new Uint32Array(26 * 26);

  constructor(entries: Iterable<readonly [string, number]>) {
    const kinds = new Map<string, number>();
    for (const [w, k] of entries) kinds.set(w, (kinds.get(w) ?? 0) | k);
    this.table = new WordTable(kinds);
    for (const w of kinds.keys()) {
      const p = pairOf(w);
      if (p >= 0) this.masks[p] = (this.masks[p] ?? 0) | (1 << Math.min(w.length, 31));
    }
  }

  /** The word's kinds, 0 when it is not listed. */
  get(w: string): number {
    const p = pairOf(w);
    if (p < 0 || ((this.masks[p] ?? 0) & (1 << Math.min(w.length, 31))) === 0) return 0;
    return this.table.get(w) ?? 0;
  }

  /** Whether any of the words is listed. */
  anyIn(words: readonly string[]): boolean {
    for (let i = 0; i < words.length; i++) if (this.get(words[i] ?? '') !== 0) return true;
    return false;
  }
}

function pairOf(w: string): number {
  const a = w.charCodeAt(0) - 97;
  const b = w.charCodeAt(1) - 97;
  return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
}

/**
 * Kinds of the words a promotion is told by, as bits (a word may have several): those of a promised
 * return (words/bait.ts) for the links rule, and those of gambling promotion (words/gambling.ts) for
 * the gambling rule.
 */
export const Promo = {
  guarantee: 1,
  return: 2,
  signUp: 4,
  percent: 8,
  deposit: 16,
  balik: 32,
  venue: 64,
  loose: 128,
  money: 256,
  payout: 512,
  join: 1024,
  search: 2048,
} as const;

const entries: [string, number][] = [];
const mark = (list: readonly string[], kind: number): void => {
  for (const w of list) entries.push([w, kind]);
};
mark(guaranteeWords, Promo.guarantee);
mark(returnWords, Promo.return);
mark(signUpWords, Promo.signUp);
mark(['persen', 'percent'], Promo.percent);
mark(['setor', 'transfer', 'tf', 'depo', 'deposit', 'invest', 'investasi', 'modal'], Promo.deposit);
// Calls to join in, for money paid in for more out ("ayo gabung, setor 500rb terima 5 juta");
// "ikut" is left out: "saya ikut arisan, setor 500rb dapat 5 juta" is a reader's own arisan.
mark(['gabung', 'join', 'ayo', 'yuk', 'buruan'], Promo.join);
mark(['balik'], Promo.balik);
mark(gamblingVenueWords, Promo.venue);
mark(gamblingLooseWords, Promo.loose);
mark(gamblingMoneyWords, Promo.money);
mark(gamblingPayoutWords, Promo.payout);
// "ketik NAGA303 di google": a site named for a search, the way judol spam avoids writing links.
mark(['google'], Promo.search);
const promoWords = new KindTable(entries);
// Warning words are looked for only once a shape is found (rarely).
const warningWords = new KindTable(returnWarningWords.map((w) => [w, 1] as const));

// The last comment scanned and what was found: the links and gambling rules ask for the same
// comment one after the other, and one pass over its words serves both.
let scannedFor: Analysis | null = null;
let scanned: readonly number[] = [];
const nothing: readonly number[] = [];

/** The promotion words of a comment, flat: position, kinds, position, kinds… (usually none). */
export function promotionWords(a: Analysis): readonly number[] {
  if (a === scannedFor) return scanned;
  const words = a.tokens.words;
  let found: number[] | null = null;
  for (let i = 0; i < words.length; i++) {
    const k = promoWords.get(words[i] ?? '');
    if (k !== 0) (found ??= []).push(i, k);
  }
  scannedFor = a;
  scanned = found ?? nothing;
  return scanned;
}

const { guarantee: GUARANTEE, return: RETURN, signUp: SIGN_UP, percent: PERCENT, deposit: DEPOSIT, balik: BALIK, join: JOIN } = Promo;

/** A guarantee word this many words from a return word or closer promises it ("profit 30% per bulan dijamin"). */
const GUARANTEE_WINDOW = 3;

// A share per month, week or day ("30% per bulan", "40% monthly", "5 persen seminggu").
const perPeriod =
  /\b\d{1,3}(?:[.,]\d{1,2})?\s{0,2}(?:%|persen\b|percent\b)\s{0,2}(?:(?:per|a|tiap|setiap|each|every|\/)\s{0,2})?(?:bulan|bln|minggu|mgg|hari|month|week|day|monthly|weekly|daily|sebulan|seminggu|sehari)\b/i;
// A short time or a period that is not a year: "1 bulan", "2 minggu", "every month", "monthly".
const quickly =
  /\b(?:\d{1,2}\s{0,2}(?:bulan|bln|minggu|mgg|hari|months?|weeks?|days?)|(?:per|tiap|setiap|every|each|a)\s{0,2}(?:bulan|minggu|hari|month|week|day)|monthly|weekly|daily|sebulan|seminggu|sehari)\b/i;
// Money paid in for more money out, the shape of a pyramid ("setor 500rb terima 5 juta").
const amount = '(?:rp\\.?\\s{0,2}\\d[\\d.,]{0,12}|\\d[\\d.,]{0,9}\\s{0,2}(?:rb|ribu|k|jt|juta)\\b)';
// Held with a call to join or get in touch, or a payout within hours or days: paying in monthly
// and receiving the pot once is an ordinary arisan.
const moneyForMoney = new RegExp(
  `\\b(?:setor|transfer|tf|depo|deposit|invest|investasi|modal)\\s{0,2}${amount}[^.!?\\n]{0,30}?\\b(?:terima|dapat|dapet|jadi|cair|balik|get|receive)\\s{0,2}${amount}`,
  'i',
);

const fastPayout =
  /\b(?:dalam|cuma|hanya|in|within)\s{0,2}(?:\d{1,2}\s{0,2}(?:jam|hari|minggu|hours?|days?|weeks?)|seminggu|sehari|sejam|semalam|a week|a day)\b|\b\d\s{0,2}x\s{0,2}24\s{0,2}jam\b/i;

// Helpers at the top level: a closure made inside a function costs a call per comment.
function wordSpan(a: Analysis, from: number, to: number): Span {
  return originSpan(a.normalized, a.tokens.starts[from] ?? 0, a.tokens.ends[to - 1] ?? 0);
}

function matchSpan(m: RegExpExecArray | null): Span | null {
  return m === null ? null : { start: m.index, end: m.index + m[0].length };
}

/**
 * A promised return told by its shape: a guarantee word a few words from a return, a share per
 * period with a call to get in touch, or money paid in for more money out; none when the
 * comment warns about such offers. Returns the spans of the words that make it.
 */
function promisedReturn(text: string, a: Analysis): Span[] | null {
  const found = promotionWords(a);
  if (found.length === 0) return null;
  const words = a.tokens.words;
  let seen = 0;
  let guarantee = -1;
  let ret = -1;
  let retTo = -1;
  let signUp = -1;
  for (let j = 0; j < found.length; j += 2) {
    const i = found[j] ?? 0;
    const kind = found[j + 1] ?? 0;
    seen |= kind;
    if ((kind & GUARANTEE) !== 0 && guarantee < 0) guarantee = i;
    if ((kind & RETURN) !== 0 && ret < 0) [ret, retTo] = [i, i + 1];
    if ((kind & BALIK) !== 0 && ret < 0 && words[i + 1] === 'modal') [ret, retTo] = [i, i + 2];
    if ((kind & SIGN_UP) !== 0 && signUp < 0) signUp = i;
  }
  // Every shape needs one of these; most comments have none, and the warning words are not looked for.
  if ((seen & (DEPOSIT | GUARANTEE | SIGN_UP)) === 0 || warningWords.anyIn(words)) return null;
  if ((seen & DEPOSIT) !== 0 && ((seen & (JOIN | SIGN_UP)) !== 0 || fastPayout.test(text))) {
    const pyramid = matchSpan(moneyForMoney.exec(text));
    if (pyramid !== null) return [pyramid];
  }
  // A guaranteed return is a pitch when it comes quickly or with a call to get in touch: "12% return
  // guaranteed by the state" over 25 years is a power purchase agreement.
  if (guarantee >= 0 && ret >= 0 && Math.abs(guarantee - ret) <= GUARANTEE_WINDOW && (signUp >= 0 || quickly.test(text))) {
    return [wordSpan(a, guarantee, guarantee + 1), wordSpan(a, ret, retTo)];
  }
  if (signUp < 0 || ((seen & PERCENT) === 0 && text.indexOf('%') < 0)) return null;
  const share = matchSpan(perPeriod.exec(text));
  return share === null ? null : [share, wordSpan(a, signUp, signUp + 1)];
}

// The listed bait phrases and the words of a promised return, in the order of the text.
function withPromised(text: string, listed: { spans: Span[] } | null, promised: readonly Span[]): { spans: Span[]; found: string[] } {
  const spans = listed === null ? [] : [...listed.spans];
  for (const s of promised) if (!spans.some((o) => o.start < s.end && s.start < o.end)) spans.push(s);
  spans.sort((a, b) => a.start - b.start);
  return { spans, found: spans.map((s) => text.slice(s.start, s.end)) };
}

/** Link shorteners hide where a link goes, so a link through one is held by default. */
export const defaultShorteners: readonly string[] = [
  'bit.ly',
  // a Telegram invitation: where it leads is a chat, not a page
  't.me',
  'bitly.com',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'v.gd',
  's.id',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  't.ly',
  'tiny.cc',
  'lnkd.in',
  'buff.ly',
  'rebrand.ly',
  'shorte.st',
  'adf.ly',
  'linktr.ee',
  'heylink.me',
  'lynk.id',
  'bit.do',
  'x.co',
  'u.to',
];

// Explicit URLs, or bare host names ending in a top-level domain that spam actually uses; a bare
// "hasil.ini" (a missing space after a full stop) is not a link.
const tlds =
  'com|net|org|id|io|ly|co|info|xyz|site|online|top|club|vip|link|gg|biz|asia|app|shop|store|live|pro|cc|tv|ws|ru|cn|uk|me|gd|do|ee|at|in|to|sh|icu|fun|cyou|lol|bet|casino|win';
const linkPattern = new RegExp(
  `(?:\\bhttps?:\\/\\/|\\bwww\\.)[^\\s<>"'()]+|(?<![\\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${tlds})\\b(?![.@-]?\\w)(?:\\/[^\\s<>"'()]*)?`,
  'gi',
);

/** A link found in the text, with the host it points to. */
export interface FoundLink {
  readonly span: Span;
  readonly host: string;
}

/** Finds links (with or without a scheme) and the host of each. */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  linkPattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = linkPattern.exec(text)) !== null) {
    let raw = m[0].replace(/[.,;:!?]+$/, '');
    const start = m.index;
    const end = start + raw.length;
    raw = raw.toLowerCase().replace(/^https?:\/\//, '');
    const host = (raw.split(/[/?#:]/)[0] ?? '').replace(/^www\./, '');
    out.push({ span: { start, end }, host });
  }
  return out;
}

/** Cheap pre-check: a link needs a dot with a letter or digit on both sides ("x.com", "bit.ly"). */
export function mayHoldLink(text: string): boolean {
  for (let i = text.indexOf('.'); i > 0; i = text.indexOf('.', i + 1)) {
    if (isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 0x7f;
}

function onList(host: string, list: ReadonlySet<string>): boolean {
  if (list.has(host)) return true;
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
    if (list.has(host.slice(i + 1))) return true;
  }
  return false;
}

/**
 * Links: a denied domain rejects (by default), a shortener holds, and more than `max` links to
 * domains not on the allow list hold. Links to allowed domains never count.
 */
export function createLinksRule(p: Policy['links']): Rule {
  const allow = new Set(p.allowDomains);
  const deny = new Set(p.denyDomains);
  const shorteners = new Set([...defaultShorteners, ...p.shorteners]);
  return {
    id: 'links',
    check({ text }, analysis): readonly Reason[] {
      const listed = hasKind(analysis, 'bait') ? hitSpans(text, analysis, 'bait') : null;
      const promised = promisedReturn(text, analysis);
      const bait = promised === null ? listed : withPromised(text, listed, promised);
      const baitReason: Reason | null =
        bait === null || bait.spans.length === 0
          ? null
          : {
              rule: 'links',
              action: p.action,
              message: {
                en: `The comment sends readers to a profile, group or offer elsewhere: ${quoteTerms(bait.found)}.`,
                id: `Komentar mengarahkan pembaca ke profil, grup, atau tawaran di tempat lain: ${quoteTerms(bait.found)}.`,
              },
              spans: bait.spans,
            };
      if (!mayHoldLink(text)) return baitReason === null ? noReasons : [baitReason];
      const links = findLinks(text);
      if (links.length === 0) return baitReason === null ? noReasons : [baitReason];
      const denied: FoundLink[] = [];
      const short: FoundLink[] = [];
      const counted: FoundLink[] = [];
      for (const l of links) {
        if (onList(l.host, allow)) continue;
        if (onList(l.host, deny)) denied.push(l);
        else if (shorteners.has(l.host)) short.push(l);
        counted.push(l);
      }
      const reasons: Reason[] = [];
      if (denied.length > 0) {
        const hosts = quoteTerms(denied.map((l) => l.host));
        reasons.push({
          rule: 'links',
          action: p.denyAction,
          message: {
            en: `The comment links to a site that is not allowed here: ${hosts}.`,
            id: `Komentar memuat tautan ke situs yang tidak diizinkan: ${hosts}.`,
          },
          spans: denied.map((l) => l.span),
        });
      }
      if (short.length > 0) {
        reasons.push({
          rule: 'links',
          action: p.shortenerAction,
          message: {
            en: `The comment uses a link shortener, which hides where the link goes: ${quoteTerms(short.map((l) => l.host))}.`,
            id: `Komentar memakai penyingkat tautan yang menyembunyikan alamat tujuannya: ${quoteTerms(short.map((l) => l.host))}.`,
          },
          spans: short.map((l) => l.span),
        });
      }
      if (counted.length > p.max) {
        reasons.push({
          rule: 'links',
          action: p.action,
          message:
            p.max === 0
              ? {
                  en: `Links are reviewed by a moderator on this site: ${quoteTerms(counted.map((l) => l.host))}.`,
                  id: `Tautan diperiksa moderator dulu di situs ini: ${quoteTerms(counted.map((l) => l.host))}.`,
                }
              : {
                  en: `The comment has ${counted.length} links (${quoteTerms(counted.map((l) => l.host))}); at most ${p.max} are published without review.`,
                  id: `Komentar memuat ${counted.length} tautan (${quoteTerms(counted.map((l) => l.host))}); paling banyak ${p.max} tautan ditampilkan tanpa pemeriksaan.`,
                },
          spans: counted.map((l) => l.span),
        });
      }
      if (baitReason !== null) reasons.push(baitReason);
      return reasons;
    },
  };
}
