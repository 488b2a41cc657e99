import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER, verifyWebhookSignature } from './webhook-signature.ts';

const SECRET = 'a-site-secret-of-at-least-32-characters';
const BODY = '{"event":"comment.held","text":"hai"}';

describe('webhook signatures', () => {
  it('sign "<timestamp>.<body>" with HMAC-SHA256, as node:crypto computes it', () => {
    const headers = signWebhook(SECRET, BODY, 1_700_000_000_123);
    expect(headers[TIMESTAMP_HEADER]).toBe('1700000000123');
    const expected = createHmac('sha256', SECRET).update(`1700000000123.${BODY}`).digest('hex');
    expect(headers[SIGNATURE_HEADER]).toBe(`sha256=${expected}`);
  });

  it('verify for a receiver: the right body and a recent timestamp pass', () => {
    const headers = signWebhook(SECRET, BODY, 1_000_000);
    const check = (changes: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({
        secret: SECRET,
        body: BODY,
        timestamp: headers[TIMESTAMP_HEADER] ?? '',
        signature: headers[SIGNATURE_HEADER] ?? '',
        now: 1_000_500,
        ...changes,
      });
    expect(check({})).toBe(true);
    expect(check({ body: `${BODY} ` })).toBe(false);
    expect(check({ secret: `${SECRET}x` })).toBe(false);
    expect(check({ timestamp: '1000001' })).toBe(false);
    expect(check({ signature: 'sha256=00' })).toBe(false);
    expect(check({ now: 1_000_000 + 5 * 60_000 + 1 })).toBe(false);
    expect(check({ timestamp: '1e6' })).toBe(false);
  });
});
