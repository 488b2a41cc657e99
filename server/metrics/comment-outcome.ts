/** What the answer to one `comment:create` counts as (rembuk_comments_total). */
import type { Result } from '../../protocol/errors.ts';
import type { CommentCreated } from '../../protocol/events.ts';
import type { CommentOutcome } from './server-metrics.ts';

/** `duplicate`: the answer is a retry's, the first comment's again (nothing new was stored). */
export function commentOutcomeOf(answer: Result<CommentCreated>, duplicate: boolean): CommentOutcome {
  if (!answer.ok) return { outcome: 'refused', code: answer.error.code };
  if (duplicate) return { outcome: 'duplicate' };
  const status = answer.data.comment.status;
  return { outcome: status === 'pending' ? 'held' : status === 'rejected' ? 'rejected' : 'published' };
}
