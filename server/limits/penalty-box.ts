/**
 * Addresses that flooded, shut out for a while. A per-socket budget alone is reset by
 * reconnecting (a flooder dropped for ignoring its budget comes straight back with a fresh
 * one), and a cap refused at the Socket.IO handshake still costs a WebSocket upgrade per
 * attempt. So a limit key earns a penalty when one of its sockets is dropped for flooding,
 * or when it keeps trying handshakes over its cap; while penalized, its connections are
 * refused before the upgrade, which is the cheapest refusal there is. Pure: the time comes
 * in with every call. Per process, like the socket cap.
 */

export interface PenaltyBoxOptions {
  /** How long a key stays shut out. */
  penaltyMs: number;
  /** Refused handshakes within `strikeWindowMs` that earn the key a penalty. */
  strikesToPenalty: number;
  strikeWindowMs: number;
}

export interface PenaltyBox {
  /** Shuts `key` out from now for the penalty. */
  penalize(key: string, now: number): void;
  /** Records a refused handshake for `key`; true when that earned it a penalty. */
  strike(key: string, now: number): boolean;
  /** Milliseconds `key` stays shut out; 0 when it is not. */
  waitFor(key: string, now: number): number;
}

/** Beyond this many tracked keys, expired entries are swept so the maps stay bounded. */
const SWEEP_AT = 10_000;

export function createPenaltyBox(options: PenaltyBoxOptions): PenaltyBox {
  const until = new Map<string, number>();
  const strikes = new Map<string, number[]>();
  const sweep = (now: number) => {
    for (const [key, end] of until) if (end <= now) until.delete(key);
    for (const [key, times] of strikes) if ((times.at(-1) ?? 0) <= now - options.strikeWindowMs) strikes.delete(key);
  };
  const box: PenaltyBox = {
    penalize(key, now) {
      if (until.size >= SWEEP_AT) sweep(now);
      until.set(key, now + options.penaltyMs);
      strikes.delete(key);
    },
    strike(key, now) {
      if (strikes.size >= SWEEP_AT) sweep(now);
      const recent = (strikes.get(key) ?? []).filter((t) => t > now - options.strikeWindowMs);
      recent.push(now);
      if (recent.length < options.strikesToPenalty) {
        strikes.set(key, recent);
        return false;
      }
      box.penalize(key, now);
      return true;
    },
    waitFor(key, now) {
      const end = until.get(key);
      if (end === undefined) return 0;
      if (end <= now) {
        until.delete(key);
        return 0;
      }
      return end - now;
    },
  };
  return box;
}
