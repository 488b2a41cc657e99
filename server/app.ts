/**
 * Builds the whole server from its parts; nothing here reads the environment (main.ts does).
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { CommentAlerts } from './alerts/site-alerts.ts';
import { createSiteModeration } from './comments/moderate.ts';
import { createReservedNames } from './comments/reserved-names.ts';
import { attachConsoleNamespace, endSessionSockets } from './console/console-namespace.ts';
import type { ConsoleNamespace } from './console/console-socket.ts';
import { createModerationFeed } from './console/moderation-feed.ts';
import { createReaderQueueSink } from './console/reader-queue-sink.ts';
import { rooms } from '../protocol/events.ts';
import type { PostRateLimit } from './comments/post-rate-limit.ts';
import { createModeratorAuth, type ModeratorAuth } from './moderators/moderator-auth.ts';
import { createHttpApp, type HttpAppDeps } from './http/http-app.ts';
import { listenUrl } from './http/listen-url.ts';
import type { AuthorTokens } from './identity/author-token.ts';
import type { Logger } from './logger.ts';
import type { LimiterFactory } from './limits/redis-limiters.ts';
import { trustNoProxy, type TrustProxy } from './limits/trust-proxy.ts';
import { attachReaderNamespace, type ReaderServer } from './realtime/reader-namespace.ts';
import { createReaderGate, DEFAULT_READER_LIMITS, type ReaderLimits } from './realtime/reader-limits.ts';
import { createThreadBroadcaster } from './realtime/thread-broadcaster.ts';
import { Registry } from 'prom-client';
import { createServerMetrics, type ServerMetrics } from './metrics/server-metrics.ts';
import { timedModeration } from './metrics/timed-moderation.ts';
import { pageUrlOf as sitePageUrl } from './sites/page-url.ts';
import type { SitePolicies } from './sites/site-policies.ts';
import type { SiteRegistry } from './sites/site-registry.ts';
import type { CommentStore } from './store/types.ts';

export interface AppDeps {
  store: CommentStore;
  sites: SiteRegistry;
  tokens: AuthorTokens;
  /** Each site's moderation settings: the post path's policy, the consoles' policy editor. */
  policies: SitePolicies;
  rateLimit: PostRateLimit;
  /** Which proxies to believe about the client address (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Sockets per address and reads per socket; DEFAULT_READER_LIMITS when absent. */
  readerLimits?: ReaderLimits;
  logger: Logger;
  clock: () => number;
  newId: () => string;
  distDir: string;
  demo?: HttpAppDeps['demo'];
  /** Where pages load embed.js from (PUBLIC_URL); the address it listens on when absent. */
  publicUrl?: string;
  /** Hook for the composition root, e.g. to install the Redis adapter. */
  configureIo?: (io: ReaderServer) => void;
  /** Told about held and reported comments, without being awaited (the sites' webhooks); none when absent. */
  alerts?: CommentAlerts;
  /** Where failed moderator sign-ins are counted (Redis with several servers); this process when absent. */
  signInLimiter?: LimiterFactory;
  /** Where a site's page is read, for the console's links; default: the site's first origin + the page id when it is a path. */
  pageUrlOf?: (site: string, page: string) => string | null;
  /** Where the counters and latencies go (server/metrics/); a private registry nobody scrapes when absent. */
  metrics?: ServerMetrics;
  /** Serves GET /metrics to a request bearing this token (METRICS_TOKEN); no /metrics when absent. */
  metricsToken?: string;
}

export interface App {
  http: HttpServer;
  io: ReaderServer;
  /** The moderators' namespace (/moderation). */
  consoles: ConsoleNamespace;
  /** Moderators' sign-in and sessions (the first-run sign-in link comes from here). */
  auth: ModeratorAuth;
  /** Resolves with the base URL once listening (port 0 picks a free port). */
  listen(port: number, host: string): Promise<string>;
  /** Stop accepting, drop sockets, and wait (up to `graceMs`) for accepted writes to finish. */
  close(graceMs?: number): Promise<void>;
}

/** Engine-level cap; payloads between LIMITS.payloadMaxBytes and this get a PAYLOAD_TOO_LARGE ack. */
const MAX_FRAME_BYTES = 1_000_000;

