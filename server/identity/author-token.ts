/**
 * Anonymous reader identity: a random author id plus an HMAC over it and the site, so a
 * reader cannot claim another reader's id and a token from one site is useless on another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface AuthorTokens {
  issue(site: string, authorId: string): string;
  /** The author id the token proves, or null for a forged, foreign or malformed token. */
  verify(site: string, token: string): string | null;
  newAuthorId(): string;
}

const VERSION = 'v1';

export function createAuthorTokens(secret: Uint8Array): AuthorTokens {
  if (secret.length < 32) throw new Error('The token secret must be at least 32 bytes.');
  const sign = (site: string, authorId: string) =>
    createHmac('sha256', secret).update(`${VERSION}\n${site}\n${authorId}`).digest('base64url').slice(0, 32);
  return {
    issue: (site, authorId) => `${VERSION}.${authorId}.${sign(site, authorId)}`,
    verify(site, token) {
      const [version, authorId, signature, ...rest] = token.split('.');
      if (version !== VERSION || !authorId || !signature || rest.length > 0) return null;
      if (!/^[A-Za-z0-9_-]{16,64}$/.test(authorId)) return null;
      const expected = Buffer.from(sign(site, authorId));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected) ? authorId : null;
    },
    newAuthorId: () => `a_${randomBytes(15).toString('base64url')}`,
  };
}
