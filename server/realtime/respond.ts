/**
 * Answers one request: whatever its handler resolves (a Result, expected failures included)
 * goes to the ack; a thrown error is logged and answered as a wire error, never a stack trace.
 */
import type { Ack } from '../../protocol/events.ts';
import type { Result } from '../../protocol/errors.ts';
import type { Logger } from '../logger.ts';
import { toWireError } from '../wire-error.ts';

export function respond<T>(logger: Logger, context: { event: string; site: string }, ack: Ack<T>, run: () => Promise<Result<T>>): void {
  run().then(ack, (err: unknown) => {
    logger.error({ err, ...context }, 'request failed');
    ack({ ok: false, error: toWireError(err) });
  });
}
