/**
 * A site's SSO token (a JWT the host page passes in the handshake), verified with `jose`: HS256
 * only, signed with the site's SSO secret (its UTF-8 bytes are the HMAC key), `aud` the site id,
 * `exp` required, `sub` the user's id on the site, `name` their display name, `avatar` an optional
 * https URL. A refusal is a value with a sentence for the site's developer, never an exception:
 * the reader then continues anonymous (decision 0021).
 */
import { errors, jwtVerify } from 'jose';
import { LIMITS } from '../../protocol/limits.ts';

/** Who a valid token says the reader is. */
export interface SsoIdentity {
  /** `sso:<sub>`: one author across the reader's devices. */
  authorId: string;
  name: string;
  /** https only, else null. */
  avatarUrl: string | null;
}

export type SsoVerdict = { ok: true; identity: SsoIdentity } | { ok: false; message: string };

/** Longest `sub` taken: the author id must stay short enough for keys and the console. */
export const SSO_SUB_MAX = 64;
/** Longest avatar URL taken. */
const AVATAR_URL_MAX = 1_000;
/** A clock skew tolerated between the site's server and this one. */
const CLOCK_TOLERANCE_S = 30;

export async function verifySsoToken(token: string, site: { id: string; ssoSecret: string }, now: number): Promise<SsoVerdict> {
  if (token.length > LIMITS.ssoTokenMax) return refuse(`The SSO token is longer than ${LIMITS.ssoTokenMax} characters.`);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(site.ssoSecret), {
      algorithms: ['HS256'],
      audience: site.id,
      requiredClaims: ['exp', 'sub'],
      currentDate: new Date(now),
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (err) {
    return refuse(explain(err, site.id));
  }
  const sub = payload['sub'];
  // Braces too: the author id sits in store keys, where braces mark a Redis Cluster hash tag.
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > SSO_SUB_MAX || /[\s\p{Cc}{}]/u.test(sub)) {
    return refuse(`The SSO token's "sub" must be the user's id: 1–${SSO_SUB_MAX} characters, no spaces, braces or control characters.`);
  }
  const rawName = payload['name'];
  const name = typeof rawName === 'string' ? rawName.replace(/\s+/g, ' ').trim() : '';
  if (name.length === 0 || name.length > LIMITS.nameMax) {
    return refuse(`The SSO token's "name" must be the user's display name: 1–${LIMITS.nameMax} characters.`);
  }
  const avatar = avatarOf(payload['avatar']);
  if (avatar === undefined) return refuse('The SSO token\'s "avatar", when given, must be an https URL.');
  return { ok: true, identity: { authorId: `sso:${sub}`, name, avatarUrl: avatar } };
}

function refuse(message: string): SsoVerdict {
  return { ok: false, message };
}

/** null when absent; undefined when present but not an https URL. */
function avatarOf(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > AVATAR_URL_MAX) return undefined;
  try {
    return new URL(value).protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What the site's developer should fix, from jose's error. */
function explain(err: unknown, siteId: string): string {
  if (err instanceof errors.JWTExpired) return 'The SSO token has expired ("exp" is past): sign a fresh one for each page view.';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return `The SSO token's "aud" must be the site id "${siteId}".`;
    if (err.reason === 'missing') return `The SSO token has no "${err.claim}" claim; it needs "sub", "name", "aud" and "exp".`;
    return `The SSO token's "${err.claim}" claim is not valid (${err.reason}).`;
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'The SSO token must be signed with HS256.';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'The SSO token’s signature does not match this site’s SSO secret.';
  return 'The SSO token is not a valid JWT (HS256, signed with the site’s SSO secret).';
}
