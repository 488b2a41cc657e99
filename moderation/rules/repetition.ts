import { originSpan } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

/**
 * Holds flooding: one character repeated `maxCharRun` times or more ("!!!!!!!!!!"), or one word
 * repeated `maxWordRepeat` times or more in a row ("beli beli beli beli").
 */
export function createRepetitionRule(p: Policy['repetition']): Rule {
  return {
    id: 'repetition',
    check({ text }, analysis): readonly Reason[] {
      const spans: Span[] = [];
      let i = 0;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        let j = i + 1;
        while (j < text.length && text.charCodeAt(j) === c) j++;
        if (j - i >= p.maxCharRun && c !== 32 && c !== 10) spans.push({ start: i, end: j });
        i = j;
      }
      const { words, starts, ends } = analysis.tokens;
      let k = 0;
      while (k < words.length) {
        let m = k + 1;
        while (m < words.length && words[m] === words[k]) m++;
        if (m - k >= p.maxWordRepeat) {
          spans.push(originSpan(analysis.normalized, starts[k] ?? 0, ends[m - 1] ?? 0));
        }
        k = m;
      }
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'repetition',
          action: p.action,
          message: {
            en: 'The comment repeats the same character or word many times.',
            id: 'Komentar mengulang karakter atau kata yang sama berkali-kali.',
          },
          spans,
        },
      ];
    },
  };
}
