/** A new site's SSO secret: 32 random bytes (HS256 wants at least the hash's 256 bits), base64url. */
import { randomBytes } from 'node:crypto';

export function newSsoSecret(): string {
  return randomBytes(32).toString('base64url');
}
