/**
 * The store the settings name: Redis (one server or a cluster) when one is given, else the embedded store in DATA_DIR.
 * One place, so the server and the admin command always open the same store the same way.
 */
import { createEmbeddedStore, type EmbeddedStoreOptions } from './embedded-store.ts';
import type { RedisTarget } from './redis-connection.ts';
import { createRedisStore, type RedisStoreOptions } from './redis-store.ts';
import type { CommentStore } from './types.ts';

export interface StoreSettings {
  /** REDIS_URL or REDIS_CLUSTER_URLS; null: the embedded store. */
  redis: RedisTarget | null;
  redisPrefix: string;
  dataDir: string;
  fsync: boolean;
}

export interface StoreHooks extends Pick<RedisStoreOptions, 'onError' | 'onWarning'>, Pick<EmbeddedStoreOptions, 'onImport'> {
  /** For short-lived admin commands beside a running server (see EmbeddedStoreOptions). */
  besideRunningServer?: boolean;
}

export function openStore(settings: StoreSettings, hooks: StoreHooks = {}): Promise<CommentStore> {
  if (settings.redis) {
    return createRedisStore({
      ...settings.redis,
      prefix: settings.redisPrefix,
      ...(hooks.onError ? { onError: hooks.onError } : {}),
      ...(hooks.onWarning ? { onWarning: hooks.onWarning } : {}),
    });
  }
  return createEmbeddedStore({
    dataDir: settings.dataDir,
    fsync: settings.fsync,
    ...(hooks.onImport ? { onImport: hooks.onImport } : {}),
    ...(hooks.besideRunningServer ? { besideRunningServer: true } : {}),
  });
}
