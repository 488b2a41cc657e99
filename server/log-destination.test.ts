import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAsyncLogDestination, type WriteChunk } from './log-destination.ts';

/** A destination under test's control: each write waits until the test answers it. */
function controlledWriter() {
  const calls: Array<{ chunk: Buffer; succeed(bytes?: number): void; fail(code: string): void }> = [];
  const writeChunk: WriteChunk = (chunk) =>
    new Promise((resolve, reject) => {
      calls.push({
        chunk: Buffer.from(chunk),
        succeed: (bytes = chunk.length) => resolve(bytes),
        fail: (code) => reject(Object.assign(new Error(code), { code })),
      });
    });
  return { writeChunk, calls };
}

/** Lets the destination's promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('the asynchronous log destination', () => {
  it('returns from write at once, before the line is written', () => {
    const { writeChunk, calls } = controlledWriter();
    const dest = createAsyncLogDestination({ writeChunk });
    dest.write('{"msg":"a"}\n');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.chunk.toString()).toBe('{"msg":"a"}\n');
    expect(dest.stats().queuedBytes).toBe(0);
  });

  it('writes lines queued during a write together in the next write, in order', async () => {
    const { writeChunk, calls } = controlledWriter();
    const dest = createAsyncLogDestination({ writeChunk });
    dest.write('1\n');
    dest.write('2\n');
    dest.write('3\n');
    expect(calls).toHaveLength(1);
    calls[0]?.succeed();
    await settle();
    expect(calls.map((c) => c.chunk.toString())).toEqual(['1\n', '2\n3\n']);
  });

  it('writes the rest of a short write before anything else', async () => {
    const { writeChunk, calls } = controlledWriter();
    const dest = createAsyncLogDestination({ writeChunk });
    dest.write('abcdef\n');
    dest.write('next\n');
    calls[0]?.succeed(3);
    await settle();
    expect(calls[1]?.chunk.toString()).toBe('def\n');
    calls[1]?.succeed();
    await settle();
    expect(calls[2]?.chunk.toString()).toBe('next\n');
  });

  it('drops and counts the lines that do not fit the queue while a write hangs', () => {
    const { writeChunk, calls } = controlledWriter();
    const dest = createAsyncLogDestination({ writeChunk, maxQueuedBytes: 10 });
    dest.write('hanging\n');
    for (let i = 0; i < 6; i += 1) dest.write('abcd\n');
    // The first line is being written; two of the next six fit in 10 bytes.
    expect(calls).toHaveLength(1);
    expect(dest.stats()).toEqual({ droppedLines: 4, lastError: null, queuedBytes: 10 });
  });

  it('drops the lines of a failed write, retries later, and reports the drop once lines get through', async () => {
    vi.useFakeTimers();
    const { writeChunk, calls } = controlledWriter();
    const reports: Array<[number, string]> = [];
    const dest = createAsyncLogDestination({ writeChunk, retryAfterMs: 1_000, onDropsEnded: (n, reason) => reports.push([n, reason]) });
    dest.write('one\n');
    dest.write('two\n');
    calls[0]?.fail('ENOSPC');
    await vi.advanceTimersByTimeAsync(0);
    dest.write('three\n');
    // It waits before trying again, so a failing disk is not hammered.
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls[1]?.chunk.toString()).toBe('two\nthree\n');
    calls[1]?.fail('ENOSPC');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(dest.stats()).toMatchObject({ droppedLines: 3, lastError: 'ENOSPC' });
    expect(reports).toEqual([]);

    dest.write('four\n');
    await vi.advanceTimersByTimeAsync(0);
    calls[2]?.succeed();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([[3, 'ENOSPC']]);
  });

  it('counts lines refused while writes fail under the write error', async () => {
    vi.useFakeTimers();
    const { writeChunk, calls } = controlledWriter();
    const reports: Array<[number, string]> = [];
    const dest = createAsyncLogDestination({ writeChunk, maxQueuedBytes: 8, onDropsEnded: (n, reason) => reports.push([n, reason]) });
    dest.write('a\n');
    calls[0]?.fail('EIO');
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 10; i += 1) dest.write('bb\n');
    await vi.advanceTimersByTimeAsync(1_000);
    calls[1]?.succeed();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([[1 + 8, 'EIO']]);
  });

  it('keeps the lines of a busy (EAGAIN) write and tries them again soon', async () => {
    vi.useFakeTimers();
    const { writeChunk, calls } = controlledWriter();
    const dest = createAsyncLogDestination({ writeChunk });
    dest.write('kept\n');
    calls[0]?.fail('EAGAIN');
    await vi.advanceTimersByTimeAsync(20);
    expect(calls[1]?.chunk.toString()).toBe('kept\n');
    expect(dest.stats().droppedLines).toBe(0);
  });

  it('ends a line torn by a short write and a failure before writing the next one', async () => {
    vi.useFakeTimers();
    const { writeChunk, calls } = controlledWriter();
    const dest = createAsyncLogDestination({ writeChunk });
    dest.write('{"msg":"long"}\n');
    calls[0]?.succeed(5);
    await vi.advanceTimersByTimeAsync(0);
    calls[1]?.fail('ENOSPC');
    await vi.advanceTimersByTimeAsync(0);
    dest.write('{"msg":"after"}\n');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls[2]?.chunk.toString()).toBe('\n{"msg":"after"}\n');
  });

  it('flushes: resolves once everything is written, or at the deadline when the destination hangs', async () => {
    const { writeChunk, calls } = controlledWriter();
    const dest = createAsyncLogDestination({ writeChunk });
    await dest.flush(10);
    dest.write('x\n');
    let flushed = false;
    const flushing = dest.flush(5_000).then(() => {
      flushed = true;
    });
    await settle();
    expect(flushed).toBe(false);
    calls[0]?.succeed();
    await flushing;
    expect(flushed).toBe(true);

    dest.write('hangs\n');
    const started = Date.now();
    await dest.flush(50);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
