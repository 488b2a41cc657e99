/**
 * Decision 0016 as pure functions: which queue a comment is in, what a decision or a report does
 * to it, and what that changes for its thread, its author and the day's figures. The embedded
 * store's writes apply these inside one transaction; nothing here touches the database.
 */
import type { CommentStatus } from '../../../protocol/comment.ts';
import type { Decision, QueueName, StoredComment, StoredReport } from '../types.ts';
import { queueOf } from '../queue-membership.ts';

export { queueOf };

/** How a status change moves the thread: into it (comment:created), out of it (comment:deleted), or neither. */
export type ThreadMove = 'in' | 'out' | null;

export interface StatusChange {
  thread: ThreadMove;
  /** Added to the author's counts (an author's counts are their comments currently published / rejected). */
  approvedDelta: number;
  rejectedDelta: number;
}

export function statusChange(before: CommentStatus, after: CommentStatus): StatusChange {
  const published = (s: CommentStatus) => (s === 'published' ? 1 : 0);
  const rejected = (s: CommentStatus) => (s === 'rejected' ? 1 : 0);
  const approvedDelta = published(after) - published(before);
  return {
    thread: approvedDelta > 0 ? 'in' : approvedDelta < 0 ? 'out' : null,
    approvedDelta,
    rejectedDelta: rejected(after) - rejected(before),
  };
}

export type DecisionOutcome =
  | {
      ok: true;
      comment: StoredComment;
      /**
       * The queue it leaves. A comment the engine published and nobody reported is in no queue;
       * it answers `approved`, the queue of published comments, where a console finds nothing to remove.
       */
      from: QueueName | null;
      change: StatusChange;
    }
  | { ok: false; code: 'ALREADY_DECIDED' | 'NOT_FOUND' };

/**
 * A decision on the comment as stored, once the caller has read it in the same atomic step.
 * A revision other than the stored one, or a decision the table refuses, is ALREADY_DECIDED.
 */
export function applyDecision(stored: StoredComment, decision: Decision, revision: number): DecisionOutcome {
  if (stored.status === 'deleted') return { ok: false, code: 'NOT_FOUND' };
  if ((stored.revision ?? 0) !== revision) return { ok: false, code: 'ALREADY_DECIDED' };
  const reported = (stored.reports?.length ?? 0) > 0;
  const approve = decision.action === 'approve';
  // Approving what is already published (approved, or the engine's) changes nothing, unless reports are open;
  // rejecting what is already rejected likewise.
  if (approve && stored.status === 'published' && !reported) return { ok: false, code: 'ALREADY_DECIDED' };
  if (!approve && stored.status === 'rejected') return { ok: false, code: 'ALREADY_DECIDED' };
  const status = approve ? 'published' : 'rejected';
  const { reports: _closed, ...rest } = stored;
  const comment: StoredComment = { ...rest, status, decision: structuredClone(decision), revision: revision + 1 };
  return { ok: true, comment, from: queueOf(stored), change: statusChange(stored.status, status) };
}

export type ReportOutcome =
  | { ok: true; first: false; comment: StoredComment }
  | {
      ok: true;
      first: true;
      comment: StoredComment;
      hidden: boolean;
      /** True when this is the comment's first open report: it enters `reported` now. */
      entersQueue: boolean;
      change: StatusChange;
    }
  | { ok: false; code: 'NOT_FOUND' };

/** A reader's report of the comment as stored (0016: once per reporter; the hideAt-th distinct reporter hides it). */
export function applyReport(stored: StoredComment, report: StoredReport, hideAt: number): ReportOutcome {
  if (stored.status !== 'published') return { ok: false, code: 'NOT_FOUND' };
  const open = stored.reports ?? [];
  if (open.some((r) => r.reporterId === report.reporterId)) return { ok: true, first: false, comment: stored };
  const reports = [structuredClone(report), ...open];
  const hidden = reports.length >= hideAt;
  const comment: StoredComment = hidden ? { ...stored, reports, status: 'pending', revision: (stored.revision ?? 0) + 1 } : { ...stored, reports };
  return { ok: true, first: true, comment, hidden, entersQueue: open.length === 0, change: statusChange(stored.status, comment.status) };
}

/** The UTC day (YYYY-MM-DD) of an epoch-ms time: the daily figures' unit. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The created-day figure a new comment counts in, by the status it was created with. */
export function createdOutcome(status: CommentStatus): 'published' | 'held' | 'rejected' | null {
  if (status === 'published') return 'published';
  if (status === 'pending') return 'held';
  if (status === 'rejected') return 'rejected';
  return null;
}

/** The rules that held or rejected a comment, each once. */
export function heldOrRejectedRules(comment: StoredComment): string[] {
  return [...new Set(comment.moderation.reasons.filter((r) => r.action !== 'publish').map((r) => r.rule))];
}
