/**
 * The server's configuration, read from the environment through one schema. Every bad
 * variable is reported at once, with what it should look like.
 */
import { z } from 'zod';
import type { StoreSettings } from './store/open-store.ts';
import type { RedisTarget } from './store/redis-connection.ts';
import { parseTrustProxy, type TrustProxy } from './limits/trust-proxy.ts';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** TRUST_PROXY, compiled once: a hop count, or trusted addresses/subnets (limits/trust-proxy.ts). */
const trustProxy = z.string().transform((value, ctx): { trust: TrustProxy; description: string } => {
  const parsed = parseTrustProxy(value);
  if (parsed.ok) return { trust: parsed.trust, description: parsed.description };
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
});

/** REDIS_CLUSTER_URLS: comma-separated redis:// (or rediss://) URLs of some of a cluster's nodes; the rest are discovered. */
const clusterUrls = z.string().transform((value, ctx): string[] => {
  const urls = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const bad = urls.filter((url) => !z.url({ protocol: /^rediss?$/ }).safeParse(url).success);
  if (urls.length > 0 && bad.length === 0) return urls;
  ctx.addIssue({
    code: 'custom',
    message:
      urls.length === 0
        ? 'must name at least one node, as redis://host:port[,redis://host:port…]'
        : `must be redis:// or rediss:// URLs separated by commas (not ${bad.map((u) => JSON.stringify(u)).join(', ')})`,
  });
  return z.NEVER;
});

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** A Redis Cluster instead of one Redis (REDIS_URL): the store, the limits and the live fan-out all use it. */
  REDIS_CLUSTER_URLS: clusterUrls.optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,64}$/, 'must be 1–64 letters, digits, _ : or -')
    .default('rembuk'),
  DATA_DIR: z.string().min(1).default('./data'),
  JOURNAL_FSYNC: bool.default(true),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SITES_FILE: z.string().min(1).optional(),
  /** How often each server reads the sites from the store again (a `site` command takes effect within this). */
  SITES_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DEMO: bool.default(true),
  RATE_LIMIT_POSTS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  TRUST_PROXY: trustProxy.prefault('false'),
  MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  SOCKET_REQUESTS_PER_SECOND: z.coerce.number().min(0.1).max(10_000).default(10),
  SOCKET_REQUEST_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** Serves /metrics (Prometheus) to a request bearing this token; no /metrics at all when unset (0023-metrics.md). */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,256}$/, 'must be 32–256 visible ASCII characters (e.g. openssl rand -hex 32)')
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: Record<string, string | undefined>): { ok: true; config: Config } | { ok: false; errors: string[] } {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const result = configSchema.safeParse(relevant);
  // Checked beside the schema, so that it is told with every other problem.
  const both =
    relevant['REDIS_URL'] !== undefined && relevant['REDIS_CLUSTER_URLS'] !== undefined
      ? ['REDIS_CLUSTER_URLS: set either REDIS_URL (one Redis) or REDIS_CLUSTER_URLS (a Redis Cluster), not both']
      : [];
  if (result.success && both.length === 0) return { ok: true, config: result.data };
  return { ok: false, errors: [...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...both] };
}

/** The Redis the settings name (one server, or a cluster), or null for the embedded store. */
export function redisTargetOf(config: Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_URLS'>): RedisTarget | null {
  if (config.REDIS_CLUSTER_URLS) return { clusterUrls: config.REDIS_CLUSTER_URLS };
  if (config.REDIS_URL) return { url: config.REDIS_URL };
  return null;
}

/** What the stores need of the settings (server/store/open-store.ts reads no Config of its own). */
export function storeSettingsOf(config: Config): StoreSettings {
  return { redis: redisTargetOf(config), redisPrefix: config.REDIS_PREFIX, dataDir: config.DATA_DIR, fsync: config.JOURNAL_FSYNC };
}
