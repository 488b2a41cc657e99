/**
 * The readers' handshake: binds a socket to one site (its origin checked) and one author (their
 * anonymous token verified, or a new one issued; a moderator's session or an SSO token over it,
 * reader-identity-of.ts), and claims one of its address's socket slots.
 */
import type { ExtendedError } from 'socket.io';
import { ErrorCode } from '../../protocol/errors.ts';
import type { ConnectErrorData } from '../../protocol/events.ts';
import { parse } from '../../protocol/parse.ts';
import { identityOf, setAsideUnusableSso } from './reader-identity-of.ts';
import type { ReaderDeps, ReaderSocket } from './reader-socket.ts';

/** A refused handshake: the client reads `code` and `message` from `connect_error`'s `data`. */
class ConnectRefusal extends Error implements ExtendedError {
  readonly data: ConnectErrorData;
  constructor(code: ErrorCode, message: string, retryAfterMs?: number) {
    super(message);
    this.data = retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs };
  }
}

export function readerHandshake(deps: Pick<ReaderDeps, 'sites' | 'tokens' | 'logger' | 'gate' | 'auth' | 'clock'>) {
  const { sites, tokens, logger, gate } = deps;
  return (socket: ReaderSocket, next: (err?: ExtendedError) => void): void => {
    const { auth: usable, refused } = setAsideUnusableSso(socket.handshake.auth);
    const auth = parse.handshake(usable);
    if (!auth.ok) return next(new ConnectRefusal(ErrorCode.INVALID_INPUT, `Handshake: ${auth.error.message}`));
    const { site, token, sso } = auth.value;
    const config = sites.get(site);
    if (!config) return next(new ConnectRefusal(ErrorCode.UNKNOWN_SITE, `No site "${site}" is registered on this server.`));
    const origin = socket.handshake.headers.origin;
    if (!sites.isOriginAllowed(site, origin)) {
      logger.warn({ site, origin: origin ?? null }, 'refused a socket from an origin the site does not allow');
      return next(
        new ConnectRefusal(
          ErrorCode.ORIGIN_NOT_ALLOWED,
          `Comments for site "${site}" are not enabled on ${origin ?? 'this page'}. The site owner must add this origin.`,
        ),
      );
    }
    const address = gate.addressOf(socket.request);
    // Claimed last, so a handshake refused for another reason holds no slot. Claiming here
    // (not on 'connection') keeps a burst of simultaneous handshakes from all slipping past.
    const slot = gate.claim(address);
    if (!slot.ok) {
      // Debug, not warn: a flooder's thousands of refused handshakes must not become a log flood.
      logger.debug({ address, max: gate.limits.maxSocketsPerAddress }, 'refused a socket over the per-address cap');
      return next(new ConnectRefusal(ErrorCode.RATE_LIMITED, slot.message, slot.retryAfterMs));
    }
    // A socket that never completes its connection emits no 'disconnect'; its transport still closes.
    socket.once('disconnect', slot.release);
    socket.conn.once('close', slot.release);
    if (socket.conn.readyState === 'closed') slot.release();
    const known = token ? tokens.verify(site, token) : null;
    const anonymousId = known ?? tokens.newAuthorId();
    const anonymousToken = known && token ? token : tokens.issue(site, anonymousId);
    identityOf(deps, { site: config, anonymousId, sso, cookie: socket.handshake.headers.cookie }).then(
      ({ identity, ssoError }) => {
        socket.data = { site, ...identity, token: anonymousToken, ssoError: ssoError ?? refused, address };
        next();
      },
      // identityOf answers anonymous for every refusal it knows; this is a bug, not the reader's.
      (err: unknown) => {
        logger.error({ err, site }, 'could not work out a reader socket’s identity');
        next(new ConnectRefusal(ErrorCode.INTERNAL, 'The server could not open this connection; try again.'));
      },
    );
  };
}
