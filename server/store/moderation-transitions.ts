/**
 * Decision 0016 (docs/decisions/0016-moderation-transitions.md) as pure functions, for both
 * stores: what a decision or a report turns a stored comment into, which queue it leaves and
 * enters, what that does to its thread, its author's pending comments and counts, and what a
 * comment's creation counts in the day's figures. The embedded store applies a plan inside one
 * transaction; the Redis store has one script write it only over the JSON it was planned from.
 * Nothing here touches a database, so the two cannot disagree about the table.
 */
import type { Action } from '../../moderation/index.ts';
import type { CommentStatus } from '../../protocol/comment.ts';
import { queueOf } from './queue-membership.ts';
import type { Decision, NewCommentStatus, QueueName, StoredComment, StoredReport } from './types.ts';

export { queueOf };

/** How a change moves the comment in its thread: into it (comment:created), out of it (comment:deleted), or neither. */
export type ThreadMove = 'in' | 'out' | null;
/** What it does to the author's own pending comments in the thread (what they see as awaiting review). */
export type PendingMove = 'add' | 'remove' | null;

/** What a status change means outside the comment itself. */
export interface StatusChange {
  thread: ThreadMove;
  pending: PendingMove;
  /** Added to the author's counts: 0016 counts an author's comments currently published / rejected, so these never drift. */
  approvedDelta: number;
  rejectedDelta: number;
}

/** The effects of a comment going from one status to another, all read off the two statuses. */
export function statusChange(before: CommentStatus, after: CommentStatus): StatusChange {
  const published = (s: CommentStatus) => (s === 'published' ? 1 : 0);
  const pending = (s: CommentStatus) => (s === 'pending' ? 1 : 0);
  const rejected = (s: CommentStatus) => (s === 'rejected' ? 1 : 0);
  const approvedDelta = published(after) - published(before);
  const pendingDelta = pending(after) - pending(before);
  return {
    thread: approvedDelta > 0 ? 'in' : approvedDelta < 0 ? 'out' : null,
    pending: pendingDelta > 0 ? 'add' : pendingDelta < 0 ? 'remove' : null,
    approvedDelta,
    rejectedDelta: rejected(after) - rejected(before),
  };
}

/** A planned change of a stored comment. */
export interface Transition {
  /** The comment as it is to be stored. */
  comment: StoredComment;
  /** The queue it was in, null for none (engine-published and unreported). */
  from: QueueName | null;
  /** The queue it is in after the change. */
  to: QueueName | null;
  change: StatusChange;
}

export type DecisionPlan = ({ ok: true } & Transition) | { ok: false; code: 'ALREADY_DECIDED' | 'NOT_FOUND' };

/**
 * A moderator's decision on the comment as stored, made on the revision their console showed.
 * A deleted comment is NOT_FOUND (there is nothing left to decide, as a report of it is); another
 * revision, or a row of 0016's table that changes nothing (approving what is approved or
 * engine-published and unreported, rejecting what is rejected), is ALREADY_DECIDED.
 */
export function planDecision(stored: StoredComment, decision: Decision, revision: number): DecisionPlan {
  if (stored.status === 'deleted') return { ok: false, code: 'NOT_FOUND' };
  if ((stored.revision ?? 0) !== revision) return { ok: false, code: 'ALREADY_DECIDED' };
  const from = queueOf(stored);
  const approve = decision.action === 'approve';
  if (approve && stored.status === 'published' && from !== 'reported') return { ok: false, code: 'ALREADY_DECIDED' };
  if (!approve && stored.status === 'rejected') return { ok: false, code: 'ALREADY_DECIDED' };
  // A decision closes every open report: the moderator has looked.
  const { reports: _closed, ...rest } = stored;
  const status = approve ? 'published' : 'rejected';
  const comment: StoredComment = { ...rest, status, decision: structuredClone(decision), revision: revision + 1 };
  return { ok: true, comment, from, to: queueOf(comment), change: statusChange(stored.status, status) };
}

export type ReportPlan =
  | { ok: false; code: 'NOT_FOUND' }
  /** This reader already has an open report on it: nothing changes. */
  | { ok: true; first: false }
  | ({ ok: true; first: true; hidden: boolean } & Transition);

