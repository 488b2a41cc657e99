/**
 * The audit entry a moderator's decision writes, in both stores alike: built from the comment as
 * it was and as the decision left it, and written in the same atomic step as the decision.
 */
import type { AuditEntry } from '../../protocol/moderation.ts';
import type { DecideOptions, Decision, StoredComment } from './types.ts';

/** Where the decided comment is: the key the store read it by. */
export interface DecidedComment {
  site: string;
  page: string;
  id: string;
}

/** The entry for `decision` on the comment at `where`, read as `before`, which it turned into `after`. */
export function decisionAuditEntry(
  where: DecidedComment,
  decision: Decision,
  options: DecideOptions,
  before: StoredComment,
  after: StoredComment,
): AuditEntry {
  return {
    id: options.audit.id,
    at: decision.at,
    site: where.site,
    moderatorId: decision.moderatorId,
    moderatorEmail: options.audit.moderatorEmail,
    action: decision.action,
    target: { commentId: where.id, page: where.page, authorId: before.authorId },
    reason: decision.reason,
    before: before.status,
    after: after.status,
  };
}
