import { formatDuration } from '../messages.ts';
import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

// Beyond this a ban reads as permanent to a person.
const PERMANENT_MS = 5 * 365 * 86_400_000;

/** Rejects every comment from an author whose ban has not yet expired. */
export function createBannedAuthorRule(): Rule {
  return {
    id: 'banned-author',
    check({ context }): readonly Reason[] {
      const until = context.author.bannedUntil;
      if (until === null || until <= context.now) return noReasons;
      const left = until - context.now;
      const message =
        left >= PERMANENT_MS
          ? { en: 'You are banned from commenting on this site.', id: 'Anda dilarang berkomentar di situs ini.' }
          : {
              en: `You are banned from commenting on this site for another ${formatDuration(left).en}.`,
              id: `Anda dilarang berkomentar di situs ini selama ${formatDuration(left).id} lagi.`,
            };
      return [{ rule: 'banned-author', action: 'reject', message, spans: [] }];
    },
  };
}
