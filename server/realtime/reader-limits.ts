/**
 * What one address and one socket may ask of the readers' namespace: a cap on open sockets
 * per address (refused at the handshake) and a budget per socket for the reads that cost
 * most. The numbers and why they are these: docs/decisions/0007-limits.md.
 */
import { createRequestBudget, type RequestBudget } from '../limits/request-budget.ts';

export interface ReaderLimits {
  /** Open sockets one address (an IPv6 /64) may hold on this process. */
  maxSocketsPerAddress: number;
  /** Sustained thread:join / thread:more / thread:resync per socket per second. */
  requestsPerSecond: number;
  /** How many of those a socket may send at once. */
  requestBurst: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { maxSocketsPerAddress: 20, requestsPerSecond: 10, requestBurst: 20 };

/** The events the per-socket budget counts: each reads from the store and writes a page out. */
export const BUDGETED_EVENTS: ReadonlySet<string> = new Set(['thread:join', 'thread:more', 'thread:resync']);

/**
 * Requests refused during a told wait, within STRIKE_WINDOW_MS, before the socket is dropped.
 * The widget waits as told and never gets here; a loop that ignores the answer does within a second.
 */
const STRIKES_BEFORE_DISCONNECT = 20;
const STRIKE_WINDOW_MS = 5_000;

export function createSocketBudget(limits: ReaderLimits): RequestBudget {
  return createRequestBudget({
    perSecond: limits.requestsPerSecond,
    burst: limits.requestBurst,
    disconnectAfter: STRIKES_BEFORE_DISCONNECT,
    strikeWindowMs: STRIKE_WINDOW_MS,
  });
}
