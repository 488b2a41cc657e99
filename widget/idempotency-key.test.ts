import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_PATTERN } from '../protocol/limits.ts';
import { newIdempotencyKey } from './idempotency-key.ts';

describe('idempotency key', () => {
  it('matches the protocol pattern and differs every time', () => {
    const keys = new Set(Array.from({ length: 200 }, newIdempotencyKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(IDEMPOTENCY_KEY_PATTERN);
  });
});
