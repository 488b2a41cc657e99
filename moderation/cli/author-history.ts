import type { AuthorContext, ModerationContext, ThreadContext } from '../types.ts';

/** The author histories `--author` can simulate. */
export const authorKinds = ['new', 'established'] as const;
/** One of {@link authorKinds}. */
export type AuthorKind = (typeof authorKinds)[number];

/** Narrows a flag value to an {@link AuthorKind}. */
export function isAuthorKind(value: string): value is AuthorKind {
  return (authorKinds as readonly string[]).includes(value);
}

/**
 * What the store would report for each kind, as the live server passes it to the engine
 * (server/comments/moderate.ts): `new` has nothing approved, so `newAuthor.holdFirst` holds it, and
 * no recent posts, so duplicate and velocity never fire; `established` has 10 approved comments,
 * enough to be past any usual `holdFirst`.
 */
const authors: Readonly<Record<AuthorKind, AuthorContext>> = {
  new: { id: 'cli', approvedCount: 0, rejectedCount: 0, recentPosts: [], trusted: false, bannedUntil: null },
  established: { id: 'cli', approvedCount: 10, rejectedCount: 0, recentPosts: [], trusted: false, bannedUntil: null },
};

/** The thread a line is on unless it says otherwise: open, and not pre-moderated. */
export const openThread: ThreadContext = { preModerated: false, closed: false };

/** The context a line without its own `context` is checked in. */
export function baseContext(author: AuthorKind, thread: ThreadContext = openThread): ModerationContext {
  return { now: 0, author: authors[author], thread };
}
