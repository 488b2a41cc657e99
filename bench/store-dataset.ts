/**
 * Builds the stored data the start-up half of `npm run bench:store` opens, through each
 * store's own write code, so the rows and keys are exactly what a server would have written:
 * - embedded: the schema's `migrate` and `createWriteOps(db).createComment` on one connection,
 *   50,000 comments per transaction (the writer thread's group commit, only larger);
 * - Redis: the store's own `createComment`, many calls in flight so node-redis pipelines them.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { preparePrivateDir, touchPrivate } from '../server/store/data-dir.ts';
import { DATABASE_FILE } from '../server/store/embedded-store.ts';
import { createRedisStore } from '../server/store/redis-store.ts';
import { migrate } from '../server/store/sqlite/schema.ts';
import { createWriteOps } from '../server/store/sqlite/write-ops.ts';
import { datasetComments, type DatasetComment, type DatasetPlan } from './store-corpus.ts';

export interface BuildResult {
  ms: number;
  comments: number;
  /** Writes the store answered as a repeated idempotency key (must be 0: every key is new). */
  duplicates: number;
  /** Characters of comment text written, for the mean length. */
  textChars: number;
  /** Comments per thread, biggest first (thread index → count). */
  biggestThread: { index: number; comments: number; published: number };
}

const EMBEDDED_BATCH = 50_000;
const REDIS_IN_FLIGHT = 256;

type Progress = (done: number) => void;

/** Tallies what the generator produced, for the report. */
function createTally(plan: DatasetPlan) {
  const perThread = new Map<string, { comments: number; published: number }>();
  let textChars = 0;
  return {
    add({ comment }: DatasetComment) {
      textChars += comment.text.length;
      const t = perThread.get(comment.page) ?? { comments: 0, published: 0 };
      t.comments++;
      if (comment.status === 'published') t.published++;
      perThread.set(comment.page, t);
    },
    result(ms: number, duplicates: number): BuildResult {
      let best = { page: '', comments: 0, published: 0 };
      for (const [page, t] of perThread) if (t.comments > best.comments) best = { page, ...t };
      const index = Number(/(\d+)\/$/.exec(best.page)?.[1] ?? -1);
      return { ms, comments: plan.comments, duplicates, textChars, biggestThread: { index, comments: best.comments, published: best.published } };
    },
  };
}

export async function buildEmbeddedDataset(dataDir: string, plan: DatasetPlan, progress: Progress): Promise<BuildResult> {
  const t0 = performance.now();
  const tally = createTally(plan);
  preparePrivateDir(dataDir);
  const path = join(dataDir, DATABASE_FILE);
  touchPrivate(path);
  const db = new Database(path);
  let duplicates = 0;
  try {
    db.pragma('journal_mode = WAL');
    // Only the build's own speed: a crash mid-build loses nothing we need, and the rows are
    // the same whatever the durability setting. A larger page cache keeps the indexes in memory.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    migrate(db);
    const ops = createWriteOps(db);
    const writeBatch = db.transaction((batch: DatasetComment[]) => {
      for (const { comment, key } of batch) if (ops.createComment(comment, key).duplicate) duplicates++;
    });
    let batch: DatasetComment[] = [];
    let done = 0;
    for (const item of datasetComments(plan)) {
      tally.add(item);
      batch.push(item);
      if (batch.length === EMBEDDED_BATCH) {
        writeBatch(batch);
        done += batch.length;
        batch = [];
        progress(done);
        // Lets the progress line out and the watchdog timer run.
        await new Promise((r) => setImmediate(r));
      }
    }
    writeBatch(batch);
    progress(done + batch.length);
    // The server opens a checkpointed file, as after a clean shutdown.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return tally.result(performance.now() - t0, duplicates);
}

export async function buildRedisDataset(url: string, prefix: string, plan: DatasetPlan, progress: Progress): Promise<BuildResult> {
  const t0 = performance.now();
  const tally = createTally(plan);
  const store = await createRedisStore({ url, prefix });
  const items = datasetComments(plan);
  let done = 0;
  let duplicates = 0;
  // Callers share one synchronous generator, so each comment is written exactly once.
  const caller = async () => {
    for (let next = items.next(); !next.done; next = items.next()) {
      tally.add(next.value);
      const result = await store.createComment(next.value.comment, next.value.key);
      if (result.duplicate) duplicates++;
      if (++done % 50_000 === 0) progress(done);
    }
  };
  try {
    await Promise.all(Array.from({ length: REDIS_IN_FLIGHT }, caller));
  } finally {
    await store.close();
  }
  progress(done);
  return tally.result(performance.now() - t0, duplicates);
}

/** Bytes of the regular files under `dir` (apparent sizes), by name relative to it. */
export function filesIn(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (at: string, rel: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, `${rel}${name}/`);
      else if (stat.isFile()) out[`${rel}${name}`] = stat.size;
    }
  };
  walk(dir, '');
  return out;
}
