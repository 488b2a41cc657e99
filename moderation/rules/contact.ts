import { quoteTerms } from '../messages.ts';
import { fromOriginal, originSpan, type Mapped } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

// Separators readers put between digits: spaces, dots, dashes, brackets, and "*", ",", "~", "_",
// "|", "/" or a bullet or dot operator to slip past filters.
const sep = '(?:[\\s.\\-–()*,~_|/•·⋅∙]|\\s(?:dot|titik|strip)\\s){0,3}';
// The marks that turn a digit into a keycap emoji ("0️⃣8️⃣1️⃣"): the digit is still read.
const keycap = '(?:\\uFE0F?\\u20E3)?';
// A digit, or a letter that passes for one in a number ("08I2 3344 55O6", "o8l2 3344 55o6", "08i2").
const digit = `[\\dIilOo]${keycap}`;
// Indonesian mobiles (08xx, +62 8xx, 62 8xx; "O8xx" or "o8xx" with a letter O) and any international number
// written with a "+". Not a date or a time that starts with 08 ("08.12.2024", "08.00-12.00"), nor
// the end of an identifier ("kapasitas_08_2024_10"), nor a date's month ("01.08.2024 10.12").
const dateSep = '[.:/_|•·⋅∙-]';
// A date or a time range has at most four groups: "08.57.66.12.34.01" goes on, so it is a number.
const notMobile = `8${dateSep}[0-5]\\d(?:(?!${dateSep}?\\d)|${dateSep}(?:\\d\\d|(?:19|20)\\d\\d)(?!\\d)(?!${dateSep}\\d\\d${dateSep}\\d))`;
const phone = new RegExp(
  `(?<![\\d+_])(?<!\\d${dateSep})(?:(?:\\+${sep}62|62|0(?!${notMobile})${keycap}|(?<![A-Za-z])[Oo])${sep}8${keycap}(?:${sep}${digit}){7,11}|\\+${sep}[1-9](?:${sep}\\d${keycap}){8,13})(?!\\d)`,
  'g',
);
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/giu;
const whatsappLink = /\bwa\.me\/\d+|\bapi\.whatsapp\.com\/\S+|\bchat\.whatsapp\.com\/\S+/gi;
// A chat handle named as a contact: "telegram @promo_slot", "IG: @jual.genset", "DM @admin".
// A number spelled partly in words after a contact word, to slip past digit patterns: "WA nol
// delapan satu dua 3456 7890". Nine or more digits in all, at least one of them a word.
// Words, digits and look-alike letters are mixed too, even run together: "nol8ll-1234-5678",
// "nol8 lima2 enam6". A number word ends where letters end; a look-alike letter (l, I, O for 1 and
// 0) counts only before another look-alike, a digit or a separator, so words such as "lokal" do not.
const numberWord = '(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|lapan|sembilan|zero|one|two|three|four|five|six|seven|eight|nine)';
const numberUnit = `(?:${numberWord}(?![a-z])|\\d${keycap}|[lio](?![a-hj-km-np-z]))`;
const unitSep = '[\\s.,~_|•·-]*';
const spelledNumber = new RegExp(
  `\\b(?:wa|whatsapp|hub|hubungi|telp|telpon|tlp|call|text|sms|kontak|contact|nomor|nomer|number|hp)\\b[\\s:.]*(?:ke\\s+)?(?:plus\\s+)?(?=[\\d\\s.,~_-]*${numberWord}(?![a-z]))(?:${numberWord}(?![a-z])|\\d)(?:${unitSep}${numberUnit}){8,}`,
  'gi',
);
// A mobile number spelled out from its start, with no contact word before it: "kosong delapan satu dua - tiga …".
const spelledMobile = new RegExp(`\\b(?:nol|kosong|zero)${unitSep}(?:delapan|lapan|eight|8)(?![a-z])(?:${unitSep}${numberUnit}){7,}`, 'gi');
const handle = /\b(?:telegram|tele|tg|ig|instagram|line|wa|whatsapp|dm|hubungi|contact|kontak)\s*[:-]?\s*@[a-z0-9_.]{3,}/gi;

function collect(re: RegExp, text: string, into: Span[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!into.some((s) => s.start < span.end && span.start < s.end)) into.push(span);
  }
}

function collectMapped(re: RegExp, m: Mapped, into: Span[]): void {
  re.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = re.exec(m.text)) !== null) {
    const span = originSpan(m, r.index, r.index + r[0].length);
    if (!into.some((s) => s.start < span.end && span.start < s.end)) into.push(span);
  }
}

// Spelled numbers need a number word for 0 or 8 (every Indonesian mobile number has both):
// looked up among the comment's words (already split) before the full pattern runs.
const zeroOrEight: ReadonlySet<string> = new Set(['nol', 'kosong', 'delapan', 'lapan', 'zero', 'eight']);
function mayHoldSpelledNumber(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    // n, k, d, l, z, e: the first letters of those words, so most words cost one comparison.
    const c = w.charCodeAt(0);
    if ((c === 110 || c === 107 || c === 100 || c === 108 || c === 122 || c === 101) && zeroOrEight.has(w)) return true;
  }
  return false;
}

function mayHoldWhatsappLink(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'whatsapp' || (w === 'wa' && words[i + 1] === 'me')) return true;
  }
  return false;
}

/**
 * Finds phone and WhatsApp numbers, e-mail addresses and chat handles named as a contact. `words`
 * are the text's words, normalized (the analysis has them), and `normalized` the normalized text;
 * without them the text is split here and read as it is.
 */
export function findContacts(
  text: string,
  words: readonly string[] = text.toLowerCase().split(/[^a-z]+/),
  normalized: Mapped = fromOriginal(text),
): Span[] {
  const spans: Span[] = [];
  if (text.indexOf('@') >= 0) collect(email, text, spans);
  // A WhatsApp link has the words "wa" and "me", or "whatsapp": asked of the words before the pattern runs.
  if (mayHoldWhatsappLink(words)) collect(whatsappLink, text, spans);
  if (text.indexOf('@') >= 0) collect(handle, text, spans);
  collect(phone, text, spans);
  // Digits written in other forms (fullwidth "０８１３", circled "⓪⑧", bold "𝟎𝟖") are plain digits
  // once normalized; only a text that normalizing changed is read again.
  if (spans.length === 0 && normalized.starts !== null) collectMapped(phone, normalized, spans);
  if (mayHoldSpelledNumber(words)) {
    collect(spelledNumber, text, spans);
    collect(spelledMobile, text, spans);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Holds comments that advertise a phone/WhatsApp number or an e-mail address ("hubungi WA 0812…"). */
export function createContactRule(p: Policy['contact']): Rule {
  return {
    id: 'contact',
    check({ text }, analysis): readonly Reason[] {
      const spans = findContacts(text, analysis.tokens.words, analysis.normalized);
      if (spans.length === 0) return noReasons;
      const found = quoteTerms(spans.map((s) => text.slice(s.start, s.end)));
      return [
        {
          rule: 'contact',
          action: p.action,
          message: {
            en: `The comment contains contact details, which are reviewed first: ${found}.`,
            id: `Komentar memuat kontak pribadi, yang diperiksa moderator dulu: ${found}.`,
          },
          spans,
        },
      ];
    },
  };
}
