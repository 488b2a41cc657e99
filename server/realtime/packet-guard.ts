/**
 * Runs before every handler of a socket: refuses unknown events, requests without an ack,
 * oversized payloads and reads over the socket's budget, each with an ack that says why; a
 * socket that keeps going after being told to wait is disconnected and its address penalized.
 */
import type { Event } from 'socket.io';
import { ErrorCode, type WireError } from '../../protocol/errors.ts';
import { CLIENT_EVENTS } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { MODERATION_EVENTS } from '../../protocol/moderation.ts';
import { BUDGETED_EVENTS } from './reader-limits.ts';
import type { ReaderDeps, ReaderSocket } from './reader-socket.ts';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(CLIENT_EVENTS);
/** A reader's socket naming a moderator's request is refused as such, not as an unknown event. */
const MODERATOR_EVENTS: ReadonlySet<string> = new Set(MODERATION_EVENTS);

export function packetGuard(socket: ReaderSocket, deps: Pick<ReaderDeps, 'gate' | 'logger' | 'clock'>) {
  const { gate, logger } = deps;
  const budget = gate.newBudget();
  return (packet: Event, next: (err?: Error) => void): void => {
    const event: string = packet[0];
    const args: unknown[] = packet.slice(1);
    const ack: unknown = args.at(-1);
    // Nothing is known of this ack yet but that it is a function: Reflect.apply calls it
    // without pretending it has a type.
    const answer = (error: WireError) => {
      if (typeof ack === 'function') Reflect.apply(ack, undefined, [{ ok: false, error }]);
    };
    if (MODERATOR_EVENTS.has(event)) {
      answer({ code: ErrorCode.FORBIDDEN, message: 'Moderation requests are answered only to a signed-in moderator’s console.' });
      return;
    }
    if (!KNOWN_EVENTS.has(event)) {
      answer({ code: ErrorCode.UNKNOWN_EVENT, message: `"${event.slice(0, 60)}" is not an event this server understands.` });
      return;
    }
    if (typeof ack !== 'function') {
      logger.debug({ event }, 'ignored a request without an ack callback');
      return;
    }
    const size = payloadBytes(args.slice(0, -1));
    if (size > LIMITS.payloadMaxBytes) {
      answer({
        code: ErrorCode.PAYLOAD_TOO_LARGE,
        message: `The request is ${Math.ceil(size / 1024)} KB; at most ${LIMITS.payloadMaxBytes / 1024} KB is accepted.`,
      });
      return;
    }
    if (BUDGETED_EVENTS.has(event)) {
      const decision = budget.take(deps.clock());
      if (!decision.ok) {
        answer({
          code: ErrorCode.RATE_LIMITED,
          message: `Too many requests on this connection; try again in ${Math.ceil(decision.retryAfterMs / 1000)} s.`,
          retryAfterMs: decision.retryAfterMs,
        });
        if (decision.disconnect) {
          const { site, address } = socket.data;
          logger.warn(
            { site, address, event },
            'disconnected a socket that kept sending after being rate limited; its address is shut out for a while',
          );
          gate.penalize(address);
          socket.disconnect(true);
        }
        return;
      }
    }
    next();
  };
}

/** The request's size as JSON, in bytes; unserializable counts as too large. */
export function payloadBytes(args: unknown[]): number {
  try {
    return Buffer.byteLength(JSON.stringify(args) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