export function createApp(deps: AppDeps): App {
  let listeningAt: string | null = null;
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : null;
  const ownOrigin = () => publicOrigin ?? listeningAt;
  const auth = createModeratorAuth({ store: deps.store, clock: deps.clock, ...(deps.signInLimiter ? { limiter: deps.signInLimiter } : {}) });
  let consoles: ConsoleNamespace | null = null;
  const metrics = deps.metrics ?? createServerMetrics({ registry: new Registry(), defaults: false });
  const httpApp = createHttpApp({
    store: deps.store,
    sites: deps.sites,
    logger: deps.logger,
    distDir: deps.distDir,
    trustProxy: deps.trustProxy ?? trustNoProxy,
    ...(deps.demo ? { demo: deps.demo } : {}),
    embedOrigin: ownOrigin,
    ...(deps.metricsToken ? { metrics: { token: deps.metricsToken, scrape: () => metrics.scrape() } } : {}),
    moderators: {
      auth,
      // Secure only over https: a plain-http install (the demo, an intranet) could not keep it.
      secureCookie: deps.publicUrl?.startsWith('https:') ?? false,
      onSignedOut: (sessionId) => {
        if (consoles) endSessionSockets(consoles, sessionId);
      },
    },
  });
  const http = createServer(httpApp);
  const gate = createReaderGate({
    limits: deps.readerLimits ?? DEFAULT_READER_LIMITS,
    trustProxy: deps.trustProxy ?? trustNoProxy,
    clock: deps.clock,
  });
  const io: ReaderServer = new Server(http, {
    // An address shut out for flooding is refused before the WebSocket upgrade, the cheapest refusal.
    allowRequest: (request, callback) => gate.allowRequest(request, callback),
    // WebSocket only: no long-polling, so several servers behind one balancer need no sticky sessions.
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
  });
  deps.configureIo?.(io);

  const inflight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inflight.add(work);
    const done = () => inflight.delete(work);
    work.then(done, done);
    return work;
  };

  const broadcaster = createThreadBroadcaster(io);
  const pageUrlOf = deps.pageUrlOf ?? ((site: string, page: string) => sitePageUrl(deps.sites, site, page));
  const feed = createModerationFeed({ store: deps.store, logger: deps.logger, namespace: () => consoles });
  const queues = createReaderQueueSink({ store: deps.store, feed, pageUrlOf, logger: deps.logger, policies: deps.policies });
  const moderate = timedModeration(
    createSiteModeration((site) => deps.policies.settingsFor(site)),
    (seconds) => metrics.moderationTook(seconds),
    () => performance.now(),
  );
  const reservedNames = createReservedNames({
    store: deps.store,
    reservedNamesOf: (site) => deps.sites.get(site)?.reservedNames ?? [],
    clock: deps.clock,
  });
  attachReaderNamespace(io, { ...deps, moderate, gate, track, broadcaster, queues, auth, reservedNames, metrics });
  consoles = attachConsoleNamespace(io, {
    store: deps.store,
    sites: deps.sites,
    policies: deps.policies,
    auth,
    logger: deps.logger,
    clock: deps.clock,
    newId: deps.newId,
    ownOrigin,
    pageUrlOf,
    feed,
    broadcaster,
    authors: { statusChanged: (site, authorId, change) => io.to(rooms.author(site, authorId)).emit('comment:status', change) },
    ...(deps.alerts ? { alerts: deps.alerts } : {}),
    track,
  });

  metrics.countConnections({ readers: () => io.of('/').sockets.size, consoles: () => consoles?.sockets.size ?? 0 });

  return {
    http,
    io,
    consoles,
    auth,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          listeningAt = listenUrl(http.address() as AddressInfo);
          resolve(listeningAt);
        });
      });
    },
    async close(graceMs = 4_000) {
      const closed = new Promise<void>((resolve) => {
        // Its promise says the same as the callback; the callback is what resolves `closed`.
        void io.close(() => resolve());
      });
      http.closeAllConnections?.();
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.allSettled([...inflight]).then(() => undefined), deadline]);
      broadcaster.flush();
      await Promise.race([closed, deadline]);
    },
  };
}
