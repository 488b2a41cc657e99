/**
 * Delivers alerts to each site's webhook in the background: `enqueue` only queues and returns,
 * so posting a comment never waits for a receiver. A failed delivery (network error, timeout,
 * 5xx, 429) is tried again after a growing, jittered wait, up to `maxAttempts` tries; an answer
 * that trying again cannot fix (another 4xx, a redirect) ends it at once. Either way one warning
 * is logged. The queue is bounded: when it is full the oldest waiting alert is dropped and counted.
 */
import type { Logger } from '../logger.ts';
import type { AlertPayload } from './alert-payload.ts';
import { retryDelayMs } from './backoff.ts';
import { signWebhook } from './webhook-signature.ts';

/** Where one site's alerts go. */
export interface WebhookTarget {
  /** http(s) URL that receives a POST per alert. */
  url: string;
  /** Key of the HMAC signature (webhook-signature.ts); at least 32 characters. */
  secret: string;
}

/** Runs `run` after `delayMs`; the returned function cancels it. */
export type Schedule = (delayMs: number, run: () => void) => () => void;

export interface WebhookDispatcherDeps {
  fetch: typeof fetch;
  clock: () => number;
  schedule: Schedule;
  logger: Pick<Logger, 'warn'>;
  /** In [0, 1), for the jitter; Math.random by default. */
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Longest wait between two tries. */
  maxDelayMs?: number;
  /** One try is abandoned (and counts as failed) after this long. */
  timeoutMs?: number;
  /** Alerts waiting (not being sent) at most; more drop the oldest. */
  maxPending?: number;
  /** Requests in flight at once, across sites. */
  concurrency?: number;
}

export interface DispatcherStats {
  /** Waiting to be sent, now or after a backoff. */
  pending: number;
  inFlight: number;
  delivered: number;
  /** Given up on: retries exhausted or an answer not worth retrying. */
  failed: number;
  /** Dropped because the queue was full, or left unsent at shutdown. */
  dropped: number;
}

export interface WebhookDispatcher {
  /** Queues one alert and returns at once. */
  enqueue(target: WebhookTarget, payload: AlertPayload): void;
  stats(): DispatcherStats;
  /**
   * Stops: cancels the waits, drops what was not sent, gives requests in flight up to `graceMs`
   * to finish, then aborts them. Resolves within about `graceMs`.
   */
  close(graceMs?: number): Promise<void>;
}

interface Job {
  target: WebhookTarget;
  payload: AlertPayload;
  /** Serialized once: every try signs and sends the same bytes. */
  body: string;
  failedAttempts: number;
  /** Cancels the backoff wait, while there is one. */
  cancelWait: (() => void) | null;
}

type Outcome = { kind: 'delivered' } | { kind: 'retry'; detail: string } | { kind: 'give-up'; detail: string };

/** Between two warnings about dropped alerts, at least this long (a flood logs one line, not thousands). */
const DROP_WARNING_INTERVAL_MS = 10_000;

