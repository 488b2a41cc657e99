/**
 * What one address and one socket may ask of the readers' namespace: a cap on open sockets
 * per address (refused at the handshake), a budget per socket for the reads that cost most,
 * and a penalty for an address that floods anyway (refused before the WebSocket upgrade).
 * The numbers and why they are these: docs/decisions/0007-limits.md.
 */
import type { IncomingMessage } from 'node:http';
import { limitKey } from '../limits/limit-key.ts';
import { createPenaltyBox } from '../limits/penalty-box.ts';
import { createRequestBudget, type RequestBudget } from '../limits/request-budget.ts';
import { createSocketCap } from '../limits/socket-cap.ts';
import { clientAddressOf, type TrustProxy } from '../limits/trust-proxy.ts';

export interface ReaderLimits {
  /** Open sockets one address (an IPv6 /64) may hold on this process. */
  maxSocketsPerAddress: number;
  /** Sustained budgeted requests (BUDGETED_EVENTS) per socket per second. */
  requestsPerSecond: number;
  /** How many of those a socket may send at once. */
  requestBurst: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { maxSocketsPerAddress: 20, requestsPerSecond: 10, requestBurst: 20 };

/**
 * The events the per-socket budget counts: the reads that write a page out, and a like, which
 * is cheap alone but, toggled in a loop, would be a thread event broadcast to every reader each time.
 */
export const BUDGETED_EVENTS: ReadonlySet<string> = new Set(['thread:join', 'thread:more', 'thread:replies', 'thread:resync', 'comment:react']);

/**
 * Requests refused during a told wait, within STRIKE_WINDOW_MS, before the socket is dropped.
 * The widget waits as told and never gets here; a loop that ignores the answer does within a second.
 */
const STRIKES_BEFORE_DISCONNECT = 20;
const STRIKE_WINDOW_MS = 5_000;
/** How long an address that flooded is refused before the upgrade. */
const PENALTY_MS = 30_000;
/** Handshakes refused over the cap within the window that earn a penalty (a widget retries every 3 s). */
const REFUSED_HANDSHAKES_TO_PENALTY = 50;
const REFUSED_HANDSHAKES_WINDOW_MS = 10_000;

export type SlotClaim = { ok: true; release: () => void } | { ok: false; message: string; retryAfterMs?: number };

/** The per-address and per-socket limits of one process, in one place. */
export interface ReaderGate {
  readonly limits: ReaderLimits;
  /** The client address of a request, through the trusted proxies. */
  addressOf(request: IncomingMessage): string;
  /** engine.io's allowRequest: a penalized address is refused before the WebSocket upgrade. */
  allowRequest(request: IncomingMessage, answer: (err: string | null | undefined, success: boolean) => void): void;
  /** A socket slot for `address`, or why not (a refusal over the cap counts toward a penalty). */
  claim(address: string): SlotClaim;
  /** A socket of `address` was dropped for flooding: shut the address out for a while. */
  penalize(address: string): void;
  /** A fresh budget for one socket. */
  newBudget(): RequestBudget;
}

export function createReaderGate(options: { limits: ReaderLimits; trustProxy: TrustProxy; clock: () => number }): ReaderGate {
  const { limits, trustProxy, clock } = options;
  const cap = createSocketCap(limits.maxSocketsPerAddress);
  const penalties = createPenaltyBox({
    penaltyMs: PENALTY_MS,
    strikesToPenalty: REFUSED_HANDSHAKES_TO_PENALTY,
    strikeWindowMs: REFUSED_HANDSHAKES_WINDOW_MS,
  });
  const shutOut = (wait: number) => `Too many connections from this network; try again in ${Math.ceil(wait / 1000)} s.`;
  return {
    limits,
    addressOf: (request) => clientAddressOf(request, trustProxy),
    allowRequest(request, answer) {
      const wait = penalties.waitFor(limitKey(clientAddressOf(request, trustProxy)), clock());
      if (wait > 0) answer(shutOut(wait), false);
      else answer(null, true);
    },
    claim(address) {
      const key = limitKey(address);
      const now = clock();
      const wait = penalties.waitFor(key, now);
      if (wait > 0) return { ok: false, message: shutOut(wait), retryAfterMs: wait };
      const release = cap.claim(key);
      if (release) return { ok: true, release };
      penalties.strike(key, now);
      return {
        ok: false,
        message: `This network already has ${limits.maxSocketsPerAddress} open connections to the comment server; close some pages and try again.`,
      };
    },
    penalize: (address) => penalties.penalize(limitKey(address), clock()),
    newBudget: () =>
      createRequestBudget({
        perSecond: limits.requestsPerSecond,
        burst: limits.requestBurst,
        disconnectAfter: STRIKES_BEFORE_DISCONNECT,
        strikeWindowMs: STRIKE_WINDOW_MS,
      }),
  };
}
