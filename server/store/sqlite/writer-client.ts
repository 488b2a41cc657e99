/**
 * The main thread's handle on the writer thread: one promise per request, settled by the
 * writer's reply, which it sends only after the commit that holds the request returned.
 */
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../errors.ts';
import { failureReason } from './failure-reason.ts';
import type { JournalImportReport, WriteFailure, WriteRequest, WriteValue, WriterEvent, WriterInit } from './writer-protocol.ts';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<WriteRequest>;

export interface WriterClient {
  /** Resolves once the write is committed; rejects with StoreUnavailableError otherwise. */
  write(request: Request): Promise<WriteValue>;
  /** Why the writer cannot take writes at all (its thread died), or null. */
  readonly stopped: string | null;
  close(): Promise<void>;
}

/**
 * The writer is TypeScript run in a worker thread: tsx is registered inside it first, as the
 * main thread has it (`node --import tsx`), so the same source runs under npm start and vitest.
 */
function spawnWriter(init: WriterInit): Worker {
  const entry = new URL('./sqlite-writer.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: init, name: 'rembuk-sqlite-writer' });
}

export async function startWriter(init: WriterInit): Promise<{ writer: WriterClient; imported: JournalImportReport | null }> {
  const worker = spawnWriter(init);
  const pending = new Map<number, { resolve: (v: WriteValue) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stopped: string | null = null;
  let closed: (() => void) | null = null;

  const imported = await new Promise<JournalImportReport | null>((resolve, reject) => {
    const onEvent = (event: WriterEvent) => {
      if (event.type === 'ready') {
        worker.off('error', onError);
        worker.off('message', onEvent);
        resolve(event.imported);
      } else if (event.type === 'failed') {
        void worker.terminate();
        reject(new StoreUnavailableError(`The embedded store cannot open ${init.path}: ${failureReason(event.error)}.`));
      }
    };
    const onError = (err: Error) => reject(new StoreUnavailableError(`The embedded store's writer failed to start: ${err.message}`, { cause: err }));
    worker.on('message', onEvent);
    worker.once('error', onError);
  });

  worker.on('message', (event: WriterEvent) => {
    if (event.type === 'reply') {
      const waiter = pending.get(event.reply.id);
      if (!waiter) return;
      pending.delete(event.reply.id);
      if (event.reply.ok) waiter.resolve(event.reply.value);
      else waiter.reject(unavailable(event.reply.error));
    } else if (event.type === 'closed') {
      closed?.();
    }
  });
  worker.on('error', (err) => {
    stopped = `the embedded store's writer thread failed: ${err.message}`;
  });
  worker.on('exit', (code) => {
    stopped ??= `the embedded store's writer thread exited (code ${code})`;
    const error = new StoreUnavailableError(`The comment store is not running: ${stopped}.`);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    closed?.();
  });

  const writer: WriterClient = {
    get stopped() {
      return stopped;
    },
    write(request) {
      if (stopped) return Promise.reject(new StoreUnavailableError(`The comment store is not running: ${stopped}.`));
      const id = nextId++;
      return new Promise<WriteValue>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'write', request: { ...request, id } });
      });
    },
    close() {
      if (stopped) return Promise.resolve();
      return new Promise<void>((resolve) => {
        closed = () => {
          stopped ??= 'the store was closed';
          resolve();
        };
        worker.postMessage({ type: 'close' });
      });
    },
  };
  return { writer, imported };
}

function unavailable(failure: WriteFailure): StoreUnavailableError {
  return new StoreUnavailableError(`The comment store could not save this: ${failureReason(failure)}.`);
}
