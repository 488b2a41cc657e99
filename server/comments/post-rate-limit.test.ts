import { describe, expect, it } from 'vitest';
import { createPostRateLimit } from './post-rate-limit.ts';

describe('post rate limit', () => {
  it('lets an address post its allowance, then tells it how long to wait', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
    const refused = await limit.consume('10.0.0.1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterMs).toBeGreaterThan(50_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('counts each address separately', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 1 });
    expect(await limit.consume('10.0.0.1')).toEqual({ ok: true });
    expect(await limit.consume('10.0.0.2')).toEqual({ ok: true });
  });

  it('is off when the allowance is 0', async () => {
    const limit = createPostRateLimit({ postsPerMinute: 0 });
    for (let i = 0; i < 100; i += 1) expect((await limit.consume('10.0.0.1')).ok).toBe(true);
  });
});
