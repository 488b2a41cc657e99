/**
 * One Redis or a Redis Cluster, behind one type. The store, the limiters and the live adapter
 * use only commands that node-redis's plain client and its cluster client both have (a cluster
 * client routes each command by its first key, a script or MULTI by its first key too), so there
 * is one code path for both; only what has to visit every node (SCAN, INFO) asks for the nodes.
 * Decision 0022 says how the keys map to slots.
 */
import { createClient, createCluster } from 'redis';

/** Where Redis is: one server's URL, or the redis:// URLs of some nodes of a cluster (the rest is discovered). */
export type RedisTarget = { url: string; clusterUrls?: undefined } | { clusterUrls: readonly string[]; url?: undefined };

type SingleClient = ReturnType<typeof createClient>;
type ClusterClient = ReturnType<typeof createCluster>;
/** What the store talks to: a client of one Redis, or of a cluster. Both have every command the store sends. */
export type RedisConnection = SingleClient | ClusterClient;
/** A connection to one server: the single Redis itself, or one master of a cluster. */
export type RedisNode = SingleClient | Awaited<ReturnType<ClusterClient['nodeClient']>>;

export interface RedisConnectionOptions {
  /** Fail a command at once while disconnected instead of queueing it until Redis is back. */
  disableOfflineQueue?: boolean;
}

/** A client for the target, not yet connected. */
export function createRedisConnection(target: RedisTarget, options: RedisConnectionOptions = {}): RedisConnection {
  const settings = options.disableOfflineQueue ? { disableOfflineQueue: true } : {};
  if (target.clusterUrls !== undefined) {
    // `defaults` reach every node the client discovers; `rootNodes` only the first contacts, so
    // the URLs' credentials and TLS go into the defaults too.
    return createCluster({
      rootNodes: target.clusterUrls.map((url) => ({ url, ...settings })),
      defaults: { ...settings, ...nodeDefaults(target.clusterUrls) },
    });
  }
  return createClient({ url: target.url, ...settings });
}

/** What every node of a cluster is reached with, from its URLs: the first credentials given, and TLS when a URL is rediss://. */
export function nodeDefaults(urls: readonly string[]): { username?: string; password?: string; socket?: { tls: true } } {
  const parsed = urls.map((url) => new URL(url));
  const withCredentials = parsed.find((url) => url.username !== '' || url.password !== '');
  return {
    ...(withCredentials?.username ? { username: decodeURIComponent(withCredentials.username) } : {}),
    ...(withCredentials?.password ? { password: decodeURIComponent(withCredentials.password) } : {}),
    ...(parsed.some((url) => url.protocol === 'rediss:') ? { socket: { tls: true as const } } : {}),
  };
}

export function isClusterConnection(connection: RedisConnection): connection is ClusterClient {
  return 'masters' in connection;
}

/** Every server holding data: the one Redis, or each master of the cluster once (replicas hold copies). */
export async function masterNodes(connection: RedisConnection): Promise<RedisNode[]> {
  if (!isClusterConnection(connection)) return [connection];
  return Promise.all(connection.masters.map((master) => connection.nodeClient(master)));
}

/** The target for messages and logs, passwords hidden. */
export function describeRedisTarget(target: RedisTarget): string {
  if (target.clusterUrls !== undefined) return `the Redis Cluster at ${target.clusterUrls.map(redactUrl).join(', ')}`;
  return `Redis at ${redactUrl(target.url)}`;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
