/**
 * HTTP: the embed script, the demo article, the thread API and /healthz. Every API answer is
 * a Result with a stable error code; requests from origins no site allows are refused. Every
 * answer carries helmet's security headers (security-headers.ts); README "HTTP" lists them.
 */
import express, { type Request, type Response, type NextFunction } from 'express';
import { join } from 'node:path';
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { parse, schemas } from '../../protocol/parse.ts';
import { threadPageView } from '../comments/thread-page-view.ts';
import type { ModeratorAuth } from '../moderators/moderator-auth.ts';
import { auditExportRoutes, consolePageRoutes } from './console-routes.ts';
import { countRoutes } from './count-routes.ts';
import { moderatorSessionRoutes } from './moderator-session-routes.ts';
import type { Logger } from '../logger.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { StoreInputError } from '../store/errors.ts';
import type { CommentStore } from '../store/types.ts';
import { toWireError } from '../wire-error.ts';
import { isValidHost } from './host-header.ts';
import { metricsRoute } from './metrics-route.ts';
import { createPrecompressedAsset } from './precompressed-asset.ts';
import { requestIds, requestLogger } from './request-id.ts';
import { cspHeader, demoPageDirectives, securityHeaders } from './security-headers.ts';

export interface HttpAppDeps {
  store: CommentStore;
  sites: SiteRegistry;
  logger: Logger;
  /** Folder holding the built embed.js. */
  distDir: string;
  /** Renders the demo article; absent when the demo is switched off. */
  demo?: {
    site: string;
    render(lang: 'id' | 'en', embedOrigin: string): string;
    /** CSP hashes (`sha256-…`) of the page's inline <style> elements. */
    inlineStyleHashes: readonly string[];
  };
  /**
   * The origin pages load embed.js from: PUBLIC_URL, else the address the server listens
   * on; null before it listens. Never the request's Host, which the client writes.
   */
  embedOrigin: () => string | null;
  /** Which proxies to believe about the client address, so `req.ip` agrees with the sockets'. */
  trustProxy?: (address: string, hop: number) => boolean;
  /** Moderators' sign-in and console (absent: no moderator endpoints are served). */
  moderators?: { auth: ModeratorAuth; secureCookie: boolean; onSignedOut?: (sessionId: string) => void };
  /** GET /metrics, for a request bearing `token` (METRICS_TOKEN); absent: no /metrics. */
  metrics?: { token: string; scrape(): Promise<{ contentType: string; body: string }> };
  /** New request ids (request-id.ts's by default). */
  newRequestId?: () => string;
}

/**
 * The HTTP status of every error code; total, so a new code does not compile until it has one.
 * The socket answers carry only the code; over HTTP the status lets caches, proxies and logs tell
 * the client's mistakes (4xx) from ours (5xx).
 */
const STATUS_FOR_CODE: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  // A socket packet naming no known event; no HTTP route answers it (an unknown path is NOT_FOUND),
  // but if one did it would be a request the server cannot understand.
  UNKNOWN_EVENT: 400,
  UNKNOWN_SITE: 404,
  NOT_FOUND: 404,
  // Understood and refused, and signing in again would not help: 403, not 401.
  ORIGIN_NOT_ALLOWED: 403,
  AUTHOR_BANNED: 403,
  // The request is fine and allowed; the thread's state refuses it, and reopening the thread would
  // let the same request through: a conflict with the resource's state, not a permission.
  THREAD_CLOSED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  // No valid session: signing in would help, which is what 401 says.
  UNAUTHENTICATED: 401,
  SIGN_IN_FAILED: 401,
  // Someone decided it first: a conflict with the comment's state, as THREAD_CLOSED.
  ALREADY_DECIDED: 409,
  // Signed in or not, this may not be done (another site's moderator, a cross-site request).
  FORBIDDEN: 403,
  // Time has moved the comment past its editable state: a conflict with its state, as THREAD_CLOSED.
  EDIT_WINDOW_CLOSED: 409,
  // The name is taken (a moderator's, the site's list): a conflict with what exists, fixed by another name.
  NAME_RESERVED: 409,
  // The identity offered was refused; a fresh, valid token would help, which is what 401 says.
  SSO_INVALID: 401,
};

