/** Lifecycle of a comment. Readers see only `published` (and `deleted` tombstones). */
export const CommentStatus = {
  published: 'published',
  pending: 'pending',
  rejected: 'rejected',
  deleted: 'deleted',
} as const;
export type CommentStatus = (typeof CommentStatus)[keyof typeof CommentStatus];

/**
 * How the server knows who wrote a comment: `anonymous`, a name the reader typed (remembered on
 * their device); `sso`, an identity the site signed (a JWT the host page passed); `moderator`, one
 * of the site's moderators, signed in to the console. The widget marks the last two as verified.
 */
export const AuthorKind = { anonymous: 'anonymous', sso: 'sso', moderator: 'moderator' } as const;
export type AuthorKind = (typeof AuthorKind)[keyof typeof AuthorKind];

/** A comment as a reader's browser receives it. */
export interface PublicComment {
  id: string;
  page: string;
  /** The comment this one answers; null for a top-level comment. */
  parentId: string | null;
  /** The top-level comment whose conversation this reply is in (its parent's root); null for a top-level comment. */
  rootId: string | null;
  /** 0 for a top-level comment, its parent's depth + 1 for a reply. The widget nests to 3 and shows deeper replies flat. */
  depth: number;
  /** The parent's author name when the reply was written ("replying to …"); null for a top-level comment. */
  replyTo: string | null;
  /** Anonymous, random per-device author id; `sso:<sub>` for an SSO identity; `mod:<id>` for a moderator. */
  authorId: string;
  authorName: string;
  authorKind: AuthorKind;
  /** An SSO identity's avatar (an https URL), else null. */
  avatarUrl: string | null;
  /** Empty for a tombstone. */
  text: string;
  status: CommentStatus;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When its author last edited the text (ms), or null: the widget marks it "edited". */
  editedAt: number | null;
  /** How many identities like it. */
  likes: number;
  /** For a top-level comment: its published replies at every depth. 0 for a reply. */
  replyCount: number;
}
