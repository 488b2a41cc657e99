import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

const sep = '[\\s.\\-–()]{0,2}';
// Indonesian mobiles (08xx, +62 8xx, 62 8xx) and any international number written with a "+".
const phone = new RegExp(`(?<![\\d+])(?:(?:\\+${sep}62|62|0)${sep}8(?:${sep}\\d){7,11}|\\+${sep}[1-9](?:${sep}\\d){8,13})(?!\\d)`, 'g');
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/giu;
const whatsappLink = /\bwa\.me\/\d+|\bapi\.whatsapp\.com\/\S+|\bchat\.whatsapp\.com\/\S+/gi;

function collect(re: RegExp, text: string, into: Span[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!into.some((s) => s.start < span.end && span.start < s.end)) into.push(span);
  }
}

/** Finds phone and WhatsApp numbers and e-mail addresses. */
export function findContacts(text: string): Span[] {
  const spans: Span[] = [];
  if (text.indexOf('@') >= 0) collect(email, text, spans);
  collect(whatsappLink, text, spans);
  collect(phone, text, spans);
  return spans.sort((a, b) => a.start - b.start);
}

/** Holds comments that advertise a phone/WhatsApp number or an e-mail address ("hubungi WA 0812…"). */
export function createContactRule(p: Policy['contact']): Rule {
  return {
    id: 'contact',
    check({ text }): readonly Reason[] {
      const spans = findContacts(text);
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'contact',
          action: p.action,
          message: {
            en: 'The comment contains a phone number or e-mail address; contact details are reviewed first.',
            id: 'Komentar memuat nomor telepon atau alamat e-mail; kontak pribadi diperiksa moderator dulu.',
          },
          spans,
        },
      ];
    },
  };
}
