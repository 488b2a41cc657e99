/**
 * Authors: ban (1 day, 7 days, for ever; optionally rejecting what of theirs awaits review),
 * unban, trust, and their history for the console's drawer. Each action is written to the
 * audit log with the author's state before and after.
 */
import { ok } from '../../protocol/errors.ts';
import { BANNED_FOREVER, type AuditAction, type AuthorSummary, type BanDuration } from '../../protocol/moderation.ts';
import type { ConsoleDeps } from './console-deps.ts';
import type { ConsoleSocket } from './console-socket.ts';
import { onRequest } from './console-request.ts';
import { decideComment, type Moderator } from './decide-comment.ts';
import { authorSummary } from './queue-item.ts';
import { loadQueueItems } from './queue-items.ts';

const DAY_MS = 86_400_000;
const BAN_MS: Record<BanDuration, number | null> = { '1d': DAY_MS, '7d': 7 * DAY_MS, permanent: null };
/** How many of an author's comments the drawer shows. */
export const AUTHOR_RECENT_SHOWN = 20;

export function registerAuthorHandlers(socket: ConsoleSocket, deps: ConsoleDeps): void {
  const { site } = socket.data;
  const { store } = deps;

  const summaryOf = async (authorId: string): Promise<AuthorSummary> =>
    authorSummary(authorId, await store.getAuthorHistory(site, authorId), authorId);
  const describe = (s: AuthorSummary) =>
    `${s.bannedUntil === null ? 'not banned' : s.bannedUntil >= BANNED_FOREVER ? 'banned for ever' : `banned until ${new Date(s.bannedUntil).toISOString()}`}${s.trusted ? ', trusted' : ''}`;
  const audit = async (
    moderator: Moderator,
    action: AuditAction,
    authorId: string,
    reason: string | null,
    before: AuthorSummary,
    after: AuthorSummary,
  ) =>
    store.appendAudit({
      id: deps.newId(),
      at: deps.clock(),
      site,
      moderatorId: moderator.moderatorId,
      moderatorEmail: moderator.email,
      action,
      target: { authorId },
      reason,
      before: describe(before),
      after: describe(after),
    });

  onRequest(socket, deps, 'author:ban', async (request, moderator) => {
    const before = await summaryOf(request.authorId);
    const span = BAN_MS[request.duration];
    await store.setAuthorBan(site, request.authorId, span === null ? BANNED_FOREVER : deps.clock() + span);
    let rejected = 0;
    if (request.rejectPending) {
      let cursor: string | null = null;
      do {
        const page = await store.listQueue(site, 'pending', { order: 'oldest', cursor, limit: 100, authorId: request.authorId });
        for (const comment of page.items) {
          const result = await deps.track(
            decideComment(deps, site, moderator, {
              page: comment.page,
              id: comment.id,
              revision: comment.revision ?? 0,
              action: 'reject',
              reason: request.reason ?? 'banned',
            }),
          );
          if (result.ok) rejected += 1;
        }
        cursor = page.nextCursor;
      } while (cursor !== null);
    }
    const after = await summaryOf(request.authorId);
    await audit(moderator, 'ban', request.authorId, request.reason ?? null, before, after);
    deps.logger.info(
      { site, author: request.authorId, duration: request.duration, rejected, moderator: moderator.moderatorId },
      'a moderator banned an author',
    );
    return ok({ author: after, rejected });
  });

  onRequest(socket, deps, 'author:unban', async (request, moderator) => {
    const before = await summaryOf(request.authorId);
    await store.setAuthorBan(site, request.authorId, null);
    const after = await summaryOf(request.authorId);
    await audit(moderator, 'unban', request.authorId, null, before, after);
    return ok(after);
  });

  onRequest(socket, deps, 'author:trust', async (request, moderator) => {
    const before = await summaryOf(request.authorId);
    await store.setAuthorTrusted(site, request.authorId, request.trusted);
    const after = await summaryOf(request.authorId);
    await audit(moderator, request.trusted ? 'trust' : 'untrust', request.authorId, null, before, after);
    return ok(after);
  });

  onRequest(socket, deps, 'author:history', async (request) => {
    const [author, comments] = await Promise.all([
      summaryOf(request.authorId),
      store.listAuthorComments(site, request.authorId, AUTHOR_RECENT_SHOWN),
    ]);
    return ok({ author, recent: await loadQueueItems(deps, site, comments) });
  });
}
