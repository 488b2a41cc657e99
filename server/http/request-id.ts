/**
 * Request ids: every HTTP request and every socket request handled gets one, and every log
 * line written for it carries it (a pino child logger). An HTTP request keeps the id its proxy
 * gave it (nginx's `$request_id`, a load balancer's X-Request-Id) when it looks like an id,
 * so one id follows the request through the proxy's log and ours; otherwise, and for socket
 * requests (a frame has no headers), the server makes one.
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// Letters, digits and . _ : - only (UUIDs, nginx's hex, ULIDs): nothing that could forge a log
// field or a header line, and short enough not to bloat every line.
const SANE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A fresh id: 16 hex digits, unique enough to find one request's lines in a day of logs. */
export function newRequestId(): string {
  return randomBytes(8).toString('hex');
}

/** The incoming header's id when it is one (a single value, sane characters), else a new one. */
export function requestIdOf(header: string | string[] | undefined, newId: () => string = newRequestId): string {
  return typeof header === 'string' && SANE_ID.test(header) ? header : newId();
}

/** Express middleware, first in the chain: the id in the answer's header and the request's logger in res.locals. */
export function requestIds(logger: Logger, newId: () => string = newRequestId) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = requestIdOf(req.headers['x-request-id'], newId);
    res.setHeader(REQUEST_ID_HEADER, id);
    res.locals['log'] = logger.child({ reqId: id });
    next();
  };
}

/** The request's logger (its id on every line); `fallback` for a router mounted without requestIds (some tests). */
export function requestLogger(res: Response, fallback: Logger): Logger {
  const log: unknown = res.locals['log'];
  return (log as Logger | undefined) ?? fallback;
}
