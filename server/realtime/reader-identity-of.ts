/**
 * Who a reader's handshake says they are (decision 0021): a moderator of the site whose console
 * session cookie came with it, else the SSO identity the page's token proves, else the device's
 * anonymous author. A refused SSO token, or a session that cannot be checked right now, never
 * refuses the connection: the reader continues anonymous (`ssoError` says why for a token).
 */
import { parse as parseCookies } from 'cookie';
import { ErrorCode, type WireError } from '../../protocol/errors.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { SESSION_COOKIE } from '../http/moderator-session-routes.ts';
import { moderatorIdentity, type ReaderIdentity } from '../identity/reader-identity.ts';
import { verifySsoToken } from '../identity/sso-token.ts';
import type { Logger } from '../logger.ts';
import { mayModerate, type ModeratorAuth } from '../moderators/moderator-auth.ts';
import type { SiteConfig } from '../sites/site-registry.ts';

export interface HandshakeIdentity {
  identity: ReaderIdentity;
  ssoError: WireError | null;
}

/**
 * The handshake's `auth` without an SSO token that cannot be one (not a string, empty, over
 * LIMITS.ssoTokenMax), and why it was set aside: such a token is refused like any other, so the
 * connection goes on anonymous instead of failing the handshake's parse.
 */
export function setAsideUnusableSso(auth: unknown): { auth: unknown; refused: WireError | null } {
  if (typeof auth !== 'object' || auth === null || !('sso' in auth) || auth.sso === undefined) return { auth, refused: null };
  const { sso, ...rest } = auth as Record<string, unknown>;
  if (typeof sso === 'string' && sso.length > 0 && sso.length <= LIMITS.ssoTokenMax) return { auth, refused: null };
  if (sso === '' || sso === null) return { auth: rest, refused: null };
  const why = typeof sso === 'string' ? `The SSO token is longer than ${LIMITS.ssoTokenMax} characters.` : 'The SSO token must be a string (a JWT).';
  return { auth: rest, refused: ssoInvalid(why) };
}

export async function identityOf(
  deps: { auth: Pick<ModeratorAuth, 'authenticate'>; logger: Logger; clock: () => number },
  request: { site: SiteConfig; anonymousId: string; sso: string | undefined; cookie: string | undefined },
): Promise<HandshakeIdentity> {
  const { site } = request;
  const anonymous: ReaderIdentity = { authorId: request.anonymousId, kind: 'anonymous', name: null, avatarUrl: null };
  const sessionToken = parseCookies(request.cookie ?? '')[SESSION_COOKIE];
  if (sessionToken) {
    try {
      const signedIn = await deps.auth.authenticate(sessionToken);
      if (signedIn && mayModerate(signedIn.account, site.id)) return { identity: moderatorIdentity(signedIn.account), ssoError: null };
    } catch (err) {
      deps.logger.warn({ err, site: site.id }, 'could not check a moderator session on a reader socket; it continues as a reader');
    }
  }
  if (request.sso === undefined) return { identity: anonymous, ssoError: null };
  if (!site.ssoSecret) return { identity: anonymous, ssoError: ssoInvalid(`Site "${site.id}" has no SSO secret, so it cannot sign readers in.`) };
  const verdict = await verifySsoToken(request.sso, { id: site.id, ssoSecret: site.ssoSecret }, deps.clock());
  if (verdict.ok) return { identity: { ...verdict.identity, kind: 'sso' }, ssoError: null };
  deps.logger.info({ site: site.id, reason: verdict.message }, 'refused a page’s SSO token; the reader continues anonymous');
  return { identity: anonymous, ssoError: ssoInvalid(verdict.message) };
}

function ssoInvalid(message: string): WireError {
  return { code: ErrorCode.SSO_INVALID, message };
}
