/**
 * The moderation namespace's handshake: the connection comes from this server's own console
 * (Origin), carries a live session (the httpOnly cookie the browser sends with the upgrade),
 * and names a site that session may moderate. Anything else is refused with FORBIDDEN before
 * the socket exists: a reader's page, a signed-out browser, a forged or revoked cookie, another
 * site's moderator, another origin.
 */
import { parse as parseCookies } from 'cookie';
import type { ExtendedError } from 'socket.io';
import { ErrorCode } from '../../protocol/errors.ts';
import type { ConnectErrorData } from '../../protocol/events.ts';
import { parseModerationHandshake } from '../../protocol/moderation-parse.ts';
import { SESSION_COOKIE } from '../http/moderator-session-routes.ts';
import { mayModerate } from '../moderators/moderator-auth.ts';
import type { ConsoleDeps } from './console-deps.ts';
import type { ConsoleSocket } from './console-socket.ts';

class ConnectRefusal extends Error implements ExtendedError {
  readonly data: ConnectErrorData;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.data = { code, message };
  }
}

const forbidden = (message: string) => new ConnectRefusal(ErrorCode.FORBIDDEN, message);

export function consoleHandshake(deps: Pick<ConsoleDeps, 'auth' | 'sites' | 'logger' | 'ownOrigin'>) {
  return (socket: ConsoleSocket, next: (err?: ExtendedError) => void): void => {
    const origin = socket.handshake.headers.origin;
    const own = deps.ownOrigin();
    if (own === null || origin !== own) {
      deps.logger.warn({ origin: origin ?? null }, 'refused a moderation socket from another origin');
      return next(forbidden('The moderation console only connects from this server’s own /moderate page.'));
    }
    const auth = parseModerationHandshake(socket.handshake.auth);
    if (!auth.ok) return next(new ConnectRefusal(ErrorCode.INVALID_INPUT, `Handshake: ${auth.error.message}`));
    const { site } = auth.value;
    const token = parseCookies(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return next(forbidden('Sign in to moderate.'));
    deps.auth.authenticate(token).then(
      (signedIn) => {
        if (!signedIn) return next(forbidden('Your session has ended or is not valid. Sign in again.'));
        if (!deps.sites.get(site) || !mayModerate(signedIn.account, site)) {
          deps.logger.warn({ moderator: signedIn.account.id, site }, 'refused a moderation socket for a site the moderator may not moderate');
          return next(forbidden(`This account may not moderate site "${site}".`));
        }
        socket.data = { site, moderatorId: signedIn.account.id, email: signedIn.account.email, sessionId: signedIn.session.id };
        next();
      },
      (err: unknown) => {
        deps.logger.error({ err }, 'could not check a moderator session');
        next(new ConnectRefusal(ErrorCode.UNAVAILABLE, 'The server cannot check sessions right now; try again shortly.'));
      },
    );
  };
}
