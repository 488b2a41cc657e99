import type { AuthorContext, ModerationInput, ThreadContext } from './types.ts';

/** Overrides for {@link inputOf}. */
export interface InputOverrides {
  readonly authorName?: string;
  readonly now?: number;
  readonly author?: Partial<AuthorContext>;
  readonly thread?: Partial<ThreadContext>;
}

/** A moderation input with an ordinary, established author on an open thread; tests override what they need. */
export function inputOf(text: string, o: InputOverrides = {}): ModerationInput {
  return {
    text,
    authorName: o.authorName ?? 'Pembaca',
    context: {
      now: o.now ?? 1_700_000_000_000,
      author: { id: 'author-1', approvedCount: 10, rejectedCount: 0, recentPosts: [], trusted: false, bannedUntil: null, ...o.author },
      thread: { preModerated: false, closed: false, ...o.thread },
    },
  };
}
