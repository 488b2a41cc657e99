/**
 * The store contracts on a real Redis Cluster: three masters started by the test
 * (test/support/redis-cluster.ts), the store on node-redis's cluster client. Every script and
 * MULTI must keep its keys in one slot (a node refuses one that does not, CROSSSLOT), and
 * everything that scans must visit every master: the contracts passing here is the proof.
 * They run once on the cluster (not also on a one-node one): the suites are the same.
 */
import { randomUUID } from 'node:crypto';
import { createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteClusterKeys, startRedisCluster, type RunningRedisCluster } from '../../test/support/redis-cluster.ts';
import { describeModerationContract } from './moderation.contract.ts';
import { authorKeys, threadKeys } from './redis-keys.ts';
import { createRedisStore } from './redis-store.ts';
import { describeSiteDirectoryContract } from './site.contract.ts';
import { describeCommentStoreContract, type StoreHarness } from './store.contract.ts';
import { describeThreadContract } from './thread.contract.ts';
import { describeCommentTransferContract } from './transfer.contract.ts';
import type { CommentStore } from './types.ts';

let cluster: RunningRedisCluster | undefined;
let starting: Promise<RunningRedisCluster> | undefined;
/** Started by the first harness (the suites' own hooks run before a file-level beforeAll would). */
const clusterUrls = async () => (await (starting ??= startRedisCluster().then((c) => (cluster = c)))).urls;

afterAll(async () => {
  await cluster?.stop();
}, 30_000);

async function connectAdmin(urls: string[]) {
  const admin = createCluster({ rootNodes: urls.map((url) => ({ url })) });
  await admin.connect();
  return admin;
}

async function openOnCluster(): Promise<StoreHarness> {
  const clusterUrlList = await clusterUrls();
  const prefix = `test-${randomUUID()}`;
  const open = () => createRedisStore({ clusterUrls: clusterUrlList, prefix });
  let current: CommentStore = await open();
  const admin = await connectAdmin(clusterUrlList);
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await open();
      return current;
    },
    async cleanup() {
      await current.close().catch(() => undefined);
      await admin.close().catch(() => undefined);
      await deleteClusterKeys(clusterUrlList, prefix);
    },
    async breakAuthorHistory(site, authorId) {
      // A plain string where the counts hash belongs: HINCRBY (and any type check) fails WRONGTYPE.
      const counts = authorKeys(prefix, site, authorId).counts;
      await admin.set(counts, 'not a hash');
      return async () => {
        await admin.del(counts);
      };
    },
  };
}

describe('the store on a three-master Redis Cluster', () => {
  let admin: Awaited<ReturnType<typeof connectAdmin>>;
  beforeAll(async () => {
    admin = await connectAdmin(await clusterUrls());
  }, 60_000);
  afterAll(async () => {
    await admin?.close();
  });

  it('spreads the threads of one site over more than one master, so the contracts below cross nodes', async () => {
    const prefix = `spread-${randomUUID()}`;
    const store = await createRedisStore({ clusterUrls: await clusterUrls(), prefix });
    try {
      const pages = Array.from({ length: 12 }, (_, i) => `/page-${i}`);
      // The node clients are one per master: as many distinct ones as masters owning these threads.
      const owners = new Set(await Promise.all(pages.map((page) => admin.getNodeClientForKey(threadKeys(prefix, 'demo', page).seq))));
      expect(owners.size).toBeGreaterThan(1);
      // One call that reads every one of those threads: it must ask each thread's own node.
      expect(Object.values(await store.countThreads('demo', pages))).toEqual(pages.map(() => 0));
    } finally {
      await store.close();
    }
  });

  it('refuses a script over two threads, as the store never sends one (CROSSSLOT)', async () => {
    const a = threadKeys('probe', 'demo', '/a').seq;
    const b = threadKeys('probe', 'demo', '/b').seq;
    await expect(admin.eval("return redis.call('MGET', KEYS[1], KEYS[2])", { keys: [a, b], arguments: [] })).rejects.toThrow(/CROSSSLOT/);
  });
});

describeCommentStoreContract('redis cluster', openOnCluster);
describeModerationContract('redis cluster', openOnCluster);
describeSiteDirectoryContract('redis cluster', openOnCluster);
describeCommentTransferContract('redis cluster', openOnCluster);
describeThreadContract('redis cluster', openOnCluster);
