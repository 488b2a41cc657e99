import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createRedisStore } from './redis-store.ts';
import { describeCommentStoreContract } from './store.contract.ts';
import { deleteRedisKeys } from '../../test/support/stores.ts';
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
      await deleteRedisKeys(url, prefix);
    },
  };
});
