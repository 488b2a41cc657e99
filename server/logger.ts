/**
 * Structured logs: one JSON object per line (for machines), or pino-pretty's readable lines
 * in development. pino because it is the fastest well-kept JSON logger and serializes errors.
 */
import { pino, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
}

export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, base: { service: 'rembuk' } };
  if (options.format === 'pretty') {
    // Synchronous stream (no worker thread), so the last lines before an exit are not lost.
    return pino(base, pretty({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'service,pid,hostname', sync: true }));
  }
  return pino({ ...base, timestamp: pino.stdTimeFunctions.isoTime });
}

/** For tests: a logger that writes nothing. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
