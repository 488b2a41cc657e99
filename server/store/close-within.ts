/**
 * node-redis's close waits for every reply still due. After a connection lost Redis (a restart, a
 * killed subscriber) one may never come — seen in fanout-catch-up.test.ts, first for the fan-out's
 * subscriber, then for a store's client whose close outlived a 30 s test hook — and shutdown would
 * wait forever. So a graceful close gets `ms`, then the connection is dropped.
 */
export function closeWithin(client: { close(): Promise<unknown>; destroy(): unknown }, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.destroy();
      resolve();
    }, ms);
    void client
      .close()
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        resolve();
      });
  });
}

/** How long a graceful close of a Redis connection may wait for replies before it is dropped. */
export const REDIS_CLOSE_MS = 1_000;
