import { quoteTerms } from '../messages.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { originSpan } from '../normalize/mapped.ts';
import { guaranteeWords, returnWarningWords, returnWords, signUpWords } from '../words/bait.ts';
import { noReasons, type Analysis, type Rule } from './rule.ts';
import { hasKind, hitSpans } from './words.ts';

// The words of a promised return (words/bait.ts), as bits.
const GUARANTEE = 1;
const RETURN = 2;
const SIGN_UP = 4;
const WARNING = 8;
const PERCENT = 16;
const DEPOSIT = 32;
const BALIK = 64;
const returnShape = new Map<string, number>();
const mark = (list: readonly string[], kind: number): void => {
  for (const w of list) returnShape.set(w, kind);
};
mark(guaranteeWords, GUARANTEE);
mark(returnWords, RETURN);
mark(signUpWords, SIGN_UP);
mark(returnWarningWords, WARNING);
mark(['persen', 'percent'], PERCENT);
mark(['setor', 'transfer', 'tf', 'depo', 'deposit'], DEPOSIT);
mark(['balik'], BALIK);

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
const moneyForMoney = new RegExp(
  `\\b(?:setor|transfer|tf|depo|deposit)\\s{0,2}${amount}[^.!?\\n]{0,30}?\\b(?:terima|dapat|dapet|jadi|cair|balik|get|receive)\\s{0,2}${amount}`,
  'i',
);

/**
 * A promised return told by its shape: a guarantee word a few words from a return, a share per
 * period with a call to get in touch, or money paid in for more money out; none when the
 * comment warns about such offers. Returns the spans of the words that make it.
 */
function promisedReturn(text: string, a: Analysis): Span[] | null {
  const words = a.tokens.words;
  let seen = 0;
  let guarantee = -1;
  let ret = -1;
  let retTo = -1;
  let signUp = -1;
  for (let i = 0; i < words.length; i++) {
    const kind = returnShape.get(words[i] ?? '');
    if (kind === undefined) continue;
    if (kind === WARNING) return null;
    seen |= kind;
    if (kind === GUARANTEE && guarantee < 0) guarantee = i;
    else if (kind === RETURN && ret < 0) [ret, retTo] = [i, i + 1];
    else if (kind === BALIK && ret < 0 && words[i + 1] === 'modal') [ret, retTo] = [i, i + 2];
    else if (kind === SIGN_UP && signUp < 0) signUp = i;
  }
  const wordSpan = (from: number, to: number): Span => originSpan(a.normalized, a.tokens.starts[from] ?? 0, a.tokens.ends[to - 1] ?? 0);
  const matchSpan = (m: RegExpExecArray | null): Span | null => (m === null ? null : { start: m.index, end: m.index + m[0].length });
  if ((seen & DEPOSIT) !== 0) {
    const pyramid = matchSpan(moneyForMoney.exec(text));
    if (pyramid !== null) return [pyramid];
  }
  // A guaranteed return is a pitch when it comes quickly or with a call to get in touch: "12% return
  // guaranteed by the state" over 25 years is a power purchase agreement.
  if (guarantee >= 0 && ret >= 0 && Math.abs(guarantee - ret) <= GUARANTEE_WINDOW && (signUp >= 0 || quickly.test(text))) {
    return [wordSpan(guarantee, guarantee + 1), wordSpan(ret, retTo)];
  }
  if (signUp < 0 || ((seen & PERCENT) === 0 && text.indexOf('%') < 0)) return null;
  const share = matchSpan(perPeriod.exec(text));
  return share === null ? null : [share, wordSpan(signUp, signUp + 1)];
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
      const bait = hasKind(analysis, 'bait') ? hitSpans(text, analysis, 'bait') : { spans: [], found: [] };
      const promised = promisedReturn(text, analysis);
      if (promised !== null) {
        for (const s of promised) if (!bait.spans.some((o) => o.start < s.end && s.start < o.end)) bait.spans.push(s);
        // In the order of the text, the listed phrases and the shape's words together.
        bait.spans.sort((a, b) => a.start - b.start);
        bait.found = bait.spans.map((s) => text.slice(s.start, s.end));
      }
      const baitReason: Reason | null =
        bait.spans.length === 0
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
