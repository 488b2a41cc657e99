/**
 * Composition root: the only place that reads process.env, opens the store, and handles
 * signals. Everything else receives what it needs.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { ARTICLE_STYLE_HASHES, renderArticlePage } from '../demo/article-page.ts';
import { createSiteAlerts } from './alerts/site-alerts.ts';
import { createWebhookDispatcher } from './alerts/webhook-dispatcher.ts';
import { createApp } from './app.ts';
import { firstAdminLink } from './moderators/first-admin.ts';
import { pageUrlOf } from './sites/page-url.ts';
import { createSitePolicies } from './sites/site-policies.ts';
import { connectRedisLimiters } from './limits/redis-limiters.ts';
import { createPostRateLimit, createRedisPostRateLimit } from './comments/post-rate-limit.ts';
import { parseConfig, redisTargetOf, storeSettingsOf, type Config } from './config.ts';
import { createAuthorTokens } from './identity/author-token.ts';
import { loadSecret } from './identity/secret-file.ts';
import { createLogger, type Logger } from './logger.ts';
import { createServerMetrics } from './metrics/server-metrics.ts';
import { timedStore } from './metrics/timed-store.ts';
import { createAsyncLogDestination, fdWriter } from './log-destination.ts';
import { seedSites } from './sites/seed-sites.ts';
import { parseSitesFile, type SeedSite } from './sites/sites-file.ts';
import { newSsoSecret } from './sites/sso-secret.ts';
import { createStoredSites, type SiteChanges } from './sites/stored-sites.ts';
import { openStore } from './store/open-store.ts';
import { connectRedisFanout } from './store/redis-fanout.ts';
import { attachFanoutCatchUp } from './realtime/attach-fanout-catch-up.ts';
import type { CommentStore } from './store/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_SITE = 'demo';
const DEMO_CANONICAL_PATH = '/2025/03/11/kemenperin-dan-unido-kolaborasi-dukung-hilirisasi-mineral-kritis-berkelanjutan/';
const SHUTDOWN_LIMIT_MS = 5_000;

async function main(): Promise<void> {
  // Every configuration problem in one round: the settings, SITES_FILE (its shape, origins,
  // policies, duplicate ids) and the secret, printed together before anything starts.
  const parsed = parseConfig(process.env);
  const problems = parsed.ok ? [] : [...parsed.errors];
  const sitesFile = parsed.ok ? parsed.config.SITES_FILE : process.env['SITES_FILE'] || undefined;
  const seeds = sitesFile === undefined ? { ok: true as const, sites: [] } : readSitesFile(sitesFile);
  if (!seeds.ok) problems.push(...seeds.errors);
  const secret = parsed.ok ? loadSecret({ secret: parsed.config.SECRET, dataDir: parsed.config.DATA_DIR }) : null;
  if (secret && !secret.ok) problems.push(secret.message);
  if (!parsed.ok || !seeds.ok || !secret?.ok) {
    process.stderr.write(`Rembuk cannot start; fix these settings:\n  ${problems.join('\n  ')}\n`);
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

  // REDIS_URL or REDIS_CLUSTER_URLS: the store, the live fan-out and the limits all use it.
  const redis = redisTargetOf(config);
  if (secret.source !== 'env' && redis) {
    logger.warn({ file: secret.file }, 'SECRET is not set: using the one in DATA_DIR. Several servers sharing one Redis must share one SECRET.');
  }
  const tokens = createAuthorTokens(secret.secret);
  const metrics = createServerMetrics({ registry: new Registry(), defaults: true });
  // Timed here, once: every user of the store (the app, the sites' and policies' refreshes) is measured.
  const store = timedStore(
    await openConfiguredStore(config, logger),
    (...observed) => metrics.storeOperationTook(...observed),
    () => performance.now(),
  );
  const sites = await loadSites(store, seeds.sites, config, logger);
  // Alerts go to each site's webhook as the store has it now: a site may gain one at any refresh.
  const alerts = createSiteAlerts({
    webhooks: sites.webhooks,
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
  });
  // Several servers on one Redis (or cluster): broadcasts reach sockets connected to any of them.
  const adapter = redis ? await connectRedisFanout(redis, (err, which) => logger.error({ err }, `redis adapter (${which}) error`)) : null;
  // With Redis, one post allowance for all servers on it; on Redis trouble it falls back to per process (0007-limits.md).
  const postLimit = redis
    ? await createRedisPostRateLimit({
        ...redis,
        prefix: config.REDIS_PREFIX,
        postsPerMinute: config.RATE_LIMIT_POSTS_PER_MINUTE,
        onWarning: (message, details) => logger.warn(details, message),
      })
    : null;

  // Failed moderator sign-ins count once across every server on the Redis, not once per server.
  const redisLimiters = redis
    ? await connectRedisLimiters({
        ...redis,
        prefix: config.REDIS_PREFIX,
        onError: (err) => logger.warn({ err }, 'redis (limits) error'),
      })
    : null;
  const policies = createSitePolicies({ store, fromFile: (site) => sites.settingsOf(site), sites: () => sites.list().map((s) => s.id) });
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
    ...(adapter
      ? {
          configureIo: (io) => {
            io.adapter(adapter.adapter);
            // What Redis drops while the adapter's subscriber is away, fetched from the store once it is back (0024).
            attachFanoutCatchUp(io, adapter, { store, logger });
          },
        }
      : {}),
    alerts,
    metrics,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    // The demo's page ids are the article's canonical path on situsenergi.com; here it is read at /.
    ...(config.DEMO ? { pageUrlOf: (site, page) => (site === DEMO_SITE && demoPageUrl ? demoPageUrl : pageUrlOf(sites, site, page)) } : {}),
  });

  const url = await app.listen(config.PORT, config.HOST);
  demoPageUrl = `${config.PUBLIC_URL ?? url}/`;
  const port = new URL(url).port;
  if (config.DEMO) {
    sites.allowOrigins(DEMO_SITE, [url, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...(config.PUBLIC_URL ? [config.PUBLIC_URL] : [])]);
  }
  for (const site of sites.list()) logger.info({ site: site.id, name: site.name, origins: site.origins }, 'serving site');
  if (sites.list().length === 0)
    logger.warn('no sites to serve: add one with npm run admin -- site add --name "My Site" --origin https://www.example.com');
  const stopSiteRefresh = sites.start(
    config.SITES_REFRESH_MS,
    (err) => logger.warn({ err }, 'could not refresh the sites from the store'),
    (changes) => logSiteChanges(changes, logger),
  );
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
      stopSiteRefresh();
      await app.close(SHUTDOWN_LIMIT_MS - 2_000);
      // After the app: a write finishing in its grace may still raise an alert. About a second at most.
      await alerts.close();
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

/** SITES_FILE's text parsed, or what is wrong with it (every problem at once). */
function readSitesFile(file: string): { ok: true; sites: SeedSite[] } | { ok: false; errors: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, errors: [`SITES_FILE ${file}: cannot be read (${code})`] };
  }
  return parseSitesFile(text, file);
}

