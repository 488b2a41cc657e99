/**
 * Structured logs: one JSON object per line (for machines), or pino-pretty's readable lines
 * in development. pino because it is the fastest well-kept JSON logger and serializes errors.
 * Lines go to a LogDestination (server/log-destination.ts): asynchronous and bounded, so a
 * full disk or a stalled log reader drops lines instead of freezing the server.
 */
import { pino, type Logger as PinoLogger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { LogDestination } from './log-destination.ts';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
  destination: LogDestination;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, base: { service: 'rembuk' } };
  const { destination } = options;
  if (options.format === 'pretty') {
    // Formatted in-process, line by line (no transport worker), then queued like JSON lines.
    const pretty = prettyFactory({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'service,pid,hostname' });
    return pino(base, { write: (line: string) => destination.write(pretty(line)) });
  }
  return pino({ ...base, timestamp: pino.stdTimeFunctions.isoTime }, { write: (line: string) => destination.write(line) });
}

/** For tests: a logger that writes nothing. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
