import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { addTestModerator } from '../../test/support/moderators.ts';
import { deleteRedisKeys, openStore, type OpenedStore } from '../../test/support/stores.ts';
import { createModeratorAuth } from '../moderators/moderator-auth.ts';
import { connectRedisLimiters, type RedisLimiters } from './redis-limiters.ts';

describe('limiters kept in Redis', () => {
  const prefix = `limits-${randomUUID()}`;
  const url = inject('redisUrl');
  const open: RedisLimiters[] = [];
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
    await opened?.dispose();
    await deleteRedisKeys(url, prefix);
  });

  it('count failed sign-ins once across two servers, so an account is refused on both after its budget', async () => {
    opened = await openStore('embedded');
    await addTestModerator(opened.store, Date.now());
    const serverOf = async () => {
      const limiters = await connectRedisLimiters({ url, prefix });
      open.push(limiters);
      return createModeratorAuth({ store: opened!.store, clock: Date.now, failuresPerAccount: 3, limiter: limiters.make });
    };
    const [a, b] = [await serverOf(), await serverOf()];
    expect(await a.signIn('dewi@example.com', 'wrong-1', '192.0.2.1')).toMatchObject({ code: 'SIGN_IN_FAILED' });
    expect(await b.signIn('dewi@example.com', 'wrong-2', '192.0.2.2')).toMatchObject({ code: 'SIGN_IN_FAILED' });
    expect(await a.signIn('dewi@example.com', 'wrong-3', '192.0.2.3')).toMatchObject({ code: 'SIGN_IN_FAILED' });
    // Three failures spread over two servers: the fourth attempt is refused on either, whatever the password.
    expect(await b.signIn('dewi@example.com', 'kata-sandi-dewi-123', '192.0.2.4')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });
});
