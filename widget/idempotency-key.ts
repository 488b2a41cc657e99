/**
 * A random idempotency key for `comment:create` (IDEMPOTENCY_KEY_PATTERN: 8–64 of
 * [A-Za-z0-9_-]). getRandomValues works on plain-http pages too, unlike randomUUID.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let key = '';
  for (const b of bytes) key += alphabet[b & 63];
  return key;
}
