/**
 * Opens each store implementation for cross-part tests: a fresh embedded store in a temp
 * folder, and a Redis store under a unique key prefix on the test run's redis-server.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterEach, inject } from 'vitest';
import { createEmbeddedStore } from '../../server/store/embedded-store.ts';
import { createRedisStore } from '../../server/store/redis-store.ts';
import type { CommentStore } from '../../server/store/types.ts';

export interface OpenedStore {
  store: CommentStore;
  dispose(): Promise<void>;
}

export const STORE_KINDS = ['embedded', 'redis'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export async function openStore(kind: StoreKind): Promise<OpenedStore> {
  if (kind === 'embedded') {
    const dir = await mkdtemp(join(tmpdir(), 'rembuk-it-'));
    const store = await createEmbeddedStore({ dataDir: dir });
    return {
      store,
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const url = inject('redisUrl');
  const prefix = `it-${randomUUID()}`;
  const store = await createRedisStore({ url, prefix });
  return {
    store,
    async dispose() {
      await store.close();
      await deleteRedisKeys(url, prefix);
    },
  };
}

/**
 * Inside a describe block: `const freshStore = storePerTest(kind)`, then `await freshStore()` in
 * a test opens a new store of that kind, disposed of after the test.
 */
export function storePerTest(kind: StoreKind): () => Promise<CommentStore> {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  return async () => {
    opened = await openStore(kind);
    return opened.store;
  };
}

/** Removes every key under a test's prefix, leaving the rest of that Redis alone. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const admin = createClient({ url });
  await admin.connect();
  for await (const batch of admin.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
    if (batch.length > 0) await admin.del(batch);
  }
  await admin.close();
}
