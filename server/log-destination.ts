/**
 * Where log lines go: a bounded, asynchronous destination. Logging must never stop the server
 * from serving or from stopping: a full disk (ENOSPC), a broken pipe, or a log reader that
 * stops reading make pino's default synchronous destination block the event loop (it retries
 * the failing write forever). Here a write only queues the line; one write at a time drains the
 * queue; lines that do not fit the queue, or whose write failed, are dropped and counted, and
 * the count is reported once lines get through again.
 */
import { write as fsWrite } from 'node:fs';

/** Writes (part of) a chunk; resolves with the number of bytes written. */
export type WriteChunk = (chunk: Buffer) => Promise<number>;

export interface LogDestinationStats {
  /** Lines dropped since start: the queue was full, or their write failed. */
  droppedLines: number;
  /** The error code of the last failed write (`ENOSPC`, `EPIPE`, …), or null. */
  lastError: string | null;
  /** Bytes waiting to be written. */
  queuedBytes: number;
}

export interface LogDestination {
  /** Takes one serialized line (pino's `write`). Never blocks and never throws. */
  write(line: string): void;
  stats(): LogDestinationStats;
  /** Resolves once everything queued is written, or after `timeoutMs`, whichever comes first. */
  flush(timeoutMs: number): Promise<void>;
}

export interface AsyncLogDestinationOptions {
  writeChunk: WriteChunk;
  /** Lines beyond this many queued bytes are dropped (memory stays bounded). Default 1 MiB. */
  maxQueuedBytes?: number;
  /** After a failed write, how long to wait before the next attempt. Default 1 s. */
  retryAfterMs?: number;
  /**
   * Called when a write succeeds after lines were dropped, with how many and why, so the
   * logger can say so in the log itself. What it writes is queued like any other line.
   */
  onDropsEnded?: (dropped: number, reason: string) => void;
}

/** One write call carries at most this much, so a long queue drains in steps. */
const MAX_CHUNK_BYTES = 64 * 1024;
/** EAGAIN: the destination is busy, not failing; try again soon and drop nothing. */
const BUSY_RETRY_MS = 10;

/** Writes to a file descriptor (1 for stdout) through libuv's thread pool. */
export function fdWriter(fd: number): WriteChunk {
  return (chunk) =>
    new Promise((resolve, reject) => {
      fsWrite(fd, chunk, (err, written) => (err ? reject(err) : resolve(written)));
    });
}

function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}

export function createAsyncLogDestination(options: AsyncLogDestinationOptions): LogDestination {
  const maxQueuedBytes = options.maxQueuedBytes ?? 1024 * 1024;
  const retryAfterMs = options.retryAfterMs ?? 1_000;
  const queue: Buffer[] = [];
  let queuedBytes = 0;
  /** The chunk being written (or waiting for a retry): its unwritten bytes and its line count. */
  let inflight: { bytes: Buffer; lines: number } | null = null;
  let writing = false;
  let waiting: NodeJS.Timeout | null = null;
  let droppedLines = 0;
  /** Dropped since lines last got through: reported once they do, then reset. */
  let droppedUnreported = 0;
  let lastError: string | null = null;
  /** The error of the last write attempt while it keeps failing; null once a write succeeds. */
  let failingWith: string | null = null;
  let dropReason = '';
  /** A short write followed by a failure leaves half a line; the next chunk starts a fresh one. */
  let endsMidLine = false;
  let idleWaiters: Array<() => void> = [];

  const drop = (lines: number, reason: string) => {
    droppedLines += lines;
    droppedUnreported += lines;
    dropReason = reason;
  };

  const settleIfIdle = () => {
    if (inflight || queue.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const takeChunk = (): { bytes: Buffer; lines: number } => {
    const parts: Buffer[] = endsMidLine ? [Buffer.from('\n')] : [];
    let size = 0;
    let lines = 0;
    for (let next = queue[0]; next !== undefined; next = queue[0]) {
      if (lines > 0 && size + next.length > MAX_CHUNK_BYTES) break;
      queue.shift();
      queuedBytes -= next.length;
      parts.push(next);
      size += next.length;
      lines += 1;
    }
    return { bytes: Buffer.concat(parts), lines };
  };

  const retryIn = (ms: number) => {
    waiting = setTimeout(() => {
      waiting = null;
      pump();
    }, ms);
    // A pending retry must not keep a stopping process alive.
    waiting.unref();
  };

  const pump = (): void => {
    if (writing || waiting) return;
    if (!inflight) {
      if (queue.length === 0) return settleIfIdle();
      inflight = takeChunk();
    }
    const current = inflight;
    writing = true;
    options.writeChunk(current.bytes).then(
      (written) => {
        writing = false;
        failingWith = null;
        if (written > 0) endsMidLine = current.bytes[written - 1] !== 0x0a;
        if (written < current.bytes.length) {
          // A short write: the rest goes next, before anything queued after it.
          current.bytes = current.bytes.subarray(written);
        } else {
          inflight = null;
        }
        if (droppedUnreported > 0 && written > 0) {
          const dropped = droppedUnreported;
          droppedUnreported = 0;
          options.onDropsEnded?.(dropped, dropReason);
        }
        pump();
      },
      (err: unknown) => {
        writing = false;
        const code = errorCode(err);
        if (code === 'EAGAIN') return retryIn(BUSY_RETRY_MS);
        // Nothing of this chunk was written (a write either writes bytes or fails).
        inflight = null;
        lastError = code;
        failingWith = code;
        drop(current.lines, code);
        settleIfIdle();
        retryIn(retryAfterMs);
      },
    );
  };

  return {
    write(line) {
      const bytes = Buffer.from(line, 'utf8');
      if (queuedBytes + bytes.length > maxQueuedBytes) {
        drop(1, failingWith ?? 'the destination could not keep up');
        return;
      }
      queue.push(bytes);
      queuedBytes += bytes.length;
      pump();
    },
    stats() {
      return { droppedLines, lastError, queuedBytes };
    },
    flush(timeoutMs) {
      if (!inflight && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        timer.unref();
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