/**
 * A reader's report of the comment as stored: only a published comment can be reported, once
 * per reader among its open reports (a decision closes them, so a reader may report again
 * after one); the `hideAt`-th open report hides it, which is a moderation change (revision bumped).
 */
export function planReport(stored: StoredComment, report: StoredReport, hideAt: number): ReportPlan {
  if (stored.status !== 'published') return { ok: false, code: 'NOT_FOUND' };
  const open = stored.reports ?? [];
  if (open.some((r) => r.reporterId === report.reporterId)) return { ok: true, first: false };
  const reports = [structuredClone(report), ...open];
  const hidden = reports.length >= hideAt;
  const comment: StoredComment = hidden ? { ...stored, reports, status: 'pending', revision: (stored.revision ?? 0) + 1 } : { ...stored, reports };
  return { ok: true, first: true, hidden, comment, from: queueOf(stored), to: queueOf(comment), change: statusChange(stored.status, comment.status) };
}

/**
 * When the comment entered the queue it is in, which orders the queue: its first open report
 * (reports are kept newest first), its decision, or its creation, or its last edit when that is
 * what held or rejected it (0021); null when it is in none.
 */
export function queuedAt(comment: StoredComment): number | null {
  const queue = queueOf(comment);
  if (queue === null) return null;
  const firstReport = comment.reports?.at(-1);
  if (queue === 'reported' && firstReport) return firstReport.at;
  // No decision leaves a comment pending, and none that rejected it allows an edit after it:
  // in these queues without a deciding decision, the engine's verdict on the latest text put it there.
  if (queue === 'pending') return comment.editedAt ?? comment.createdAt;
  if (queue === 'rejected' && comment.decision?.action !== 'reject') return comment.editedAt ?? comment.createdAt;
  return comment.decision?.at ?? comment.createdAt;
}

/**
 * Whether a thread view lists the comment (0021): a reply while it is published or a tombstone
 * of its author's deletion (a held or rejected reply is simply not sent); a top-level comment
 * while it is published or has published replies, whatever its own status, so a conversation
 * stays in place under its tombstone.
 */
export function isListed(comment: StoredComment): boolean {
  if (comment.rootId !== null) return comment.status === 'published' || comment.status === 'deleted';
  return comment.status === 'published' || comment.replyCount > 0;
}

/**
 * How a change of a reply's status moves its root's replyCount (published replies at every
 * depth): +1 into published, -1 out of it, 0 otherwise or for a top-level comment.
 */
export function replyCountDelta(comment: Pick<StoredComment, 'rootId'>, change: StatusChange): number {
  return comment.rootId === null ? 0 : change.approvedDelta;
}

/** The root as it is to be stored after one of its replies moved `delta` into or out of published. */
export function withReplyCount(root: StoredComment, delta: number): StoredComment {
  return { ...root, replyCount: Math.max(0, root.replyCount + delta) };
}

/** What an author's edit needs besides the new text: who asks, the verdict, and the revision they read. */
export interface EditInput {
  authorId: string;
  text: string;
  editedAt: number;
  moderation: StoredComment['moderation'];
  status: NewCommentStatus;
  revision: number;
}

/** How an edit or a deletion moves the comment in its thread's event log. */
export type EditEvent = 'created' | 'updated' | 'deleted' | null;

