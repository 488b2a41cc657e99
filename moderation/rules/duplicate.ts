import type { Policy } from '../policy.ts';
import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

const nonWord = /[^\p{L}\p{N}]+/gu;

/** Case and punctuation do not make a repeat a different comment. */
export function canonicalText(text: string): string {
  return text.toLowerCase().replace(nonWord, ' ').trim();
}

/** Holds a comment that repeats one the author posted within `windowMs`. */
export function createDuplicateRule(p: Policy['duplicate']): Rule {
  return {
    id: 'duplicate',
    check({ text, context }): readonly Reason[] {
      const { now, author } = context;
      if (author.recentPosts.length === 0 || text.length < p.minLength) return noReasons;
      let mine: string | null = null;
      for (const post of author.recentPosts) {
        if (post.at < now - p.windowMs || post.at > now) continue;
        // Cheap length check first: canonical forms of equal texts differ little in length.
        if (Math.abs(post.text.length - text.length) > text.length / 2 + 4) continue;
        mine ??= canonicalText(text);
        if (mine.length >= p.minLength && canonicalText(post.text) === mine) {
          return [
            {
              rule: 'duplicate',
              action: p.action,
              message: {
                en: 'You already posted this same comment recently.',
                id: 'Anda sudah mengirim komentar yang sama belum lama ini.',
              },
              spans: [{ start: 0, end: text.length }],
            },
          ];
        }
      }
      return noReasons;
    },
  };
}
