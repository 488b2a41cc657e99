/**
 * Several real servers (server/main.ts as child processes) on one Redis (REDIS_URL) or on one
 * Redis Cluster (REDIS_CLUSTER_URLS), behind one real nginx,
 * configured as production runs them: the same SECRET (an author token made by one is good on
 * the other), TRUST_PROXY trusting the proxy on loopback (so X-Forwarded-For is the reader's
 * address), and PUBLIC_URL the proxy's URL (the demo page and the console's origin checks are
 * about that URL, not a server's own port). Ports are chosen first, so nginx can start before the
 * servers and a killed server can start again on its port.
 */
import { randomBytes } from 'node:crypto';
import type { RedisTarget } from '../../server/store/redis-connection.ts';
import { startChildServer, type ChildServer } from './child-server.ts';
import { startNginx, UPSTREAM_HEADER, type RunningNginx } from './nginx-proxy.ts';
import { freePort } from './redis-server.ts';

export interface ServersBehindNginx {
  nginx: RunningNginx;
  /** The proxy's URL: every server's PUBLIC_URL, the origin pages and consoles come from. */
  publicUrl: string;
  /** The servers, in upstream order (the index a PIN_COOKIE names). */
  servers: ChildServer[];
  /** `127.0.0.1:port` of each server, as nginx names it in its upstream header. */
  addresses: string[];
  /** The Redis every server is on (for a test that opens the same store). */
  redis: RedisTarget;
  /** Every server's REDIS_PREFIX (for a test that opens the same store). */
  prefix: string;
  /** The shared SECRET. */
  secret: string;
  /** Resolves once the proxy's round robin reaches every server (see waitForUpstreams). */
  ready(): Promise<void>;
  /** Starts server `i` again on its port (after a kill), with the same settings. */
  restart(i: number): Promise<ChildServer>;
  /** Stops every server and nginx, and removes their folders. */
  stop(): Promise<void>;
}

/** Where the servers' Redis is: one Redis, or some nodes of a cluster (the servers discover the rest). */
export type ServersRedis = { redisUrl: string; redisClusterUrls?: undefined } | { redisClusterUrls: readonly string[]; redisUrl?: undefined };

export type ServersBehindNginxOptions = ServersRedis & {
  count?: number;
  /** More settings for every server (SITES_FILE, limits…). */
  env?: Record<string, string>;
};

export async function startServersBehindNginx(options: ServersBehindNginxOptions): Promise<ServersBehindNginx> {
  const count = options.count ?? 2;
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const addresses = ports.map((p) => `127.0.0.1:${p}`);
  const nginx = await startNginx(addresses, { pinnable: true });
  const prefix = `several-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  const redis: RedisTarget = options.redisClusterUrls !== undefined ? { clusterUrls: options.redisClusterUrls } : { url: options.redisUrl };
  const env = {
    // The other one set empty (the server reads empty as unset): a REDIS_URL the test run inherited must not reach a cluster's servers.
    REDIS_URL: redis.url ?? '',
    REDIS_CLUSTER_URLS: redis.clusterUrls?.join(',') ?? '',
    REDIS_PREFIX: prefix,
    SECRET: secret,
    TRUST_PROXY: 'loopback',
    PUBLIC_URL: nginx.url,
    DEMO: 'true',
    ...options.env,
  };
  const servers: ChildServer[] = [];
  const start = (i: number) => startChildServer({ env: { ...env, PORT: String(ports[i]) } });
  try {
    // One after the other: the first seeds SITES_FILE's sites into the empty Redis alone.
    for (let i = 0; i < count; i += 1) servers.push(await start(i));
    await waitForUpstreams(nginx.url, addresses);
  } catch (err) {
    for (const s of servers) await s.cleanup();
    await nginx.stop();
    throw err;
  }
  return {
    nginx,
    publicUrl: nginx.url,
    servers,
    addresses,
    redis,
    prefix,
    secret,
    ready: () => waitForUpstreams(nginx.url, addresses),
    async restart(i) {
      const old = servers[i];
      if (old) await old.cleanup();
      const next = await start(i);
      servers[i] = next;
      return next;
    },
    async stop() {
      await Promise.all(
        servers.map(async (s) => {
          await s.stop();
          await s.cleanup();
        }),
      );
      await nginx.stop();
    },
  };
}

/**
 * Resolves once plain requests through the proxy have been answered by every one of `addresses`.
 * nginx counts a refused connection as a failure and leaves that server out for fail_timeout
 * (2 s): its own readiness probe, before the servers were up, or a server that was down, would
 * otherwise send the first requests of a test elsewhere (or nowhere).
 */
export async function waitForUpstreams(url: string, addresses: readonly string[], timeoutMs = 15_000): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < addresses.length) {
    if (Date.now() > deadline) throw new Error(`the proxy reached only ${[...seen].join(', ') || 'no server'} of ${addresses.join(', ')}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      const upstream = res.headers.get(UPSTREAM_HEADER) ?? '';
      if (res.ok && addresses.includes(upstream)) seen.add(upstream);
      else await new Promise((r) => setTimeout(r, 100));
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
