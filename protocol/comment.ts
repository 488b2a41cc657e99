/** Lifecycle of a comment. Readers see only `published` (and `deleted` tombstones). */
export const CommentStatus = {
  published: 'published',
  pending: 'pending',
  rejected: 'rejected',
  deleted: 'deleted',
} as const;
export type CommentStatus = (typeof CommentStatus)[keyof typeof CommentStatus];

/** A comment as a reader's browser receives it. */
export interface PublicComment {
  id: string;
  page: string;
  parentId: string | null;
  /** Anonymous, random per-device author id (or the site's SSO user id). */
  authorId: string;
  authorName: string;
  text: string;
  status: CommentStatus;
  /** Milliseconds since the epoch. */
  createdAt: number;
}
