/**
 * Live fan-out between servers through Redis: Socket.IO's Redis adapter, so a broadcast
 * reaches readers connected to any server on the same Redis. On one Redis, the classic adapter
 * (PUBLISH/SUBSCRIBE). On a Redis Cluster, the sharded adapter (Redis 7's SPUBLISH/SSUBSCRIBE):
 * classic pub/sub on a cluster sends every message to every node, while a sharded channel lives
 * on the node of its slot, and with one channel per room ("dynamic") a thread's events go only
 * to the servers that have a reader of that thread (decision 0022).
 */
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { createRedisConnection, type RedisTarget } from './redis-connection.ts';

export interface RedisFanout {
  /** For `io.adapter(…)`. */
  adapter: ReturnType<typeof createAdapter> | ReturnType<typeof createShardedAdapter>;
  close(): Promise<void>;
}

export async function connectRedisFanout(target: RedisTarget, onError: (err: Error, which: 'pub' | 'sub') => void): Promise<RedisFanout> {
  const pub = createRedisConnection(target);
  const sub = pub.duplicate();
  pub.on('error', (err: Error) => onError(err, 'pub'));
  sub.on('error', (err: Error) => onError(err, 'sub'));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    await Promise.allSettled([pub.close(), sub.close()]);
    throw err;
  }
  if (target.clusterUrls === undefined) catchPublishFailures(pub, (err) => onError(err, 'pub'));
  return {
    adapter: target.clusterUrls === undefined ? createAdapter(pub, sub) : createShardedAdapter(pub, sub, { subscriptionMode: 'dynamic' }),
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}

/**
 * The classic adapter does not wait for its PUBLISH (the sharded one catches its own): one in
 * flight when the connection drops (Redis restarted, failed over) rejects with nobody listening,
 * and Node ends the process on an unhandled rejection. Told as a pub error instead; the broadcast
 * is lost for readers on other servers, whose widgets fetch it at the next event's gap (thread:resync).
 */
function catchPublishFailures(pub: object & { publish: unknown }, onError: (err: Error) => void): void {
  const publish = (pub.publish as (...args: unknown[]) => Promise<unknown>).bind(pub);
  Object.defineProperty(pub, 'publish', {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) =>
      publish(...args).catch((err: unknown) => {
        onError(err instanceof Error ? err : new Error(String(err)));
        return 0;
      }),
  });
}