export type EditPlan = ({ ok: true; event: EditEvent; rootDelta: number } & Transition) | { ok: false; code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' };

/**
 * An author's edit of the comment as stored (0021): only its author may (FORBIDDEN), not once
 * rejected or deleted (NOT_FOUND), and only on the revision they read (CONFLICT: read again,
 * moderate again, retry). The text, editedAt, verdict and status change together, the revision
 * is bumped; open reports stay open (a reported comment stays in reported). A published comment
 * that stays published is updated in place; one the verdict holds or rejects leaves the thread;
 * a held one edited clean enters it.
 */
export function planEdit(stored: StoredComment, edit: EditInput): EditPlan {
  if (stored.authorId !== edit.authorId) return { ok: false, code: 'FORBIDDEN' };
  if (stored.status === 'rejected' || stored.status === 'deleted') return { ok: false, code: 'NOT_FOUND' };
  if ((stored.revision ?? 0) !== edit.revision) return { ok: false, code: 'CONFLICT' };
  const comment: StoredComment = {
    ...stored,
    text: edit.text,
    editedAt: edit.editedAt,
    moderation: structuredClone(edit.moderation),
    status: edit.status,
    revision: edit.revision + 1,
  };
  const change = statusChange(stored.status, comment.status);
  const stays = stored.status === 'published' && comment.status === 'published';
  const event: EditEvent = stays ? 'updated' : change.thread === 'in' ? 'created' : change.thread === 'out' ? 'deleted' : null;
  return { ok: true, event, rootDelta: replyCountDelta(comment, change), comment, from: queueOf(stored), to: queueOf(comment), change };
}

export type DeletePlan =
  | ({ ok: true; repeated: false; event: EditEvent; rootDelta: number } & Transition)
  | { ok: true; repeated: true }
  | { ok: false; code: 'FORBIDDEN' | 'NOT_FOUND' };

/**
 * An author's deletion of the comment as stored (0021): only its author may; any status but
 * deleted becomes a tombstone (a repeat changes nothing). The words are wiped, not hidden; its
 * likes and open reports go with them, so it leaves every queue. A published one leaves the
 * thread. The author's counts follow as for any status change (0016 counts what is published or
 * rejected now), so they agree with what an export of the site imported elsewhere would count.
 */
export function planDelete(stored: StoredComment, authorId: string): DeletePlan {
  if (stored.authorId !== authorId) return { ok: false, code: 'FORBIDDEN' };
  if (stored.status === 'deleted') return { ok: true, repeated: true };
  // A rejected comment is out of its author's sight already, and its rejection is part of their
  // record (the new-author and history rules read it): deleting it would wipe that record clean.
  if (stored.status === 'rejected') return { ok: false, code: 'NOT_FOUND' };
  const { reports: _gone, ...rest } = stored;
  const comment: StoredComment = { ...rest, status: 'deleted', text: '', likes: 0, revision: (stored.revision ?? 0) + 1 };
  const change = statusChange(stored.status, 'deleted');
  return {
    ok: true,
    repeated: false,
    event: change.thread === 'out' ? 'deleted' : null,
    rootDelta: replyCountDelta(comment, change),
    comment,
    from: queueOf(stored),
    to: queueOf(comment),
    change,
  };
}

export type ReactPlan =
  | { ok: false; code: 'NOT_FOUND' }
  /** `delta` is what the count changes by: 0 for a repeated like or an unlike of what was not liked. */
  | { ok: true; delta: -1 | 0 | 1; likes: number; liked: boolean };

/** A like (or its taking back) of the comment as stored, by an identity that does or does not like it now. */
export function planReaction(stored: StoredComment, likedNow: boolean, like: boolean): ReactPlan {
  if (stored.status !== 'published') return { ok: false, code: 'NOT_FOUND' };
  const delta = like === likedNow ? 0 : like ? 1 : -1;
  return { ok: true, delta, likes: Math.max(0, stored.likes + delta), liked: like };
}

const STATUS_OF_ACTION: Record<Action, NewCommentStatus> = { publish: 'published', hold: 'pending', reject: 'rejected' };

/**
 * The status the comment was created with: its status until the first moderation change, else
 * what the engine decided. The Redis store settles a comment again from whatever it has become.
 */
export function createdStatusOf(comment: StoredComment): NewCommentStatus {
  if ((comment.revision ?? 0) === 0 && !comment.decision && comment.status !== 'deleted') return comment.status;
  return STATUS_OF_ACTION[comment.moderation.action];
}

/** What a comment's creation adds to the day's figures. */
export interface CreationFigures {
  /** The UTC day it was created on. */
  day: string;
  counter: 'published' | 'held' | 'rejected';
  /** The rules that held or rejected it, each once; none when it was published. */
  rules: string[];
}

const COUNTER_OF_STATUS: Record<NewCommentStatus, CreationFigures['counter']> = { published: 'published', pending: 'held', rejected: 'rejected' };

export function creationFigures(comment: StoredComment): CreationFigures {
  const status = createdStatusOf(comment);
  const rules = status === 'published' ? [] : [...new Set(comment.moderation.reasons.filter((r) => r.action !== 'publish').map((r) => r.rule))];
  return { day: utcDay(comment.createdAt), counter: COUNTER_OF_STATUS[status], rules };
}

/** The UTC day (YYYY-MM-DD) of an epoch-ms time: the daily figures' unit. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
