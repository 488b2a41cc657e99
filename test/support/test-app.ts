/**
 * An in-process server on port 0 over a given store, with the real pipeline and handlers.
 * Integration tests run the same cases against both stores through this.
 */
import { randomBytes } from 'node:crypto';
import type { CommentAlerts } from '../../server/alerts/site-alerts.ts';
import { createApp, type App } from '../../server/app.ts';
import type { SiteModerationSettings } from '../../server/comments/moderate.ts';
import { createSitePolicies, type SitePolicies } from '../../server/sites/site-policies.ts';
import { createPostRateLimit, type PostRateLimit } from '../../server/comments/post-rate-limit.ts';
import type { TrustProxy } from '../../server/limits/trust-proxy.ts';
import type { ReaderLimits } from '../../server/realtime/reader-limits.ts';
import { createAuthorTokens } from '../../server/identity/author-token.ts';
import { silentLogger } from '../../server/logger.ts';
import { createSiteRegistry, type SiteConfig } from '../../server/sites/site-registry.ts';
import type { CommentStore } from '../../server/store/types.ts';
import type { RedisTarget } from '../../server/store/redis-connection.ts';
import { connectRedisFanout } from '../../server/store/redis-fanout.ts';
import { attachFanoutCatchUp } from '../../server/realtime/attach-fanout-catch-up.ts';
import { parsePolicy } from '../../moderation/index.ts';

export const OTHER_ALLOWED_ORIGIN = 'https://berita.example';

/** Every test client connects from 127.0.0.1: limits that count per address stay out of the way. */
const GENEROUS_READER_LIMITS: ReaderLimits = { maxSocketsPerAddress: 10_000, requestsPerSecond: 10_000, requestBurst: 10_000 };

export interface TestApp {
  url: string;
  app: App;
  policies: SitePolicies;
  close(): Promise<void>;
}

/** Site moderation settings from a policy document (throws on a bad one: it is test data). */
export function moderationSettings(policyJson: unknown, extra: Partial<Omit<SiteModerationSettings, 'policy'>> = {}): SiteModerationSettings {
  const parsed = parsePolicy(policyJson);
  if (!parsed.ok) throw new Error(`bad test policy: ${JSON.stringify(parsed.errors)}`);
  return { policy: parsed.policy, preModerated: false, closedPages: [], ...extra };
}

export interface TestAppOptions {
  postsPerMinute?: number;
  /** A post limit of the test's own (e.g. one kept in Redis); wins over `postsPerMinute`. */
  postLimit?: PostRateLimit;
  /** Which proxies to trust for the client address (default: none). */
  trustProxy?: TrustProxy;
  /** Per-address and per-socket limits; tests get generous ones unless they test a limit. */
  readerLimits?: Partial<ReaderLimits>;
  clock?: () => number;
  /** Moderation per site; sites not named use the default policy. */
  moderation?: Record<string, SiteModerationSettings>;
  /** Told about held and reported comments (e.g. server/alerts/ with a test webhook). */
  alerts?: CommentAlerts;
  /** Where the moderation console is served from (PUBLIC_URL); the listening address when absent. */
  publicUrl?: string;
  /** Readers' settings per site (an SSO secret, reserved names, the edit window, closed pages), as a site record gives them. */
  siteSettings?: Record<string, Partial<Pick<SiteConfig, 'ssoSecret' | 'reservedNames' | 'editWindowMinutes' | 'closedPages'>>>;
  /** Broadcasts through this Redis (or Redis Cluster), as the server does with REDIS_URL or REDIS_CLUSTER_URLS: several servers, one audience. */
  fanout?: RedisTarget;
}

export async function startTestApp(store: CommentStore, options: TestAppOptions = {}): Promise<TestApp> {
  const sites = createSiteRegistry([
    { id: 'demo', name: 'Demo', origins: [OTHER_ALLOWED_ORIGIN], ...options.siteSettings?.['demo'] },
    { id: 'other', name: 'Other', origins: ['https://other.example'], ...options.siteSettings?.['other'] },
  ]);
  const policies = createSitePolicies({
    store,
    fromFile: (site) => {
      const settings = options.moderation?.[site];
      return settings ? { json: {}, settings } : undefined;
    },
    sites: () => sites.list().map((s) => s.id),
  });
  await policies.refresh();
  const fanout = options.fanout ? await connectRedisFanout(options.fanout, () => undefined) : null;
  const app = createApp({
    store,
    sites,
    tokens: createAuthorTokens(randomBytes(32)),
    policies,
    rateLimit: options.postLimit ?? createPostRateLimit({ postsPerMinute: options.postsPerMinute ?? 0 }),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    readerLimits: { ...GENEROUS_READER_LIMITS, ...options.readerLimits },
    logger: silentLogger(),
    clock: options.clock ?? Date.now,
    newId: () => randomBytes(12).toString('base64url'),
    distDir: '/nonexistent',
    ...(options.alerts ? { alerts: options.alerts } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(fanout
      ? {
          configureIo: (io) => {
            io.adapter(fanout.adapter);
            attachFanoutCatchUp(io, fanout, { store, logger: silentLogger() });
          },
        }
      : {}),
  });
  const url = await app.listen(0, '127.0.0.1');
  sites.allowOrigins('demo', [url]);
  return {
    url,
    app,
    policies,
    async close() {
      await app.close(1_000);
      await fanout?.close();
    },
  };
}