/**
 * The sites served: SITES_FILE seeds the store (the file wins for what it says, decision 0019),
 * then every site in the store, read again every SITES_REFRESH_MS; the demo site beside them.
 */
async function loadSites(store: CommentStore, seeds: readonly SeedSite[], config: Config, logger: Logger) {
  if (seeds.length > 0) {
    const seeded = await seedSites(seeds, { store, clock: Date.now, newSecret: newSsoSecret });
    if (seeded.created.length + seeded.updated.length > 0) logger.info({ file: config.SITES_FILE, ...seeded }, 'SITES_FILE seeded the stored sites');
  }
  const sites = createStoredSites({
    store,
    fixed: config.DEMO ? [{ id: DEMO_SITE, name: 'SitusEnergi (demo)', origins: [] }] : [],
    onBadPolicy: (site, problems) =>
      logger.warn({ site, problems }, 'a stored moderation policy is not valid: the site moderates by the default policy'),
  });
  await sites.refresh();
  return sites;
}

/** One line per site a refresh added, changed or removed. */
function logSiteChanges(changes: SiteChanges, logger: Logger): void {
  for (const site of changes.added) logger.info({ site: site.id, name: site.name, origins: site.origins }, 'serving site (added)');
  for (const site of changes.changed) logger.info({ site: site.id, name: site.name, origins: site.origins }, 'serving site (changed)');
  for (const id of changes.removed) logger.info({ site: id }, 'no longer serving site (removed)');
}

/** The store the settings name, with its warnings going to the log. */
function openConfiguredStore(config: Config, logger: Logger): Promise<CommentStore> {
  return openStore(storeSettingsOf(config), {
    onError: (err) => logger.error({ err }, 'redis connection error'),
    onWarning: (message) => logger.warn(message),
    onImport: (report) => logger.warn(report, 'imported the comments of journal.jsonl into the SQLite store, once; the journal was renamed'),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`Rembuk failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
