/**
 * The site as a whole: its audit log, its moderation policy (shown, tried on recent comments,
 * saved), and the overview of the last 30 days.
 */
import { parsePolicy, type PolicyError } from '../../moderation/index.ts';
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { PolicyView } from '../../protocol/moderation.ts';
import type { AuthorHistory } from '../store/types.ts';
import type { ConsoleDeps } from './console-deps.ts';
import type { ConsoleSocket } from './console-socket.ts';
import { onRequest } from './console-request.ts';
import { buildOverview, lastDays } from './overview.ts';
import { dryRunPolicy } from './policy-dry-run.ts';

/** How many recent comments a dry run judges again. */
export const DRY_RUN_COMMENTS = 1_000;
const AUDIT_PAGE = 50;

export function registerSiteHandlers(socket: ConsoleSocket, deps: ConsoleDeps): void {
  const { site } = socket.data;
  const { store, policies } = deps;

  const view = (): PolicyView => {
    const saved = policies.savedFor(site);
    return { policy: policies.policyJsonFor(site), updatedAt: saved?.updatedAt ?? null, updatedBy: saved?.updatedBy ?? null };
  };

  onRequest(socket, deps, 'audit:list', async (request) =>
    ok(await store.listAudit(site, { cursor: request.cursor, limit: Math.min(request.limit ?? AUDIT_PAGE, LIMITS.queuePageMax) })),
  );

  onRequest(socket, deps, 'policy:get', () => Promise.resolve(ok(view())));

  onRequest(socket, deps, 'policy:dry-run', async (request) => {
    const proposed = parsePolicy(request.policy);
    if (!proposed.ok) return invalidPolicy(proposed.errors);
    const comments = await store.listRecentComments(site, DRY_RUN_COMMENTS);
    const authorIds = [...new Set(comments.map((c) => c.authorId))];
    const histories = new Map<string, AuthorHistory>(
      await Promise.all(authorIds.map(async (id) => [id, await store.getAuthorHistory(site, id)] as const)),
    );
    return ok(dryRunPolicy(policies.settingsFor(site).policy, proposed.policy, comments, (id) => histories.get(id)));
  });

  onRequest(socket, deps, 'policy:save', async (request, moderator) => {
    const before = policies.savedFor(site);
    const saved = await policies.save(site, request.policy, moderator.email, deps.clock());
    if (!saved.ok) return invalidPolicy(saved.errors);
    await store.appendAudit({
      id: deps.newId(),
      at: saved.record.updatedAt,
      site,
      moderatorId: moderator.moderatorId,
      moderatorEmail: moderator.email,
      action: 'policy',
      target: { policy: true },
      reason: null,
      before: before ? `saved ${new Date(before.updatedAt).toISOString()} by ${before.updatedBy}` : 'the site’s file policy',
      after: JSON.stringify(request.policy),
    });
    deps.logger.info({ site, moderator: moderator.moderatorId }, 'a moderator saved the site’s moderation policy');
    return ok(view());
  });

  onRequest(socket, deps, 'overview:get', async () => {
    const days = lastDays(deps.clock());
    return ok(buildOverview(days, await store.getDailyStats(site, days)));
  });
}

/** Every problem at once in the message; the first one's path as the field. */
function invalidPolicy(errors: readonly PolicyError[]): Result<never> {
  const [first] = errors;
  return fail(ErrorCode.INVALID_INPUT, `The policy is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, {
    ...(first ? { field: `policy.${first.path}` } : {}),
    reason: 'invalid',
  });
}
