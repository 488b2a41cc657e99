/**
 * GET /metrics for Prometheus, only to a request bearing METRICS_TOKEN (docs/decisions/0023-metrics.md):
 * the figures say how busy the site is and which rules refuse, which is nobody else's business.
 * Compared in constant time (both sides hashed first, so the length is not told either).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { ErrorCode, fail, type Result } from '../../protocol/errors.ts';
import type { Logger } from '../logger.ts';
import { requestLogger } from './request-id.ts';

export interface MetricsRouteDeps {
  token: string;
  scrape(): Promise<{ contentType: string; body: string }>;
  logger: Logger;
  send(res: Response, result: Result<unknown>): void;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** True when the Authorization header is exactly `Bearer <token>`. */
export function bearsToken(authorization: string | undefined, token: string): boolean {
  if (authorization === undefined || !authorization.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(authorization.slice('Bearer '.length)), digest(token));
}

export function metricsRoute(deps: MetricsRouteDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    if (!bearsToken(req.headers.authorization, deps.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return deps.send(res, fail(ErrorCode.UNAUTHENTICATED, 'The metrics need the METRICS_TOKEN as a Bearer token.'));
    }
    try {
      const { contentType, body } = await deps.scrape();
      res.status(200).type(contentType).send(body);
    } catch (err) {
      requestLogger(res, deps.logger).error({ err }, 'could not collect the metrics');
      deps.send(res, fail(ErrorCode.INTERNAL, 'The metrics could not be collected.'));
    }
  };
}
