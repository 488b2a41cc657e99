import type { Policy } from '../policy.ts';
import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function offsetOfCodePoint(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (n === index) return i;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return text.length;
}

/** Rejects a comment shorter than `min` or longer than `max` characters (ignoring surrounding spaces). */
export function createLengthRule(p: Policy['length']): Rule {
  return {
    id: 'length',
    check({ text }): readonly Reason[] {
      const trimmed = text.trim();
      const len = trimmed.length <= p.max && trimmed.length >= p.min ? -1 : codePointLength(trimmed);
      if (len === -1 || (len >= p.min && len <= p.max)) return noReasons;
      if (len < p.min) {
        return [
          {
            rule: 'length',
            action: 'reject',
            message: {
              en: `The comment is too short: write at least ${p.min} characters.`,
              id: `Komentar terlalu pendek: tulis paling sedikit ${p.min} karakter.`,
            },
            spans: [],
          },
        ];
      }
      const lead = text.length - text.trimStart().length;
      return [
        {
          rule: 'length',
          action: 'reject',
          message: {
            en: `The comment is too long: ${len} characters, at most ${p.max} are allowed.`,
            id: `Komentar terlalu panjang: ${len} karakter, paling banyak ${p.max} karakter.`,
          },
          spans: [{ start: lead + offsetOfCodePoint(trimmed, p.max), end: lead + trimmed.length }],
        },
      ];
    },
  };
}
