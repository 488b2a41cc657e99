/**
 * `GET /api/v1/counts/:site?page=<id>&page=<id>…`: the published-comment counts of up to
 * COUNT_PAGES_MAX pages in one request, read from the store in one step, for `<rembuk-count>`
 * on article lists. The origin check and CORS are the thread API's (http-app.ts mounts both
 * behind the same middleware); docs/decisions/0020-rembuk-count.md.
 */
import { Router, type Response } from 'express';
import { COUNT_PAGES_MAX, type ThreadCounts } from '../../protocol/counts.ts';
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import { parse } from '../../protocol/parse.ts';
import type { Logger } from '../logger.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { CommentStore } from '../store/types.ts';
import { toWireError } from '../wire-error.ts';
import { requestLogger } from './request-id.ts';

export interface CountRoutesDeps {
  store: CommentStore;
  sites: SiteRegistry;
  logger: Logger;
  send: <T>(res: Response, result: Result<T>) => void;
}

/** The page ids of a count request, each once, in the order asked; or why they are not valid. */
export function countPagesOf(query: unknown): Result<string[]> {
  const raw: unknown[] = query === undefined ? [] : Array.isArray(query) ? query : [query];
  if (raw.length === 0) return fail(ErrorCode.INVALID_INPUT, 'Name at least one page: ?page=<id>.', { field: 'page' });
  const pages = new Set<string>();
  for (const item of raw) {
    const page = parse.page(item);
    if (!page.ok) return fail(ErrorCode.INVALID_INPUT, 'A page id in the query is not valid (URL-encode it).', { field: 'page' });
    pages.add(page.value);
  }
  if (pages.size > COUNT_PAGES_MAX) {
    return fail(ErrorCode.INVALID_INPUT, `At most ${COUNT_PAGES_MAX} pages per request.`, { field: 'page' });
  }
  return ok([...pages]);
}

export function countRoutes(deps: CountRoutesDeps): Router {
  const router = Router({ mergeParams: true });
  router.get('/:site', async (req, res) => {
    const site = parse.site(req.params['site']);
    if (!site.ok) return deps.send(res, fail(ErrorCode.INVALID_INPUT, 'The site id in the URL is not valid.', { field: 'site' }));
    if (!deps.sites.get(site.value)) return deps.send(res, fail(ErrorCode.UNKNOWN_SITE, `No site "${site.value}" is registered on this server.`));
    const pages = countPagesOf(req.query['page']);
    if (!pages.ok) return deps.send(res, pages);
    try {
      const counts = await deps.store.countThreads(site.value, pages.data);
      deps.send<ThreadCounts>(res, ok({ counts }));
    } catch (err) {
      requestLogger(res, deps.logger).error({ err }, 'count API failed');
      deps.send(res, { ok: false, error: toWireError(err) });
    }
  });
  return router;
}
