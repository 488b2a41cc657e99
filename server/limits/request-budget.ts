/**
 * A per-socket budget for the read requests that cost the server most (`thread:join`,
 * `thread:more`, `thread:resync`: each reads a page or a log from the store and writes it
 * out). A token bucket: `burst` requests at once, refilled at `perSecond`, so a page that
 * opens several threads at load is never refused while a loop calling join is held to the
 * refill rate. A refusal tells the client how long to wait; a request refused before that
 * wait is over is a strike, and a socket with `disconnectAfter` strikes within
 * `strikeWindowMs` is not a widget waiting as told: it is dropped. A client that waits as
 * told is never dropped, however hard it pushes. Pure: the time comes in with every call.
 */

export interface RequestBudgetOptions {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests that may come at once after a quiet spell. */
  burst: number;
  /** Requests refused during a told wait, within `strikeWindowMs`, after which the socket is disconnected. */
  disconnectAfter: number;
  strikeWindowMs: number;
}

export type BudgetDecision =
  { ok: true } | { ok: false; retryAfterMs: number; /** The socket has kept going after being refused: drop it. */ disconnect: boolean };

export interface RequestBudget {
  take(now: number): BudgetDecision;
}

export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const { perSecond, burst, disconnectAfter, strikeWindowMs } = options;
  let tokens = burst;
  let refilledAt: number | null = null;
  const strikes: number[] = [];
  /** Until when the last refusal told the client to wait. */
  let waitUntil = Number.NEGATIVE_INFINITY;
  return {
    take(now) {
      if (refilledAt !== null && now > refilledAt) tokens = Math.min(burst, tokens + ((now - refilledAt) * perSecond) / 1000);
      refilledAt = refilledAt === null ? now : Math.max(refilledAt, now);
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      const retryAfterMs = Math.max(1, Math.ceil(((1 - tokens) * 1000) / perSecond));
      const ignoredTheWait = now < waitUntil;
      waitUntil = Math.max(waitUntil, now + retryAfterMs);
      while (strikes.length > 0 && (strikes[0] ?? now) <= now - strikeWindowMs) strikes.shift();
      if (ignoredTheWait) strikes.push(now);
      return { ok: false, retryAfterMs, disconnect: strikes.length >= disconnectAfter };
    },
  };
}
