/**
 * Moderators sign in and out over HTTP: `POST /moderate/api/session` (email and password →
 * an httpOnly, SameSite=Strict cookie), `GET` (who is signed in), `DELETE` (sign out), and
 * `GET /moderate/api/link?token=…` (a one-time sign-in link: cookie, then the console). The
 * console is served from this server, so every state-changing request must carry this
 * server's own Origin: a form or fetch from another site is FORBIDDEN before anything is read.
 */
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import type { Logger } from '../logger.ts';
import type { ModeratorSessionView } from '../../protocol/moderation.ts';
import { mayModerate, sessionIdOf, type ModeratorAuth } from '../moderators/moderator-auth.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { ModeratorAccount, ModeratorSession } from '../store/moderator-types.ts';
import { requestLogger } from './request-id.ts';

/** The session cookie's name; `__Host-` would demand Secure, which plain-http installs lack. */
export const SESSION_COOKIE = 'rembuk_moderator';

export interface ModeratorSessionRoutesDeps {
  auth: ModeratorAuth;
  logger: Logger;
  /** This server's own origin (PUBLIC_URL, else where it listens); null before it listens. */
  ownOrigin: () => string | null;
  /** Set the cookie's Secure flag (PUBLIC_URL is https). */
  secureCookie: boolean;
  /** The one way answers are written (status from the error code, Vary, no-store). */
  send: <T>(res: Response, result: Result<T>) => void;
  /** The sites the console lists: an admin's are every registered site. */
  sites: SiteRegistry;
  /** A session ended here: its open consoles (on every server) are told and closed. */
  onSignedOut?: (sessionId: string) => void;
}

const signInBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }).strict();

export function moderatorSessionRoutes(deps: ModeratorSessionRoutesDeps): Router {
  const { auth, send } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));

  const sameOrigin = (req: Request, res: Response): boolean => {
    const own = deps.ownOrigin();
    if (own !== null && req.headers.origin === own) return true;
    send(res, fail(ErrorCode.FORBIDDEN, 'Moderator requests must come from the moderation console on this server.'));
    return false;
  };
  const tokenOf = (req: Request): string | undefined => parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const cookie = (value: string, maxAgeS: number) =>
    serializeCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookie, path: '/', maxAge: maxAgeS });
  const sessionCookie = (signedIn: { token: string; session: ModeratorSession }) =>
    cookie(signedIn.token, Math.floor((signedIn.session.expiresAt - signedIn.session.createdAt) / 1000));
  const view = (account: ModeratorAccount, expiresAt: number): ModeratorSessionView => ({
    email: account.email,
    role: account.role,
    sites: deps.sites
      .list()
      .filter((site) => mayModerate(account, site.id))
      .map((site) => ({ id: site.id, name: site.name })),
    expiresAt,
  });

  router.post('/session', async (req, res) => {
    if (!sameOrigin(req, res)) return;
    const body = signInBody.safeParse(req.body);
    if (!body.success) return send(res, fail(ErrorCode.INVALID_INPUT, 'Send {"email": …, "password": …} as JSON.'));
    const outcome = await auth.signIn(body.data.email, body.data.password, req.ip ?? req.socket.remoteAddress ?? '');
    if (!outcome.ok) {
      requestLogger(res, deps.logger).info({ code: outcome.code }, 'a moderator sign-in was refused');
      return send(
        res,
        outcome.code === 'RATE_LIMITED'
          ? fail(ErrorCode.RATE_LIMITED, outcome.message, { retryAfterMs: outcome.retryAfterMs })
          : fail(ErrorCode.SIGN_IN_FAILED, outcome.message),
      );
    }
    requestLogger(res, deps.logger).info({ moderator: outcome.account.id }, 'a moderator signed in');
    res.setHeader('Set-Cookie', sessionCookie(outcome));
    send(res, ok(view(outcome.account, outcome.session.expiresAt)));
  });

  // A one-time link (printed by `npm start` on a fresh install, or by the admin command): a GET
  // from the address bar, so no Origin; the token is the credential, and it works once.
  router.get('/link', async (req, res) => {
    const token = typeof req.query['token'] === 'string' ? req.query['token'] : '';
    const outcome = token.length > 0 && token.length <= 200 ? await auth.signInWithLink(token) : null;
    if (!outcome?.ok) {
      requestLogger(res, deps.logger).info('a sign-in link was refused (used, expired or unknown)');
      res
        .status(401)
        .type('text/plain; charset=utf-8')
        .send('This sign-in link has been used or has expired. Sign in with your email and password at /moderate, or ask an admin for a new link.\n');
      return;
    }
    requestLogger(res, deps.logger).info({ moderator: outcome.account.id }, 'a moderator signed in with a one-time link');
    res.setHeader('Set-Cookie', sessionCookie(outcome));
    res.redirect(303, '/moderate/');
  });

  router.get('/session', async (req, res) => {
    const token = tokenOf(req);
    const signedIn = token === undefined ? null : await auth.authenticate(token);
    if (!signedIn) return send(res, fail(ErrorCode.UNAUTHENTICATED, 'Not signed in, or the session has ended. Sign in again.'));
    send(res, ok(view(signedIn.account, signedIn.session.expiresAt)));
  });

  router.delete('/session', async (req, res) => {
    if (!sameOrigin(req, res)) return;
    const token = tokenOf(req);
    if (token !== undefined) {
      await auth.signOut(token);
      deps.onSignedOut?.(sessionIdOf(token));
    }
    res.setHeader('Set-Cookie', cookie('', 0));
    send(res, ok({}));
  });

  return router;
}
