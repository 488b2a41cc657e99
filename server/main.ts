/**
 * Composition root: the only place that reads process.env, opens the store, and handles
 * signals. Everything else receives what it needs.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { z } from 'zod';
import { ARTICLE_STYLE_HASHES, renderArticlePage } from '../demo/article-page.ts';
import { createSiteAlerts } from './alerts/site-alerts.ts';
import { createWebhookDispatcher, type WebhookTarget } from './alerts/webhook-dispatcher.ts';
import { createApp } from './app.ts';
import type { SiteModerationSettings } from './comments/moderate.ts';
import { firstAdminLink } from './moderators/first-admin.ts';
import { pageUrlOf } from './sites/page-url.ts';
import { createSitePolicies } from './sites/site-policies.ts';
import { connectRedisLimiters } from './limits/redis-limiters.ts';
import { defaultPolicy, parsePolicy } from '../moderation/index.ts';
import { createPostRateLimit, createRedisPostRateLimit } from './comments/post-rate-limit.ts';
import { parseConfig, storeSettingsOf, type Config } from './config.ts';
import { createAuthorTokens } from './identity/author-token.ts';
import { loadSecret } from './identity/secret-file.ts';
import { createLogger, type Logger } from './logger.ts';
import { createAsyncLogDestination, fdWriter } from './log-destination.ts';
import { createSiteRegistry, type SiteConfig } from './sites/site-registry.ts';
import { openStore } from './store/open-store.ts';
import type { CommentStore } from './store/types.ts';
import { SITE_ID_PATTERN } from '../protocol/limits.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_SITE = 'demo';
const DEMO_CANONICAL_PATH = '/2025/03/11/kemenperin-dan-unido-kolaborasi-dukung-hilirisasi-mineral-kritis-berkelanjutan/';
const SHUTDOWN_LIMIT_MS = 5_000;

const sitesFileSchema = z.object({
  sites: z.array(
    z.object({
      id: z.string().regex(SITE_ID_PATTERN),
      name: z.string().min(1).max(120),
      origins: z.array(z.url()).default([]),
      /** The site's moderation policy (moderation/README.md); defaults when absent. */
      moderation: z.unknown().optional(),
      preModerated: z.boolean().default(false),
      closedPages: z.array(z.string()).default([]),
      /** Where the site's alerts (held comments) go: a signed JSON POST, see server/alerts/. */
      alerts: z
        .strictObject({
          webhook: z.strictObject({
            url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }),
            secret: z.string().min(32, 'must be at least 32 characters'),
          }),
        })
        .optional(),
    }),
  ),
});

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`Rembuk cannot start; fix these settings:\n  ${parsed.errors.join('\n  ')}\n`);
    process.exit(2);
  }
  const config = parsed.config;
  const logDestination = createAsyncLogDestination({
    writeChunk: fdWriter(1),
    onDropsEnded: (dropped, reason) => logger.warn({ dropped, reason }, 'log lines were dropped: the log destination failed or could not keep up'),
  });
  const logger = createLogger({
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    destination: logDestination,
  });

  const { sites: siteList, moderation, webhooks } = loadSites(config);
  const alerts =
    webhooks.size > 0
      ? createSiteAlerts({
          webhooks,
          dispatcher: createWebhookDispatcher({
            fetch: globalThis.fetch,
            clock: Date.now,
            schedule: (delayMs, run) => {
              const timer = setTimeout(run, delayMs);
              timer.unref();
              return () => clearTimeout(timer);
            },
            logger,
          }),
        })
      : null;
  const sites = createSiteRegistry(siteList);
  const secret = loadSecret({ secret: config.SECRET, dataDir: config.DATA_DIR });
  if (!secret.ok) {
    process.stderr.write(`Rembuk cannot start: ${secret.message}\n`);
    process.exit(2);
  }
  if (secret.source !== 'env' && config.REDIS_URL) {
    logger.warn({ file: secret.file }, 'SECRET is not set: using the one in DATA_DIR. Several servers sharing one Redis must share one SECRET.');
  }
  const tokens = createAuthorTokens(secret.secret);
  const store = await openConfiguredStore(config, logger);
  const adapter = config.REDIS_URL ? await connectRedisAdapter(config.REDIS_URL, logger) : null;
  // With Redis, one post allowance for all servers on it; on Redis trouble it falls back to per process (0007-limits.md).
  const postLimit = config.REDIS_URL
    ? await createRedisPostRateLimit({
        url: config.REDIS_URL,
        prefix: config.REDIS_PREFIX,
        postsPerMinute: config.RATE_LIMIT_POSTS_PER_MINUTE,
        onWarning: (message, details) => logger.warn(details, message),
      })
    : null;

  // Failed moderator sign-ins count once across every server on the Redis, not once per server.
  const redisLimiters = config.REDIS_URL
    ? await connectRedisLimiters({
        url: config.REDIS_URL,
        prefix: config.REDIS_PREFIX,
        onError: (err) => logger.warn({ err }, 'redis (limits) error'),
      })
    : null;
  const policies = createSitePolicies({ store, fromFile: (site) => moderation.get(site), sites: () => sites.list().map((s) => s.id) });
  await policies.refresh();
  const stopPolicyRefresh = policies.start(10_000, (err) => logger.warn({ err }, 'could not refresh the sites’ saved moderation policies'));
  let demoPageUrl: string | null = null;

  const app = createApp({
    store,
    sites,
    tokens,
    policies,
    ...(redisLimiters ? { signInLimiter: redisLimiters.make } : {}),
    rateLimit: postLimit ?? createPostRateLimit({ postsPerMinute: config.RATE_LIMIT_POSTS_PER_MINUTE }),
    trustProxy: config.TRUST_PROXY.trust,
    readerLimits: {
      maxSocketsPerAddress: config.MAX_SOCKETS_PER_ADDRESS,
      requestsPerSecond: config.SOCKET_REQUESTS_PER_SECOND,
      requestBurst: config.SOCKET_REQUEST_BURST,
    },
    logger,
    clock: Date.now,
    newId: () => randomBytes(12).toString('base64url'),
    distDir: join(ROOT, 'dist'),
    ...(config.DEMO
      ? {
          demo: {
            site: DEMO_SITE,
            render: (lang, embedOrigin) => renderArticlePage({ lang, embedOrigin, site: DEMO_SITE, canonicalPath: DEMO_CANONICAL_PATH }),
            inlineStyleHashes: ARTICLE_STYLE_HASHES,
          },
        }
      : {}),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    ...(adapter ? { configureIo: (io) => io.adapter(adapter.adapter) } : {}),
    ...(alerts ? { alerts } : {}),
    // The demo's page ids are the article's canonical path on situsenergi.com; here it is read at /.
    ...(config.DEMO ? { pageUrlOf: (site, page) => (site === DEMO_SITE && demoPageUrl ? demoPageUrl : pageUrlOf(sites, site, page)) } : {}),
  });

  const url = await app.listen(config.PORT, config.HOST);
  demoPageUrl = `${config.PUBLIC_URL ?? url}/`;
  const port = new URL(url).port;
  if (config.DEMO) {
    sites.allowOrigins(DEMO_SITE, [url, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...(config.PUBLIC_URL ? [config.PUBLIC_URL] : [])]);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 5 s; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    try {
      stopPolicyRefresh();
      await app.close(SHUTDOWN_LIMIT_MS - 2_000);
      // After the app: a write finishing in its grace may still raise an alert. About a second at most.
      await alerts?.close();
      await store.close();
      await adapter?.close();
      await postLimit?.close();
      await redisLimiters?.close();
      logger.info({ droppedLogLines: logDestination.stats().droppedLines }, 'stopped cleanly');
      // The last lines get a moment to reach the log, never longer than the shutdown limit.
      await logDestination.flush(500);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      await logDestination.flush(500);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // After the signal handlers (making the account hashes a password, and a stop meanwhile must
  // still be clean) and before "listening", which says the server is ready: accounts included.
  const firstLink = await firstAdminLink({ store, auth: app.auth, clock: Date.now, newId: () => randomBytes(12).toString('base64url') });
  if (firstLink) {
    const link = `${config.PUBLIC_URL ?? url}/moderate/api/link?token=${firstLink.token}`;
    // In the log too (where a service's output goes): like a first-run admin password, it is
    // how the installer gets in; it works once, for 24 h, and only for this fresh install.
    logger.info({ email: firstLink.email, link }, 'no moderator has set a password yet: one-time admin sign-in link (valid 24 h, works once)');
    // Straight to a terminal only (as the demo banner): a pipe or file goes through the logger, which survives a full disk.
    if (process.stdout.isTTY) {
      process.stdout.write(
        `\n  Moderator console, one-time admin sign-in link (valid 24 h, works once):\n  ${link}\n` +
          `  Then add real accounts: npm run admin -- moderator add --email <you@example.com> --admin\n\n`,
      );
    }
  }

  logger.info(
    { url, store: store.kind, trustProxy: config.TRUST_PROXY.description, demo: config.DEMO ? `${config.PUBLIC_URL ?? url}/` : null },
    'listening',
  );
  if (config.DEMO && !config.PUBLIC_URL && (config.HOST === '0.0.0.0' || config.HOST === '::')) {
    logger.warn(
      { embedOrigin: url },
      "the demo page loads embed.js from this machine's loopback address: set PUBLIC_URL for readers on other machines",
    );
  }
  if (config.DEMO && process.stdout.isTTY) {
    process.stdout.write(`\n  Rembuk demo article:  ${config.PUBLIC_URL ?? url}/   (English: ${config.PUBLIC_URL ?? url}/en)\n\n`);
  }
}

/** The registered sites and how each moderates; every problem in SITES_FILE is reported at once. */
function loadSites(config: Config): {
  sites: SiteConfig[];
  moderation: Map<string, { json: unknown; settings: SiteModerationSettings }>;
  webhooks: Map<string, WebhookTarget>;
} {
  const sites = new Map<string, SiteConfig>();
  const moderation = new Map<string, { json: unknown; settings: SiteModerationSettings }>();
  const webhooks = new Map<string, WebhookTarget>();
  if (config.DEMO) sites.set(DEMO_SITE, { id: DEMO_SITE, name: 'SitusEnergi (demo)', origins: [] });
  if (config.SITES_FILE) {
    const result = sitesFileSchema.safeParse(JSON.parse(readFileSync(config.SITES_FILE, 'utf8')));
    if (!result.success) {
      throw new Error(
        `SITES_FILE ${config.SITES_FILE} is not valid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const problems: string[] = [];
    result.data.sites.forEach((site, index) => {
      const existing = sites.get(site.id);
      sites.set(site.id, { id: site.id, name: site.name, origins: [...(existing?.origins ?? []), ...site.origins] });
      if (site.alerts) webhooks.set(site.id, site.alerts.webhook);
      const policy = site.moderation === undefined ? { ok: true as const, policy: defaultPolicy } : parsePolicy(site.moderation);
      if (!policy.ok) {
        for (const e of policy.errors) problems.push(`sites.${index}.moderation.${e.path}: ${e.message}`);
        return;
      }
      moderation.set(site.id, {
        json: site.moderation ?? {},
        settings: { policy: policy.policy, preModerated: site.preModerated, closedPages: site.closedPages },
      });
    });
    if (problems.length > 0) throw new Error(`SITES_FILE ${config.SITES_FILE} has a bad moderation policy: ${problems.join('; ')}`);
  }
  return { sites: [...sites.values()], moderation, webhooks };
}

/** The store the settings name, with its warnings going to the log. */
function openConfiguredStore(config: Config, logger: Logger): Promise<CommentStore> {
  return openStore(storeSettingsOf(config), {
    onError: (err) => logger.error({ err }, 'redis connection error'),
    onWarning: (message) => logger.warn(message),
    onImport: (report) => logger.warn(report, 'imported the comments of journal.jsonl into the SQLite store, once; the journal was renamed'),
  });
}

/** Several servers on one Redis: broadcasts reach sockets connected to any of them. */
async function connectRedisAdapter(url: string, logger: Logger) {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  pub.on('error', (err: Error) => logger.error({ err }, 'redis adapter (pub) error'));
  sub.on('error', (err: Error) => logger.error({ err }, 'redis adapter (sub) error'));
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    adapter: createAdapter(pub, sub),
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}

main().catch((err: unknown) => {
  process.stderr.write(`Rembuk failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
