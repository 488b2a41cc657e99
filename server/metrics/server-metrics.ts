/**
 * What the server tells Prometheus (docs/decisions/0023-metrics.md): reader and console
 * connections, comments by outcome, moderation and store latency, and (with `defaults`)
 * prom-client's process and Node metrics, event-loop lag among them. The registry is the
 * caller's, never prom-client's global one, so every test and every app gets its own.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ErrorCode } from '../../protocol/errors.ts';

/** What became of one `comment:create`: a new comment's status, a retry's first answer, or a refusal's code. */
export type CommentOutcome = { outcome: 'published' | 'held' | 'rejected' | 'duplicate' } | { outcome: 'refused'; code: ErrorCode };

export type OperationOutcome = 'ok' | 'error';

export interface ServerMetrics {
  readonly registry: Registry;
  commentAnswered(outcome: CommentOutcome): void;
  /** One call of the moderation engine took this long. */
  moderationTook(seconds: number): void;
  /** One store operation (a CommentStore method) took this long and resolved or threw. */
  storeOperationTook(operation: string, outcome: OperationOutcome, seconds: number): void;
  /** Read at every scrape: sockets connected to this process, not to the others on the same Redis. */
  countConnections(sources: { readers: () => number; consoles: () => number }): void;
  /** The text exposition of every metric, and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export interface ServerMetricsOptions {
  registry: Registry;
  /** prom-client's default metrics (CPU, memory, handles, GC, event-loop lag). Off in unit tests: they start timers. */
  defaults: boolean;
}

// Store operations are one Redis round trip or one SQLite statement on the writer thread:
// sub-millisecond when well, seconds when Redis is failing over or the disk stalls.
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
// The engine is synchronous and measured in tens of microseconds per comment (docs/decisions/0103).
const MODERATION_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

export function createServerMetrics(options: ServerMetricsOptions): ServerMetrics {
  const { registry } = options;
  if (options.defaults) collectDefaultMetrics({ register: registry });
  let sources: { readers: () => number; consoles: () => number } | null = null;
  new Gauge({
    name: 'rembuk_connections',
    help: 'Sockets connected to this server: readers (widgets) and moderators (consoles).',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.set({ kind: 'reader' }, sources?.readers() ?? 0);
      this.set({ kind: 'console' }, sources?.consoles() ?? 0);
    },
  });
  const comments = new Counter({
    name: 'rembuk_comments_total',
    help: 'comment:create requests by outcome (published, held, rejected, duplicate, refused) and, for a refusal, its error code.',
    labelNames: ['outcome', 'code'],
    registers: [registry],
  });
  const moderation = new Histogram({
    name: 'rembuk_moderation_duration_seconds',
    help: "Time of one moderation engine call (a new comment's or an edit's text).",
    buckets: MODERATION_BUCKETS,
    registers: [registry],
  });
  const store = new Histogram({
    name: 'rembuk_store_operation_duration_seconds',
    help: 'Time of one store operation, by operation (the CommentStore method) and outcome (ok, or error when it threw).',
    labelNames: ['operation', 'outcome'],
    buckets: STORE_BUCKETS,
    registers: [registry],
  });

  return {
    registry,
    commentAnswered(answer) {
      comments.inc({ outcome: answer.outcome, code: answer.outcome === 'refused' ? answer.code : '' });
    },
    moderationTook(seconds) {
      moderation.observe(seconds);
    },
    storeOperationTook(operation, outcome, seconds) {
      store.observe({ operation, outcome }, seconds);
    },
    countConnections(next) {
      sources = next;
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
