/**
 * The queues: a page of a queue (with the counts, so a console opens with one request), one
 * decision, and several at once (each its own compare-and-set: one already decided by someone
 * else does not stop the rest).
 */
import { ok } from '../../protocol/errors.ts';
import type { ConsoleDeps } from './console-deps.ts';
import type { ConsoleSocket } from './console-socket.ts';
import { onRequest } from './console-request.ts';
import { decideComment } from './decide-comment.ts';
import { loadQueueItems } from './queue-items.ts';

const DEFAULT_PAGE = 25;
const FILL_ROUNDS = 4;

export function registerQueueHandlers(socket: ConsoleSocket, deps: ConsoleDeps): void {
  const { site } = socket.data;
  const { store } = deps;

  onRequest(socket, deps, 'queue:list', async (request) => {
    const limit = request.limit ?? DEFAULT_PAGE;
    const query = {
      order: request.order,
      ...(request.page !== undefined ? { page: request.page } : {}),
      ...(request.rule !== undefined ? { rule: request.rule } : {}),
      ...(request.search !== undefined ? { search: request.search } : {}),
    };
    const [first, counts] = await Promise.all([
      store.listQueue(site, request.queue, { ...query, cursor: request.cursor, limit }),
      store.queueCounts(site),
    ]);
    // A filtered page may come back short with a cursor (a store walks a long queue in bounded
    // batches): fill it with a few more rounds, so a console rarely shows "more" under a half page.
    const items = [...first.items];
    let nextCursor = first.nextCursor;
    for (let round = 0; round < FILL_ROUNDS && items.length < limit && nextCursor !== null; round += 1) {
      const more = await store.listQueue(site, request.queue, { ...query, cursor: nextCursor, limit: limit - items.length });
      items.push(...more.items);
      nextCursor = more.nextCursor;
    }
    return ok({ items: await loadQueueItems(deps, site, items), nextCursor, counts });
  });

  onRequest(socket, deps, 'queue:decide', async (request, moderator) => {
    const result = await deps.track(decideComment(deps, site, moderator, request));
    return result.ok ? ok({ item: result.data }) : result;
  });

  onRequest(socket, deps, 'queue:decide-many', async (request, moderator) => {
    const results = [];
    // One after another: each is one store write, and the order the moderator selected is kept.
    for (const ref of request.items) {
      const result = await deps.track(decideComment(deps, site, moderator, { ...ref, action: request.action, reason: request.reason ?? null }));
      results.push(
        result.ok
          ? { id: ref.id, ok: true as const, item: result.data }
          : { id: ref.id, ok: false as const, code: result.error.code, message: result.error.message },
      );
    }
    return ok({ results });
  });
}
