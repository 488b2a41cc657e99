/**
 * The moderation console over HTTP: its built files at /moderate (dist/moderate, from
 * widget/console/), and the audit log export. The export is a GET a moderator opens from the
 * console: it needs the session cookie (SameSite=Strict, so another site's page cannot send
 * it), a site the account may moderate, and no cross-site fetch metadata.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCookies } from 'cookie';
import express, { type Request, type Response, type Router } from 'express';
import { ErrorCode, fail, type Result } from '../../protocol/errors.ts';
import { parse } from '../../protocol/parse.ts';
import { mayModerate, type ModeratorAuth } from '../moderators/moderator-auth.ts';
import type { Logger } from '../logger.ts';
import type { CommentStore } from '../store/types.ts';
import { SESSION_COOKIE } from './moderator-session-routes.ts';
import { consolePageDirectives, cspHeader } from './security-headers.ts';
import { requestLogger } from './request-id.ts';

export interface ConsoleRoutesDeps {
  store: Pick<CommentStore, 'listAudit'>;
  auth: ModeratorAuth;
  logger: Logger;
  distDir: string;
  ownOrigin: () => string | null;
  send: <T>(res: Response, result: Result<T>) => void;
}

const EXPORT_PAGE = 100;

/** Routes under /moderate/api (the export). */
export function auditExportRoutes(deps: ConsoleRoutesDeps): Router {
  const router = express.Router();
  router.get('/audit.jsonl', async (req, res) => {
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return deps.send(res, fail(ErrorCode.FORBIDDEN, 'The audit log is exported only from the moderation console on this server.'));
    }
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    const signedIn = token === undefined ? null : await deps.auth.authenticate(token);
    if (!signedIn) return deps.send(res, fail(ErrorCode.FORBIDDEN, 'Sign in to the moderation console to export its audit log.'));
    const site = parse.site(req.query['site']);
    if (!site.ok) return deps.send(res, fail(ErrorCode.INVALID_INPUT, 'Say which site: ?site=<id>.', { field: 'site' }));
    if (!mayModerate(signedIn.account, site.value))
      return deps.send(res, fail(ErrorCode.FORBIDDEN, `This account may not moderate site "${site.value}".`));
    res.status(200);
    res.type('application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="rembuk-audit-${site.value}.jsonl"`);
    let cursor: string | null = null;
    try {
      do {
        const page = await deps.store.listAudit(site.value, { cursor, limit: EXPORT_PAGE });
        if (page.entries.length > 0) res.write(page.entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
        cursor = page.nextCursor;
      } while (cursor !== null);
      res.end();
    } catch (err) {
      // Headers are gone: the client sees a cut-off file, the log says why.
      requestLogger(res, deps.logger).error({ err, site: site.value }, 'the audit export failed part way');
      res.destroy();
    }
  });
  return router;
}

/** The console's page and files; a 503 that says how to build it when dist/moderate is missing. */
export function consolePageRoutes(deps: Pick<ConsoleRoutesDeps, 'distDir' | 'ownOrigin' | 'send'>): Router {
  const router = express.Router();
  const root = join(deps.distDir, 'moderate');
  router.use((_req, res, next) => {
    const own = deps.ownOrigin();
    if (own) res.setHeader('Content-Security-Policy', cspHeader(consolePageDirectives(own)));
    // Small, and must follow a new build at once: revalidate every time.
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  router.get('/', (_req: Request, res: Response, next) => {
    if (existsSync(join(root, 'index.html'))) return next();
    res.status(503).type('text/plain').send('The moderation console is not built yet: run `npm run build` (npm start does it for you).\n');
  });
  router.use(express.static(root, { index: 'index.html', etag: true, fallthrough: true, redirect: true }));
  return router;
}