/**
 * The embed URL is pasted once and never versioned, so it cannot be cached for long: 5
 * minutes fresh, then a revalidation (a 304 thanks to the ETag); for a day after that the
 * browser may use its copy at once and revalidate in the background, so an article page never
 * waits on us for the script. docs/decisions/0008-http-hygiene-and-logs.md.
 */
export const EMBED_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

function send<T>(res: Response, result: Result<T>): void {
  res.status(result.ok ? 200 : STATUS_FOR_CODE[result.error.code]).json(result);
}

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const { store, sites, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Express takes a compiled proxy-addr function as is: never `true` (that trusts the client).
  app.set('trust proxy', deps.trustProxy ?? false);
  app.set('etag', false);
  // First: every answer carries its id, refusals included, and every line logged for it too.
  app.use(requestIds(logger, deps.newRequestId));
  app.use(securityHeaders());
  // Before anything can build a URL from it: a malformed Host is the client's mistake (400), not ours (500).
  app.use((req, res, next) => {
    const host = req.headers.host;
    if (host !== undefined && !isValidHost(host)) return send(res, fail(ErrorCode.INVALID_INPUT, 'The Host header is not valid.'));
    next();
  });

  if (deps.metrics) app.get('/metrics', metricsRoute({ ...deps.metrics, logger, send }));

  app.get('/healthz', async (_req, res) => {
    const health = await store.health();
    res.setHeader('Cache-Control', 'no-store');
    res.status(health.ok ? 200 : 503).json(health.ok ? { ok: true, store: store.kind } : { ok: false, store: store.kind, reason: health.reason });
  });

  const embedScript = createPrecompressedAsset({
    file: join(deps.distDir, 'embed.js'),
    contentType: 'text/javascript; charset=utf-8',
    cacheControl: EMBED_CACHE_CONTROL,
    headers: {
      // A script tag needs no CORS, but a site may preload or fetch it; it is public anyway.
      'Access-Control-Allow-Origin': '*',
      // Other sites' pages load it (no-cors): helmet's same-origin would block exactly that.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  });
  app.get('/embed.js', async (req, res) => {
    if (await embedScript(req, res)) return;
    res.status(503).type('text/plain').send('// embed.js is not built yet: run `npm run build` (npm start does it for you).\n');
  });

  // `<rembuk-count>` on its own, for article lists (dist/count.js): served like embed.js.
  const countScript = createPrecompressedAsset({
    file: join(deps.distDir, 'count.js'),
    contentType: 'text/javascript; charset=utf-8',
    cacheControl: EMBED_CACHE_CONTROL,
    headers: { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' },
  });
  app.get('/count.js', async (req, res) => {
    if (await countScript(req, res)) return;
    res.status(503).type('text/plain').send('// count.js is not built yet: run `npm run build` (npm start does it for you).\n');
  });

  // Every API answer depends on Origin (CORS, refusals), errors and Origin-less requests too,
  // and none may be stored: threads are live, and an error cached is an outage prolonged.
  app.use('/api', (_req, res, next) => {
    res.vary('Origin');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  // The thread and count APIs check the site's origins themselves; preflight gets an answer per origin.
  app.use(['/api/v1/threads/:site', '/api/v1/counts/:site'], (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    const site = String(req.params['site']);
    if (origin !== undefined) {
      if (!sites.isOriginAllowed(site, origin)) {
        send(res, fail(ErrorCode.ORIGIN_NOT_ALLOWED, `Comments for site "${site}" are not enabled on ${origin}.`));
        return;
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET');
      res.status(204).end();
      return;
    }
    next();
  });

  app.get('/api/v1/threads/:site/:page', async (req, res) => {
    const site = parse.site(req.params['site']);
    if (!site.ok) return send(res, fail(ErrorCode.INVALID_INPUT, 'The site id in the URL is not valid.', { field: 'site' }));
    if (!sites.get(site.value)) return send(res, fail(ErrorCode.UNKNOWN_SITE, `No site "${site.value}" is registered on this server.`));
    const page = parse.page(req.params['page']);
    if (!page.ok) return send(res, fail(ErrorCode.INVALID_INPUT, 'The page id in the URL is not valid (URL-encode it).', { field: 'page' }));
    const sortRaw = req.query['sort'];
    const sort = sortRaw === undefined ? { success: true as const, data: 'newest' as const } : schemas.sort.safeParse(sortRaw);
    if (!sort.success)
      return send(res, fail(ErrorCode.INVALID_INPUT, '"sort" must be newest, oldest or likes.', { field: 'sort', reason: 'invalid' }));
    const cursorRaw = req.query['cursor'];
    let cursor: string | null = null;
    if (cursorRaw !== undefined) {
      const parsed = schemas.cursor.safeParse(cursorRaw);
      if (!parsed.success)
        return send(res, fail(ErrorCode.INVALID_INPUT, '"cursor" must be a cursor from an earlier page.', { field: 'cursor', reason: 'invalid' }));
      cursor = parsed.data;
    }
    try {
      const query = { sort: sort.data, cursor, limit: LIMITS.pageSize, repliesPerRoot: LIMITS.repliesPerRoot, viewerId: null };
      const result = await store.getThreadPage(site.value, page.value, query);
      send(res, ok(threadPageView(page.value, sort.data, result)));
    } catch (err) {
      // A cursor of another sort, or one no store issued: the client's mistake.
      if (err instanceof StoreInputError) return send(res, fail(ErrorCode.INVALID_INPUT, err.message, { field: err.field, reason: 'invalid' }));
      requestLogger(res, logger).error({ err }, 'thread API failed');
      send(res, { ok: false, error: toWireError(err) });
    }
  });

  app.use('/api/v1/counts', countRoutes({ store, sites, logger, send }));

  const demo = deps.demo;
  if (demo) {
    const page = (lang: 'id' | 'en') => (_req: Request, res: Response) => {
      const embedOrigin = deps.embedOrigin();
      if (embedOrigin === null) return send(res, fail(ErrorCode.UNAVAILABLE, 'The server is not listening yet.'));
      res.setHeader('Content-Security-Policy', cspHeader(demoPageDirectives(embedOrigin, demo.inlineStyleHashes)));
      // The page is small and names the server's address: always fetch it fresh.
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(demo.render(lang, embedOrigin));
    };
    app.get('/', page('id'));
    app.get('/en', page('en'));
  }

  if (deps.moderators) {
    const moderators = deps.moderators;
    app.use('/moderate/api', (_req, res, next) => {
      // A moderator's answers are about their account: never cached, by anyone.
      res.setHeader('Cache-Control', 'no-store');
      next();
    });
    app.use('/moderate/api', moderatorSessionRoutes({ ...moderators, sites, logger, send, ownOrigin: () => deps.embedOrigin() }));
    app.use('/moderate/api', auditExportRoutes({ store, auth: moderators.auth, logger, distDir: deps.distDir, ownOrigin: deps.embedOrigin, send }));
    app.use('/moderate/api', (_req, res) => send(res, fail(ErrorCode.NOT_FOUND, 'No such moderator endpoint.')));
    app.use('/moderate', consolePageRoutes({ distDir: deps.distDir, ownOrigin: deps.embedOrigin, send }));
  }

  app.use('/api', (_req, res) => send(res, fail(ErrorCode.NOT_FOUND, 'No such API endpoint.')));
  // Our own 404, so it keeps helmet's headers (Express's default answer replaces the CSP).
  app.use((_req, res) => send(res, fail(ErrorCode.NOT_FOUND, 'Nothing here.')));

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
    if (status === 413) return send(res, fail(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large.'));
    if (status >= 400 && status < 500) return send(res, fail(ErrorCode.INVALID_INPUT, 'The request is not valid.'));
    requestLogger(res, logger).error({ err }, 'unhandled HTTP error');
    send(res, { ok: false, error: toWireError(err) });
  });

  return app;
}
