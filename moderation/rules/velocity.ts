import { formatDuration } from '../messages.ts';
import type { Policy } from '../policy.ts';
import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

/**
 * Rejects a comment that would make more than `maxPosts` in `windowMs`, with the time until one
 * more would be accepted.
 */
export function createVelocityRule(p: Policy['velocity']): Rule {
  const windowText = formatDuration(p.windowMs);
  return {
    id: 'velocity',
    check({ context }): readonly Reason[] {
      const { now, author } = context;
      const from = now - p.windowMs;
      let inWindow: number[] | null = null;
      for (const post of author.recentPosts) {
        if (post.at > from && post.at <= now) (inWindow ??= []).push(post.at);
      }
      if (inWindow === null || inWindow.length < p.maxPosts) return noReasons;
      inWindow.sort((a, b) => a - b);
      // Enough of the oldest posts must leave the window to get back under the limit.
      const expiring = inWindow[inWindow.length - p.maxPosts] ?? now;
      const retryAfterMs = Math.max(1, expiring + p.windowMs - now);
      const wait = formatDuration(retryAfterMs);
      return [
        {
          rule: 'velocity',
          action: 'reject',
          message: {
            en: `You are posting too fast: at most ${p.maxPosts} comments per ${windowText.en}. Try again in ${wait.en}.`,
            id: `Anda mengirim komentar terlalu cepat: paling banyak ${p.maxPosts} komentar per ${windowText.id}. Coba lagi dalam ${wait.id}.`,
          },
          spans: [],
          retryAfterMs,
        },
      ];
    },
  };
}
