/**
 * A stored comment as a moderator's console shows it. Pure: the caller loads what it needs
 * (queue-items.ts); this decides the shape, so the console's item and the broadcasts agree.
 */
import type { AuthorSummary, QueueItem } from '../../protocol/moderation.ts';
import { toPublicComment } from '../store/public-views.ts';
import type { AuthorHistory, StoredComment } from '../store/types.ts';

export interface QueueItemContext {
  author: AuthorSummary;
  parent: StoredComment | null;
  pageUrl: string | null;
  /** A moderator's email by id; the id itself when the account is gone. */
  emailOf: (moderatorId: string) => string;
}

export function toQueueItem(comment: StoredComment, context: QueueItemContext): QueueItem {
  const { decision } = comment;
  return {
    comment: toPublicComment(comment),
    reasons: comment.moderation.reasons.map((r) => ({
      rule: r.rule,
      action: r.action,
      message: { en: r.message.en, id: r.message.id },
      spans: r.spans.map((s) => ({ start: s.start, end: s.end })),
    })),
    reports: (comment.reports ?? []).map((r) => ({ reason: r.reason, note: r.note, at: r.at })),
    parent: context.parent ? { id: context.parent.id, authorName: context.parent.authorName, text: context.parent.text } : null,
    pageUrl: context.pageUrl,
    author: context.author,
    decision: decision ? { action: decision.action, by: context.emailOf(decision.moderatorId), at: decision.at, reason: decision.reason } : null,
    revision: comment.revision ?? 0,
  };
}

export function authorSummary(authorId: string, history: AuthorHistory, fallbackName: string): AuthorSummary {
  return {
    authorId,
    name: history.name ?? fallbackName,
    firstSeen: history.firstSeen,
    approvedCount: history.approvedCount,
    rejectedCount: history.rejectedCount,
    bannedUntil: history.bannedUntil,
    trusted: history.trusted,
  };
}
