/**
 * An append-only journal of JSON lines with group commit: every `append` issued while a
 * write is in flight joins the next batch, so one write + one fdatasync serves many posts.
 * A promise returned by `append` resolves only once its line is on disk.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreUnavailableError } from '../errors.ts';

export interface JournalOptions {
  /** fdatasync after each batch (survives power loss), or only write (survives a process crash). */
  fsync: boolean;
}

export interface ReplayResult<R> {
  records: R[];
  /** A torn last line (a crash mid-write) that was dropped, if any. */
  tornTail: string | null;
  /** Lines before the tail that could not be parsed (should never happen; reported, skipped). */
  badLines: number[];
}

export interface Journal<R> {
  append(record: R): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Reads every complete record, truncates a torn last line (so the next append does not glue
 * onto it), and opens the file for appending.
 */
export async function openJournal<R>(
  path: string,
  options: JournalOptions,
): Promise<{ journal: Journal<R>; replay: ReplayResult<R> }> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a+');
  const replay = await readAll<R>(handle);
  return { journal: createJournalWriter<R>(handle, options), replay: replay.result };

  async function readAll<T>(fh: FileHandle): Promise<{ result: ReplayResult<T> }> {
    const buf = await fh.readFile();
    const records: T[] = [];
    const badLines: number[] = [];
    let tornTail: string | null = null;
    let start = 0;
    let lineNo = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(0x0a, start);
      lineNo += 1;
      if (nl === -1) {
        // No newline: the process died mid-write. The record was never acknowledged.
        tornTail = buf.subarray(start).toString('utf8');
        await fh.truncate(start);
        break;
      }
      const text = buf.subarray(start, nl).toString('utf8');
      start = nl + 1;
      if (text.trim() === '') continue;
      try {
        records.push(JSON.parse(text) as T);
      } catch {
        badLines.push(lineNo);
      }
    }
    return { result: { records, tornTail, badLines } };
  }
}

function createJournalWriter<R>(handle: FileHandle, options: JournalOptions): Journal<R> {
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;
  let failed: Error | null = null;
  let closed = false;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await handle.write(batch.map((p) => p.line).join(''));
        if (options.fsync) await handle.datasync();
        for (const p of batch) p.resolve();
      } catch (cause) {
        // A journal that failed once may hold a partial line: refuse every later write
        // rather than risk acknowledging something that replay would not find.
        failed = new StoreUnavailableError('The comment journal could not be written.', { cause });
        for (const p of [...batch, ...queue]) p.reject(failed);
        queue = [];
      }
    }
    writing = null;
  }

  return {
    append(record: R): Promise<void> {
      if (failed) return Promise.reject(failed);
      if (closed) return Promise.reject(new StoreUnavailableError('The store is closed.'));
      const line = `${JSON.stringify(record)}\n`;
      return new Promise<void>((resolve, reject) => {
        queue.push({ line, resolve, reject });
        writing ??= drain();
      });
    },
    async close(): Promise<void> {
      closed = true;
      while (writing) await writing;
      if (!failed) await handle.sync().catch(() => undefined);
      await handle.close();
    },
  };
}
