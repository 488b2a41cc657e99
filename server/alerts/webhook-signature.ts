/**
 * Signing alerts so a receiver can tell they come from this server and are fresh.
 *
 * Each request carries `X-Rembuk-Timestamp: <ms since the epoch>` and
 * `X-Rembuk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed by the site's secret>`.
 * A receiver recomputes the HMAC over the raw bytes it received (before parsing the JSON), compares
 * in constant time, and refuses a timestamp too far from its own clock (a replayed request):
 *
 * ```ts
 * const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
 * const fresh = Math.abs(Date.now() - Number(timestamp)) < 5 * 60_000;
 * const ok = fresh && expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
 * ```
 *
 * (`verifyWebhookSignature` below does exactly that.)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Rembuk-Signature';
export const TIMESTAMP_HEADER = 'X-Rembuk-Timestamp';

/** How far a receiver should let a timestamp stray from its clock, by default. */
export const DEFAULT_TOLERANCE_MS = 5 * 60_000;

/** The two headers for one request with this body, sent at `timestamp`. */
export function signWebhook(secret: string, body: string, timestamp: number): Record<string, string> {
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signature(secret, body, String(timestamp)) };
}

/** A receiver's check: the signature matches the body and timestamp, and the timestamp is recent. */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  timestamp: string;
  signature: string;
  now: number;
  toleranceMs?: number;
}): boolean {
  const at = Number(input.timestamp);
  if (!/^\d+$/.test(input.timestamp) || Math.abs(input.now - at) > (input.toleranceMs ?? DEFAULT_TOLERANCE_MS)) return false;
  const expected = Buffer.from(signature(input.secret, input.body, input.timestamp));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function signature(secret: string, body: string, timestamp: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
