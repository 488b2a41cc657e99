/**
 * What saving a policy would change, shown before it is saved: the site's recent comments are
 * judged under the policy in force and under the new one, with the same inputs, and every
 * comment whose action differs is counted. Both runs see the same author context (their history
 * as it is now, no recent posts: the history at the time a comment was written is not kept), so a
 * difference comes from the policy alone. Pure: the caller loads the comments and histories.
 */
import { createModerator, type Policy } from '../../moderation/index.ts';
import type { PolicyDryRun, QueueReason } from '../../protocol/moderation.ts';
import { toPublicComment } from '../store/public-views.ts';
import type { AuthorHistory, StoredComment } from '../store/types.ts';

/** How many changed comments the answer shows side by side. */
export const DRY_RUN_EXAMPLES = 10;

export function dryRunPolicy(
  current: Policy,
  proposed: Policy,
  comments: readonly StoredComment[],
  historyOf: (authorId: string) => AuthorHistory | undefined,
): PolicyDryRun {
  const before = createModerator(current);
  const after = createModerator(proposed);
  let changed = 0;
  const examples: PolicyDryRun['examples'] = [];
  for (const comment of comments) {
    const history = historyOf(comment.authorId);
    const input = {
      text: comment.text,
      authorName: comment.authorName,
      context: {
        now: comment.createdAt,
        author: {
          id: comment.authorId,
          approvedCount: history?.approvedCount ?? 0,
          rejectedCount: history?.rejectedCount ?? 0,
          recentPosts: [],
          trusted: history?.trusted ?? false,
          bannedUntil: null,
        },
        thread: { preModerated: false, closed: false },
      },
    };
    const was = before(input);
    const would = after(input);
    if (was.action === would.action) continue;
    changed += 1;
    if (examples.length < DRY_RUN_EXAMPLES) {
      examples.push({ comment: toPublicComment(comment), before: was.action, after: would.action, reasons: would.reasons.map(toQueueReason) });
    }
  }
  return { examined: comments.length, changed, examples };
}

function toQueueReason(r: {
  rule: string;
  action: QueueReason['action'];
  message: { en: string; id: string };
  spans: readonly { start: number; end: number }[];
}): QueueReason {
  return {
    rule: r.rule,
    action: r.action,
    message: { en: r.message.en, id: r.message.id },
    spans: r.spans.map((s) => ({ start: s.start, end: s.end })),
  };
}
