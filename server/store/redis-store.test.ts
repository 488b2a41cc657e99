import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { inject } from 'vitest';
import { createRedisStore } from './redis-store.ts';
import { describeCommentStoreContract } from './store.contract.ts';
import type { CommentStore } from './types.ts';

describeCommentStoreContract('redis', async () => {
  const url = inject('redisUrl');
  const prefix = `test-${randomUUID()}`;
  let current: CommentStore = await createRedisStore({ url, prefix });
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await createRedisStore({ url, prefix });
      return current;
    },
    async cleanup() {
      await current.close().catch(() => undefined);
      const admin = createClient({ url });
      await admin.connect();
      for await (const batch of admin.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
        if (batch.length > 0) await admin.del(batch);
      }
      await admin.close();
    },
  };
});
