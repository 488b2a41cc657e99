/**
 * The history moderation weighs an author by. A site's moderators commenting from the console
 * are trusted (the policy's `trusted.skip` says which rules they skip: the new-author hold and
 * pre-moderation among them), so a moderator's own note never waits for a moderator.
 */
import type { AuthorKind } from '../../protocol/comment.ts';
import type { AuthorHistory } from '../store/types.ts';

export function standingOf(kind: AuthorKind, history: AuthorHistory): AuthorHistory {
  return kind === 'moderator' && !history.trusted ? { ...history, trusted: true } : history;
}
