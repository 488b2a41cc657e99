/**
 * Answers one request: whatever its handler resolves (a Result, expected failures included)
 * goes to the ack; a thrown error is logged and answered as a wire error, never a stack trace.
 * Every request gets an id here: the handler is handed a logger that writes it on each line
 * (with the event and site), as HTTP requests get theirs (server/http/request-id.ts).
 */
import type { Ack } from '../../protocol/events.ts';
import type { Result } from '../../protocol/errors.ts';
import { newRequestId } from '../http/request-id.ts';
import type { Logger } from '../logger.ts';
import { toWireError } from '../wire-error.ts';

export function respond<T>(
  logger: Logger,
  context: { event: string; site: string },
  ack: Ack<T>,
  run: (log: Logger) => Promise<Result<T>>,
  /** Told what went to the ack, a thrown error's wire error included (the metrics' counters). */
  answered?: (answer: Result<T>) => void,
): void {
  const log = logger.child({ reqId: newRequestId(), ...context });
  const send = (answer: Result<T>) => {
    try {
      answered?.(answer);
    } catch (err) {
      log.error({ err }, 'could not count a request’s answer');
    }
    ack(answer);
  };
  run(log).then(send, (err: unknown) => {
    log.error({ err }, 'request failed');
    send({ ok: false, error: toWireError(err) });
  });
}
