/** Where `comments export` writes: a file (created, private to its owner) or standard output, with backpressure. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { LineSink } from './comment-io.ts';

function sinkOf(stream: Writable, end: boolean): LineSink {
  return {
    async write(text) {
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      if (!end) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}

/** The file at `path` (replaced; mode 0600, since it holds every reader's comments), or standard output for null. */
export async function openLineSink(path: string | null): Promise<LineSink> {
  if (path === null) return sinkOf(process.stdout, false);
  const file = createWriteStream(path, { mode: 0o600 });
  await once(file, 'open');
  return sinkOf(file, true);
}
