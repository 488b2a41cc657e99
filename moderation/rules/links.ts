import { quoteTerms } from '../messages.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';
import { hasKind, hitSpans } from './words.ts';

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
      const bait = hasKind(analysis, 'bait') ? hitSpans(text, analysis, 'bait') : null;
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
