/**
 * The moderation transitions of docs/decisions/0016-moderation-transitions.md as pure data:
 * which queue a stored comment is in, and what a decision or a report turns it into. The Redis
 * store works a change out here from the JSON it read and has one script write it only if the
 * comment is still that JSON (MOVE_COMMENT), so no JSON is ever re-encoded in Lua.
 */
import type { Action } from '../../moderation/index.ts';
import type { Decision, NewCommentStatus, QueueName, StoredComment, StoredReport } from './types.ts';
import { queueOf } from './queue-membership.ts';

/** What the change does to the thread's published index (and so its event log). */
export type ThreadEffect = 'publish' | 'unpublish' | 'none';
/** What it does to the author's pending comments in the thread (what they see as awaiting review). */
export type PendingEffect = 'add' | 'remove' | 'none';

export interface PlannedChange {
  /** The comment as it is to be stored. */
  comment: StoredComment;
  thread: ThreadEffect;
  pending: PendingEffect;
}

/** When the comment entered the queue it is in: its first open report, its decision, or its creation. */
export { queueOf };

export function queuedAt(comment: StoredComment): number {
  const reports = comment.reports ?? [];
  if (queueOf(comment) === 'reported') return Math.min(...reports.map((r) => r.at));
  return comment.decision?.at ?? comment.createdAt;
}

const STATUS_OF_ACTION: Record<Action, NewCommentStatus> = { publish: 'published', hold: 'pending', reject: 'rejected' };

/** The status the comment was created with: its status until the first moderation change, else what the engine decided. */
export function createdStatusOf(comment: StoredComment): NewCommentStatus {
  if ((comment.revision ?? 0) === 0 && !comment.decision && comment.status !== 'deleted') return comment.status;
  return STATUS_OF_ACTION[comment.moderation.action];
}

/** The day's counter a comment's creation counts in. */
export function creationCounter(status: NewCommentStatus): 'published' | 'held' | 'rejected' {
  return status === 'published' ? 'published' : status === 'pending' ? 'held' : 'rejected';
}

/** The rules that held or rejected a comment at its creation, each once; none when it was published. */
export function rulesThatStopped(comment: StoredComment, status: NewCommentStatus): string[] {
  if (status === 'published') return [];
  return [...new Set(comment.moderation.reasons.filter((r) => r.action !== 'publish').map((r) => r.rule))];
}

/**
 * A decision on a stored comment whose revision the moderator saw: the change, and the queue
 * it leaves; null when the decision changes nothing (approving an approved or engine-published
 * comment, rejecting a rejected one, any decision on a deleted one): ALREADY_DECIDED.
 */
export function planDecision(stored: StoredComment, decision: Decision): { change: PlannedChange; from: QueueName | null } | null {
  const from = queueOf(stored);
  const approve = decision.action === 'approve';
  if (stored.status === 'deleted') return null;
  if (approve && stored.status === 'published' && from !== 'reported') return null;
  if (!approve && stored.status === 'rejected') return null;
  // A decision closes every open report: the moderator has looked.
  const { reports: _closed, ...rest } = stored;
  const comment: StoredComment = {
    ...rest,
    status: approve ? 'published' : 'rejected',
    decision: structuredClone(decision),
    revision: (stored.revision ?? 0) + 1,
  };
  const wasPublished = stored.status === 'published';
  const thread: ThreadEffect = approve ? (wasPublished ? 'none' : 'publish') : wasPublished ? 'unpublish' : 'none';
  return { change: { comment, thread, pending: stored.status === 'pending' ? 'remove' : 'none' }, from };
}

/**
 * A reader's report of a stored comment: null when it cannot be reported (not published);
 * `repeat` when this reader is among its open reports (nothing changes); else the change, and
 * whether it hides the comment (the `hideAt`-th open report). A decision closes the reports, so
 * a reader may report the comment again after one.
 */
export function planReport(
  stored: StoredComment,
  report: StoredReport,
  hideAt: number,
): { repeat: true } | { repeat: false; change: PlannedChange; hidden: boolean } | null {
  if (stored.status !== 'published') return null;
  const open = stored.reports ?? [];
  if (open.some((r) => r.reporterId === report.reporterId)) return { repeat: true };
  const reports = [structuredClone(report), ...open];
  const hidden = reports.length >= hideAt;
  const comment: StoredComment = hidden ? { ...stored, reports, status: 'pending', revision: (stored.revision ?? 0) + 1 } : { ...stored, reports };
  return { repeat: false, change: { comment, thread: hidden ? 'unpublish' : 'none', pending: hidden ? 'add' : 'none' }, hidden };
}
