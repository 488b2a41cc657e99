import type { Policy } from '../policy.ts';
import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

/** Holds comments written mostly in capitals once they have at least `minLetters` letters. */
export function createShoutingRule(p: Policy['shouting']): Rule {
  return {
    id: 'shouting',
    check({ text }): readonly Reason[] {
      if (text.length < p.minLetters) return noReasons;
      let upper = 0;
      let lower = 0;
      // Once this many lower-case letters are seen the ratio cannot be reached: stop early.
      const enoughLower = Math.floor(text.length * (1 - p.ratio)) + 1;
      for (let i = 0; i < text.length && lower < enoughLower; i++) {
        const c = text.charCodeAt(i);
        if (c >= 65 && c <= 90) upper++;
        else if (c >= 97 && c <= 122) lower++;
        else if (c >= 0x80) {
          const ch = text[i] ?? '';
          const lo = ch.toLowerCase();
          if (lo !== ch) upper++;
          else if (ch.toUpperCase() !== ch) lower++;
        }
      }
      if (lower >= enoughLower) return noReasons;
      const letters = upper + lower;
      if (letters < p.minLetters || upper / letters < p.ratio) return noReasons;
      return [
        {
          rule: 'shouting',
          action: p.action,
          message: {
            en: 'The comment is written mostly in capital letters; please write it normally.',
            id: 'Komentar sebagian besar ditulis dengan huruf kapital; mohon tulis dengan huruf biasa.',
          },
          spans: [{ start: 0, end: text.length }],
        },
      ];
    },
  };
}
