/**
 * When to try connecting again, and when to tell the reader the server cannot be reached.
 * Pure: the random source and the clock come in, so the schedule is tested without waiting.
 *
 * Waits double from about a second up to a minute, with "equal jitter" (between half and all
 * of the current ceiling): a server that restarts is not hit by every open page at the same
 * instant, and no page waits less than half its turn. A wait the server named (a rate-limited
 * handshake's retryAfterMs) is a floor, never shortened.
 */
import { ErrorCode } from '../../protocol/errors.ts';

export const RECONNECT = {
  firstMs: 1_000,
  maxMs: 60_000,
  /** The "cannot reach" message is due this long into an outage (a reader should know within 10 s). */
  unreachableAfterMs: 5_000,
} as const;

/**
 * Handshake refusals that trying again cannot fix: an unregistered or malformed site id, an
 * origin the site does not allow, a banned author. Anything else (UNAVAILABLE, RATE_LIMITED,
 * and a code this widget does not know, which fails isConnectErrorData) is worth another try later.
 */
const PERMANENT: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.UNKNOWN_SITE,
  ErrorCode.ORIGIN_NOT_ALLOWED,
  ErrorCode.AUTHOR_BANNED,
  ErrorCode.INVALID_INPUT,
]);

export function isPermanentRefusal(code: ErrorCode): boolean {
  return PERMANENT.has(code);
}

export interface ReconnectSchedule {
  /** An outage begins (the first attempt, or a dropped connection); a second call changes nothing. */
  lost(): void;
  /** One more attempt failed: the milliseconds to wait before the next one. */
  failed(atLeastMs?: number): number;
  /** Connected: the next outage starts again from the shortest wait. */
  connected(): void;
  /** Milliseconds until the reader must be told the server cannot be reached; 0 when due. */
  untilUnreachable(): number;
}

export function createReconnectSchedule(random: () => number = Math.random, now: () => number = Date.now): ReconnectSchedule {
  let failures = 0;
  let since: number | null = null;
  return {
    lost() {
      since ??= now();
    },
    failed(atLeastMs = 0) {
      const ceiling = Math.min(RECONNECT.maxMs, RECONNECT.firstMs * 2 ** failures++);
      return Math.max(atLeastMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
    },
    connected() {
      failures = 0;
      since = null;
    },
    untilUnreachable() {
      return since === null ? RECONNECT.unreachableAfterMs : Math.max(0, since + RECONNECT.unreachableAfterMs - now());
    },
  };
}
