/**
 * Which one queue a stored comment is in (docs/decisions/0016): both stores index their queues
 * by this, so they cannot disagree about where a comment belongs.
 */
import type { QueueName, StoredComment } from './types.ts';

/** The one queue a comment is in, or null (published by the engine and never reported; deleted). */
export function queueOf(comment: StoredComment): QueueName | null {
  const reported = (comment.reports?.length ?? 0) > 0;
  if (reported && (comment.status === 'published' || comment.status === 'pending')) return 'reported';
  if (comment.status === 'pending') return 'pending';
  if (comment.status === 'rejected') return 'rejected';
  if (comment.status === 'published' && comment.decision?.action === 'approve') return 'approved';
  return null;
}
