/**
 * An author edits their comment (decision 0021): within the site's window from createdAt, the
 * new text moderated again exactly like a new comment (the author's history, the site's policy,
 * pre-moderation, a closed thread), and the store applies it in one step guarded by the
 * revision that was read. When a moderator (or a report) changed the comment in between, the
 * store answers CONFLICT: read it again and moderate again, a few times, so a moderator's
 * decision is never overwritten by an edit made on a stale copy.
 */
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import type { ThreadEvent } from '../../protocol/events.ts';
import { parse } from '../../protocol/parse.ts';
import type { ReaderIdentity } from '../identity/reader-identity.ts';
import type { AuthorHistory, CommentStore, NewCommentStatus, StoredComment } from '../store/types.ts';
import type { Moderate, ModerationOutcome } from './moderate.ts';
import { standingOf } from './author-standing.ts';
import { isWithinEditWindow } from './edit-window.ts';
import { refusalOf, velocityRefusal } from './rule-refusals.ts';
import { STATUS_FOR } from './verdict-status.ts';

export interface EditCommentDeps {
  store: CommentStore;
  moderate: Moderate;
  clock: () => number;
}

export interface EditOutcome {
  comment: StoredComment;
  /** What the edit did to the thread (comment:updated, :deleted or :created), or null: broadcast it. */
  event: ThreadEvent | null;
  /** The comment as it was before this edit (its queue, its status). */
  before: StoredComment;
}

/** The first try and up to three retries, before giving up when moderators keep changing the comment. */
const ATTEMPTS = 4;

export async function editComment(
  deps: EditCommentDeps,
  editor: ReaderIdentity & { site: string; editWindowMinutes: number },
  payload: unknown,
): Promise<Result<EditOutcome>> {
  const parsed = parse.commentEdit(payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { page, id, text } = parsed.value;
  const notFound = () => fail(ErrorCode.NOT_FOUND, 'There is no such comment of yours to edit on this page.', { field: 'id' });

  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const [comment, history] = await Promise.all([
      deps.store.getComment(editor.site, page, id),
      deps.store.getAuthorHistory(editor.site, editor.authorId),
    ]);
    // Rejected and deleted comments are not in anyone's conversation any more: nothing to edit.
    if (!comment || comment.status === 'rejected' || comment.status === 'deleted') return notFound();
    if (comment.authorId !== editor.authorId) return fail(ErrorCode.FORBIDDEN, 'Only its author may edit a comment.', { field: 'id' });
    const now = deps.clock();
    if (!isWithinEditWindow(editor.editWindowMinutes, comment.createdAt, now)) {
      return fail(ErrorCode.EDIT_WINDOW_CLOSED, 'The time for editing this comment has passed; you can still delete it.', { field: 'id' });
    }
    // The same text again changes nothing: no "edited" mark, no second review.
    if (text === comment.text) return ok({ comment, event: null, before: comment });

    const verdict = deps.moderate({
      site: editor.site,
      page,
      text,
      authorName: comment.authorName,
      authorId: editor.authorId,
      history: standingOf(editor.kind, withoutPost(history, comment)),
      now,
    });
    const refusal = refusalOf(verdict);
    if (refusal) return refusal;
    const velocity = velocityRefusal(verdict);
    if (velocity) return fail(ErrorCode.RATE_LIMITED, velocity.message, { retryAfterMs: velocity.retryAfterMs });

    const result = await deps.store.editComment(editor.site, page, id, {
      authorId: editor.authorId,
      text,
      editedAt: now,
      moderation: { action: verdict.action, reasons: verdict.reasons },
      status: statusAfterEdit(comment, verdict),
      revision: comment.revision ?? 0,
    });
    if (result.ok) return ok({ comment: result.comment, event: result.event, before: comment });
    if (result.code === 'FORBIDDEN') return fail(ErrorCode.FORBIDDEN, 'Only its author may edit a comment.', { field: 'id' });
    if (result.code === 'NOT_FOUND') return notFound();
    // CONFLICT: changed since it was read; read again.
  }
  return fail(ErrorCode.UNAVAILABLE, 'The comment kept changing while you edited it (a moderator is looking at it); try again.');
}

/**
 * A clean edit publishes, except a comment readers' reports hid: those reports still want a
 * moderator (a pre-moderated site's edit is held by its own rule, like any new comment).
 */
function statusAfterEdit(comment: StoredComment, verdict: ModerationOutcome): NewCommentStatus {
  const status = STATUS_FOR[verdict.action];
  if (status === 'published' && comment.status === 'pending' && (comment.reports?.length ?? 0) > 0) return 'pending';
  return status;
}

/** The author's history without the comment being edited, so its own first text is no duplicate of the new one. */
function withoutPost(history: AuthorHistory, comment: StoredComment): AuthorHistory {
  return {
    ...history,
    recentPosts: history.recentPosts.filter((p) => !(p.at === comment.createdAt && p.page === comment.page && p.text === comment.text)),
  };
}
