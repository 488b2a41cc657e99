/**
 * Closing the Redis store never waits forever for a reply that does not come (after a Redis
 * restart, or a server that stopped answering): shutdown and test hooks must end.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '../../test/support/redis-server.ts';
import { createRedisStore } from './redis-store.ts';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedisServer();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
}, 30_000);

describe('closing the Redis store', () => {
  it('drops the connection after a second when a command it sent is never answered', { timeout: 30_000 }, async () => {
    const store = await createRedisStore({ url: redis.url, prefix: `close-${randomUUID()}` });
    const admin = createClient({ url: redis.url });
    await admin.connect();
    // Redis holds every other client's commands for 8 s: the store's read below gets no reply.
    await admin.sendCommand(['CLIENT', 'PAUSE', '8000', 'ALL']);
    const pending = store
      .getThreadPage('demo', '/jeda', { sort: 'newest', cursor: null, limit: 10, repliesPerRoot: 0, viewerId: null })
      .catch(() => undefined);
    const started = Date.now();
    await store.close();
    const took = Date.now() - started;
    await pending;
    await admin.sendCommand(['CLIENT', 'UNPAUSE']).catch(() => undefined);
    await admin.close();
    // A graceful close would wait the whole pause (8 s) for that reply; the bound is 1 s.
    expect(took).toBeLessThan(4_000);
  });
});