export function createWebhookDispatcher(deps: WebhookDispatcherDeps): WebhookDispatcher {
  const maxAttempts = deps.maxAttempts ?? 6;
  const baseDelayMs = deps.baseDelayMs ?? 1_000;
  const maxDelayMs = deps.maxDelayMs ?? 60_000;
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const maxPending = deps.maxPending ?? 1_000;
  const concurrency = deps.concurrency ?? 8;
  const random = deps.random ?? Math.random;
  const { logger, clock, schedule } = deps;

  /** Not in flight: ready to send (cancelWait null) or waiting out a backoff. Insertion order = oldest first. */
  const waiting = new Set<Job>();
  const ready: Job[] = [];
  const inFlight = new Map<Job, { abort: () => void; done: Promise<void> }>();
  const counts = { delivered: 0, failed: 0, dropped: 0 };
  let droppedSinceWarning = 0;
  let lastDropWarningAt = -Infinity;
  let closed = false;

  const where = (job: Job) => ({ site: job.payload.site, event: job.payload.event, commentId: job.payload.comment.id, url: safeUrl(job.target.url) });

  function drop(job: Job): void {
    waiting.delete(job);
    job.cancelWait?.();
    const at = ready.indexOf(job);
    if (at >= 0) ready.splice(at, 1);
    counts.dropped += 1;
    droppedSinceWarning += 1;
    const now = clock();
    if (now - lastDropWarningAt >= DROP_WARNING_INTERVAL_MS) {
      logger.warn(
        { ...where(job), dropped: droppedSinceWarning, droppedTotal: counts.dropped, maxPending },
        'alert queue full: dropped the oldest alerts (is the webhook receiver down?)',
      );
      lastDropWarningAt = now;
      droppedSinceWarning = 0;
    }
  }

  function pump(): void {
    while (!closed && inFlight.size < concurrency) {
      const job = ready.shift();
      if (!job) return;
      waiting.delete(job);
      send(job);
    }
  }

  function send(job: Job): void {
    const controller = new AbortController();
    const cancelTimeout = schedule(timeoutMs, () => controller.abort(new TimeoutError(timeoutMs)));
    const done = attempt(job, controller.signal)
      .then((outcome) => {
        cancelTimeout();
        inFlight.delete(job);
        settle(job, outcome);
        pump();
      })
      .catch(() => undefined);
    inFlight.set(job, { abort: () => controller.abort(new Error('shutting down')), done });
  }

  async function attempt(job: Job, signal: AbortSignal): Promise<Outcome> {
    try {
      const response = await deps.fetch(job.target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Rembuk-Webhook',
          'x-rembuk-event': job.payload.event,
          ...signWebhook(job.target.secret, job.body, clock()),
        },
        body: job.body,
        // A redirect would send the signed alert somewhere the site owner did not name.
        redirect: 'manual',
        signal,
      });
      // The answer's body is not needed; releasing it frees the connection.
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
      const detail = `HTTP ${response.status}`;
      return response.status === 429 || response.status >= 500 ? { kind: 'retry', detail } : { kind: 'give-up', detail };
    } catch (err) {
      const reason: unknown = signal.aborted ? signal.reason : err;
      return { kind: 'retry', detail: reason instanceof Error ? reason.message : String(reason) };
    }
  }

  function settle(job: Job, outcome: Outcome): void {
    if (outcome.kind === 'delivered') {
      counts.delivered += 1;
      return;
    }
    if (closed) return;
    job.failedAttempts += 1;
    if (outcome.kind === 'give-up' || job.failedAttempts >= maxAttempts) {
      counts.failed += 1;
      logger.warn(
        { ...where(job), attempts: job.failedAttempts, last: outcome.detail },
        outcome.kind === 'give-up' ? 'alert refused by the webhook receiver; not retried' : 'alert not delivered; gave up after the last try',
      );
      return;
    }
    waitThenRetry(job);
  }

  function waitThenRetry(job: Job): void {
    if (waiting.size >= maxPending) {
      const oldest = waiting.values().next().value;
      if (oldest) drop(oldest);
    }
    waiting.add(job);
    job.cancelWait = schedule(retryDelayMs(job.failedAttempts, baseDelayMs, maxDelayMs, random), () => {
      job.cancelWait = null;
      if (closed || !waiting.has(job)) return;
      ready.push(job);
      pump();
    });
  }

  return {
    enqueue(target, payload) {
      if (closed) return;
      if (waiting.size >= maxPending) {
        const oldest = waiting.values().next().value;
        if (oldest) drop(oldest);
      }
      const job: Job = { target, payload, body: JSON.stringify(payload), failedAttempts: 0, cancelWait: null };
      waiting.add(job);
      ready.push(job);
      pump();
    },
    stats() {
      return { pending: waiting.size, inFlight: inFlight.size, ...counts };
    },
    async close(graceMs = 1_000) {
      if (closed) return;
      closed = true;
      const unsent = waiting.size;
      for (const job of waiting) job.cancelWait?.();
      waiting.clear();
      ready.length = 0;
      counts.dropped += unsent;
      if (unsent > 0) logger.warn({ unsent }, 'alerts not sent before shutdown');
      const flights = [...inFlight.values()];
      if (flights.length === 0) return;
      let cancelGrace = (): void => undefined;
      const grace = new Promise<void>((resolve) => {
        cancelGrace = schedule(graceMs, resolve);
      });
      await Promise.race([Promise.all(flights.map((f) => f.done)), grace]);
      cancelGrace();
      for (const f of flights) f.abort();
      await Promise.all(flights.map((f) => f.done));
    },
  };
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** The URL without credentials or query (which may hold a token, as Slack's path does: keep only the origin). */
function safeUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid url)';
  }
}
