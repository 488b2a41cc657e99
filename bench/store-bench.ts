/**
 * `npm run bench:store` — the comment store under the post pipeline, and the server's start
 * on a large store, for both stores in one run:
 *   1. posting: 1 and 50 concurrent posters call `createComment` in this process (parse,
 *      idempotency and history reads, every moderation rule but velocity and duplicate, one
 *      store write), each its own author awaiting each post; posts/s and latency over a fixed
 *      window after a warm-up. Embedded with synchronous=FULL (the default) and with
 *      `fsync: false` (NORMAL); Redis on a throwaway redis-server (AOF, appendfsync everysec).
 *      All three open at once, 3 rounds in rotated order, medians of the runs that other work
 *      on the machine left alone; every acknowledged post is looked up again afterwards.
 *   2. start-up: 1,000,000 comments (1,000 threads by Zipf's law, 50,000 authors) written
 *      through each store's own write code; then the real server (`node --import tsx
 *      server/main.ts`) on them: spawn → 'listening', the first page of the biggest thread
 *      over the HTTP API, VmRSS after it. The embedded store also starts with its file evicted
 *      from the page cache (a start after a reboot). 3 starts per row, medians.
 * It prints tables with the targets (embedded start ≤ 2 s, RSS ≤ 250 MB with 1 M comments) and
 * writes everything to bench/results/store-latest.json (store-quick.json with --quick). A
 * benchmark, not a test: it judges nothing by exit code.
 *
 * Flags: --quick (100,000 comments, 2 s windows, one round, two starts per row). Method and
 * figures: docs/decisions/0009-store-benchmark.md.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import type { CreateCommentDeps } from '../server/comments/create-comment.ts';
import { createSiteModeration, type SiteModerationSettings } from '../server/comments/moderate.ts';
import { createPostRateLimit } from '../server/comments/post-rate-limit.ts';
import { DATABASE_FILE, createEmbeddedStore } from '../server/store/embedded-store.ts';
import { createRedisStore } from '../server/store/redis-store.ts';
import type { CommentStore } from '../server/store/types.ts';
import { parsePolicy } from '../moderation/index.ts';
import { fmt, fmtInt, log, mb, pct, table } from './bench-format.ts';
import {
  ROOT,
  createQuietWaiter,
  disablePinning,
  installCleanupHooks,
  killEverything,
  makeTempDir,
  readRssKb,
  removeTempDir,
  startBenchRedis,
  startServer,
  tail,
  type BenchRedis,
} from './fanout-procs.ts';
import { threadPage, vocabularySizes, type DatasetPlan } from './store-corpus.ts';
import { buildEmbeddedDataset, buildRedisDataset, filesIn, type BuildResult } from './store-dataset.ts';
import { runPosters, type PostersResult } from './store-posters.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');

/** The server registers the demo site by default; the posting half uses the same id. */
const SITE = 'demo';

const PLAN = {
  warmupMs: quick ? 500 : 1_000,
  windowMs: quick ? 2_000 : 5_000,
  posterCounts: [1, 50],
  postingRounds: quick ? 1 : 3,
  /**
   * A run during which the rest of the machine used more than this many cores is "disturbed":
   * the row's medians come from the undisturbed runs, and a row with fewer than two of them
   * gets up to `postingExtraRuns` more runs at the end.
   */
  disturbedOtherCpu: 0.5,
  postingExtraRuns: quick ? 0 : 2,
  /** Posters spread over this many threads. */
  pages: 10,
  dataset: {
    comments: quick ? 100_000 : 1_000_000,
    threads: 1_000,
    authors: quick ? 5_000 : 50_000,
    site: SITE,
    seed: 20_250_311,
    startAt: Date.UTC(2025, 0, 1),
  } satisfies DatasetPlan,
  targets: { startMs: 2_000, rssMb: 250 },
  /** Starts per row; the row shows the median (start time moves by hundreds of ms with the machine's load). */
  startRuns: quick ? 2 : 3,
  /** Before each measured row: wait ≤ 15 s (≤ 120 s in all) for other work on the machine to calm down. */
  quietWaitMs: 15_000,
  quietBudgetMs: 120_000,
  watchdogMs: 30 * 60_000,
};

type PostingStore = 'embedded' | 'embedded-normal' | 'redis';

const waitForQuiet = createQuietWaiter({ perCallMs: PLAN.quietWaitMs, totalMs: PLAN.quietBudgetMs });

/** A store and poster count: medians over its undisturbed runs (max: the highest of them), counts summed over all. */
interface PostingRow extends PostersResult {
  store: PostingStore;
  title: string;
  /** Every run of this row, disturbed ones included. */
  rounds: PostersResult[];
  /** How many runs the medians are of: the undisturbed ones. */
  medianOf: number;
}

/** One start of the server and its first page. */
interface StartRun {
  startMs: number;
  /** First page of the biggest thread over GET /api/v1/threads/…: time, comments on it, thread count. */
  firstPageMs: number;
  firstPageComments: number;
  threadCount: number;
  /** The same page again, warm. */
  secondPageMs: number;
  /** VmRSS just after the first page; then after a forced full GC, with V8's heap. */
  rssKb: number;
  rssAfterGcKb: number;
  heapUsedKb: number;
  /** Bytes of the database file in the page cache just before the start (embedded only). */
  cachedBytes: number | null;
}

/** A configuration's starts: every figure is the median over `runs`. */
interface StartRow extends Omit<StartRun, 'cachedBytes'> {
  store: 'embedded' | 'redis';
  title: string;
  comments: number;
  runs: StartRun[];
  startMinMs: number;
  startMaxMs: number;
  startMet: boolean;
  rssMet: boolean;
}

interface DatasetRow {
  store: 'embedded' | 'redis';
  build: BuildResult;
  /** Files of the store on disk (embedded: DATA_DIR; Redis: its AOF folder), bytes by name. */
  files: Record<string, number>;
  diskBytes: number;
  /** Redis only: used_memory and the redis-server's VmRSS with the data set loaded. */
  redisUsedMemory: number | null;
  redisRssKb: number | null;
  redisKeys: number | null;
}

async function main(): Promise<void> {
  installCleanupHooks('bench:store');
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench:store: gave up after ${PLAN.watchdogMs / 60_000} min\n`);
    killEverything();
    process.exit(1);
  }, PLAN.watchdogMs);
  // Start-up time is the figure here, and a server pinned to one core starts slower than it
  // would in production; nothing in this bench compares two loads on shared cores.
  disablePinning();
  const started = Date.now();
  const loadBefore = loadAverage();
  log(
    `bench:store${quick ? ' --quick' : ''} — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `load average ${loadBefore.join(' ')} (1/5/15 min; other sessions share this machine)`,
  );
  log(
    `texts: sentences from ${vocabularySizes.id} Indonesian / ${vocabularySizes.en} English words of the moderation corpus's ordinary comments; ` +
      'lengths log-normal, median 160 characters',
  );

  const workDir = makeTempDir('rembuk-store-bench-');
  const posting = await postingPhase(workDir);
  const loadMid = loadAverage();
  const { datasets, starts } = await startPhase(workDir);
  removeTempDir(workDir);
  const loadAfter = loadAverage();

  const elapsedS = (Date.now() - started) / 1000;
  printReport(posting, datasets, starts, [loadBefore, loadMid, loadAfter], elapsedS);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, quick ? 'bench/results/store-quick.json' : 'bench/results/store-latest.json');
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        startedAt: new Date(started).toISOString(),
        elapsedS,
        quick,
        machine: {
          cores: cpus().length,
          cpu: cpus()[0]?.model,
          node: process.version,
          loadAverage: { before: loadBefore, afterPosting: loadMid, after: loadAfter },
        },
        plan: PLAN,
        posting,
        datasets,
        starts,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nfigures written to ${file.slice(ROOT.length + 1)}; ${elapsedS.toFixed(0)} s in all`);
  clearTimeout(watchdog);
}

// ---------------------------------------------------------------------------------------------
// 1. Posting

function benchModeration() {
  // One bench poster posts many times a second as one author, which the per-author velocity
  // and duplicate rules rightly refuse or hold (bench/fanout.ts does the same); every other
  // rule runs, and the author's history is read for every post.
  const policy = parsePolicy({ velocity: { enabled: false }, duplicate: { enabled: false } });
  if (!policy.ok) throw new Error(`bench policy: ${policy.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const settings: SiteModerationSettings = { policy: policy.policy, preModerated: false, closedPages: [] };
  return createSiteModeration((site) => (site === SITE ? settings : undefined));
}

function depsFor(store: CommentStore): CreateCommentDeps {
  return {
    store,
    moderate: benchModeration(),
    // 0 switches the per-address limit off (server/comments/post-rate-limit.ts): the bench
    // measures the store, not the limiter.
    rateLimit: createPostRateLimit({ postsPerMinute: 0 }),
    // No moderators and no reserved list: the bench's names are never reserved, and no account is read.
    reservedNames: { isReserved: () => Promise.resolve(false) },
    clock: Date.now,
    newId: () => randomBytes(12).toString('base64url'),
  };
}

interface OpenStore {
  spec: { store: PostingStore; title: string };
  store: CommentStore;
  deps: CreateCommentDeps;
  redis: BenchRedis | null;
  dataDir: string | null;
}

/**
 * All three stores open at once, measured in rounds: each round runs every store's 1- and
 * 50-poster rows, in an order rotated per round, so every store sees the same machine state
 * (other sessions' work moves these figures by a third); a row shows the median over rounds.
 */
async function postingPhase(workDir: string): Promise<PostingRow[]> {
  log(
    `\n== 1. Post pipeline in this process (createComment: parse, reads, moderation, store write; not through Socket.IO), ` +
      `${PLAN.warmupMs / 1000} s warm-up + ${PLAN.windowMs / 1000} s window per run, ${PLAN.postingRounds} round(s), store order rotated`,
  );
  const specs: { store: PostingStore; title: string }[] = [
    { store: 'embedded', title: 'embedded, synchronous=FULL (default)' },
    { store: 'embedded-normal', title: 'embedded, fsync: false (synchronous=NORMAL)' },
    { store: 'redis', title: 'Redis, AOF appendfsync everysec' },
  ];
  const open: OpenStore[] = [];
  const runs = new Map<string, PostersResult[]>();
  try {
    for (const spec of specs) {
      if (spec.store === 'redis') {
        const redis = await startBenchRedis();
        const store = await createRedisStore({ url: redis.url, prefix: 'bench-posting' });
        open.push({ spec, store, deps: depsFor(store), redis, dataDir: null });
      } else {
        const dataDir = join(workDir, `posting-${spec.store}`);
        const store = await createEmbeddedStore({ dataDir, fsync: spec.store === 'embedded' });
        open.push({ spec, store, deps: depsFor(store), redis: null, dataDir });
      }
    }
    let seed = 1;
    const runOnce = async (o: OpenStore, posters: number, label: string) => {
      await waitForQuiet();
      const result = await runPosters({
        deps: o.deps,
        site: SITE,
        posters,
        warmupMs: PLAN.warmupMs,
        windowMs: PLAN.windowMs,
        runId: `${o.spec.store}-${posters}-${label}`,
        seed: seed++,
        pages: PLAN.pages,
        redisPid: o.redis?.pid ?? null,
      });
      const key = `${o.spec.store}/${posters}`;
      runs.set(key, [...(runs.get(key) ?? []), result]);
      log(
        `   ${label.padEnd(3)} ${o.spec.title.padEnd(44)} ${String(posters).padStart(2)} posters: ${fmtInt(result.postsPerSecond).padStart(6)} posts/s` +
          ` | p50 ${fmt(result.latencyMs.p50)} p99 ${fmt(result.latencyMs.p99)} max ${fmt(result.latencyMs.max)} ms` +
          ` | ${outcomeText(result.outcomes)} | lost ${result.lost} of ${fmtInt(result.checked)}, bad threads ${result.badThreads}` +
          ` | CPU bench ${pct(result.cpu.bench)}${o.redis ? ` redis ${pct(result.cpu.redis)}` : ''} other ${pct(result.cpu.other)}` +
          (isDisturbed(result) ? ' (disturbed)' : ''),
      );
    };
    for (let round = 0; round < PLAN.postingRounds; round++) {
      const shift = round % open.length;
      for (const o of [...open.slice(shift), ...open.slice(0, shift)]) {
        for (const posters of PLAN.posterCounts) await runOnce(o, posters, `r${round + 1}`);
      }
    }
    for (const o of open) {
      for (const posters of PLAN.posterCounts) {
        for (let extra = 1; extra <= PLAN.postingExtraRuns; extra++) {
          const calm = (runs.get(`${o.spec.store}/${posters}`) ?? []).filter((r) => !isDisturbed(r)).length;
          if (calm >= 2) break;
          await runOnce(o, posters, `x${extra}`);
        }
      }
    }
  } finally {
    for (const o of open) {
      await o.store.close();
      await o.redis?.stop();
      if (o.dataDir) removeTempDir(o.dataDir);
    }
  }
  return specs.flatMap((spec) => PLAN.posterCounts.map((posters) => postingRow(spec, posters, runs.get(`${spec.store}/${posters}`) ?? [])));
}

const isDisturbed = (r: PostersResult) => r.cpu.other > PLAN.disturbedOtherCpu;

/** Medians over the undisturbed runs (all, if none was); answers, lost writes and bad threads summed over all. */
function postingRow(spec: { store: PostingStore; title: string }, posters: number, rounds: PostersResult[]): PostingRow {
  const calm = rounds.filter((r) => !isDisturbed(r));
  const counted = calm.length > 0 ? calm : rounds;
  const med = (pick: (r: PostersResult) => number) => median(counted.map(pick));
  const outcomes: Record<string, number> = {};
  for (const r of rounds) for (const [k, v] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  const sum = (pick: (r: PostersResult) => number) => rounds.reduce((a, r) => a + pick(r), 0);
  return {
    store: spec.store,
    title: spec.title,
    posters,
    windowMs: PLAN.windowMs,
    posts: med((r) => r.posts),
    postsPerSecond: med((r) => r.postsPerSecond),
    latencyMs: {
      p50: med((r) => r.latencyMs.p50),
      p90: med((r) => r.latencyMs.p90),
      p99: med((r) => r.latencyMs.p99),
      max: Math.max(...counted.map((r) => r.latencyMs.max)),
    },
    outcomes,
    cpu: { bench: med((r) => r.cpu.bench), redis: med((r) => r.cpu.redis), other: med((r) => r.cpu.other) },
    lost: sum((r) => r.lost),
    badThreads: sum((r) => r.badThreads),
    checked: sum((r) => r.checked),
    rounds,
    medianOf: counted.length,
  };
}

function outcomeText(outcomes: Record<string, number>): string {
  return Object.entries(outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmtInt(v)}`)
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// 2. Start-up on a large store

async function startPhase(workDir: string): Promise<{ datasets: DatasetRow[]; starts: StartRow[] }> {
  const n = PLAN.dataset.comments;
  log(
    `\n== 2. Server start with ${fmtInt(n)} stored comments (${fmtInt(PLAN.dataset.threads)} threads by Zipf's law, ` +
      `${fmtInt(PLAN.dataset.authors)} authors; 96.5% published, 3% held, 0.5% rejected, 30% replies)`,
  );
  const datasets: DatasetRow[] = [];
  const starts: StartRow[] = [];
  const secret = randomBytes(36).toString('base64url');

  // tsx compiles the server on its first start and caches it; that start is not measured.
  const warmDir = join(workDir, 'warm-up');
  const warm = await startServer({ name: 'warm-up', script: 'server/main.ts', env: { DATA_DIR: warmDir, SECRET: secret }, workDir });
  await warm.stop();
  removeTempDir(warmDir);

  // Embedded.
  const emptyDir = join(workDir, 'embedded-empty');
  starts.push(await measureStart('embedded', 'embedded, empty store', 0, { DATA_DIR: emptyDir, SECRET: secret }, workDir, threadPage(0), null));
  removeTempDir(emptyDir);
  const dataDir = join(workDir, 'embedded-data');
  log(`   building the embedded store (migrate + createWriteOps(db).createComment, 50,000 per transaction)…`);
  const embeddedBuild = await buildEmbeddedDataset(dataDir, PLAN.dataset, progressLine(n));
  const embeddedFiles = filesIn(dataDir);
  datasets.push({
    store: 'embedded',
    build: embeddedBuild,
    files: embeddedFiles,
    diskBytes: Object.values(embeddedFiles).reduce((a, b) => a + b, 0),
    redisUsedMemory: null,
    redisRssKb: null,
    redisKeys: null,
  });
  logBuild('embedded', embeddedBuild, embeddedFiles);
  const bigPage = threadPage(embeddedBuild.biggestThread.index);
  const dbFile = join(dataDir, DATABASE_FILE);
  const embeddedEnv = { DATA_DIR: dataDir, SECRET: secret };
  starts.push(
    await measureStart('embedded', `embedded, ${shortCount(n)} comments, warm page cache`, n, embeddedEnv, workDir, bigPage, () =>
      cachedBytes(dbFile),
    ),
  );
  starts.push(
    await measureStart('embedded', `embedded, ${shortCount(n)} comments, file evicted from page cache`, n, embeddedEnv, workDir, bigPage, () => {
      evictFromPageCache(dataDir);
      return cachedBytes(dbFile);
    }),
  );
  removeTempDir(dataDir);

  // Redis.
  const redis = await startBenchRedis();
  try {
    const redisEnv = (prefix: string) => ({ DATA_DIR: join(workDir, `redis-${prefix}`), SECRET: secret, REDIS_URL: redis.url, REDIS_PREFIX: prefix });
    starts.push(await measureStart('redis', 'Redis, empty prefix', 0, redisEnv('empty'), workDir, threadPage(0), null));
    log(`   building the Redis data set (the store's createComment, 256 calls in flight, pipelined by node-redis)…`);
    const redisBuild = await buildRedisDataset(redis.url, 'bench', PLAN.dataset, progressLine(n));
    // appendfsync everysec: give the AOF its last second before its size is read.
    await new Promise((r) => setTimeout(r, 1_500));
    const info = await redisInfo(redis.url);
    const aofDir = redis.pid === null ? null : readlinkSync(`/proc/${redis.pid}/cwd`);
    const aofFiles = aofDir ? filesIn(aofDir) : {};
    datasets.push({
      store: 'redis',
      build: redisBuild,
      files: aofFiles,
      diskBytes: Object.values(aofFiles).reduce((a, b) => a + b, 0),
      redisUsedMemory: info.usedMemory,
      redisRssKb: redis.pid === null ? null : readRssKb(redis.pid),
      redisKeys: info.keys,
    });
    logBuild('redis', redisBuild, aofFiles);
    log(
      `   redis-server: used_memory ${mb(info.usedMemory / 1024)} MB, VmRSS ${redis.pid === null ? '—' : mb(readRssKb(redis.pid))} MB, ${fmtInt(info.keys)} keys`,
    );
    starts.push(await measureStart('redis', `Redis, ${shortCount(n)} comments`, n, redisEnv('bench'), workDir, bigPage, null));
  } finally {
    await redis.stop();
  }
  return { datasets, starts };
}

/**
 * Starts the server PLAN.startRuns times on the same data; `beforeEach` (evicting the file,
 * say) runs before every start and returns the bytes of the database then in the page cache.
 */
async function measureStart(
  store: StartRow['store'],
  title: string,
  comments: number,
  env: Record<string, string>,
  workDir: string,
  page: string,
  beforeEach: (() => number) | null,
): Promise<StartRow> {
  const runs: StartRun[] = [];
  for (let i = 0; i < PLAN.startRuns; i++) {
    await waitForQuiet();
    const cached = beforeEach?.() ?? null;
    runs.push(await startOnce(`start-${store}-${comments}-${i}`, env, workDir, page, cached));
  }
  const med = (pick: (r: StartRun) => number) => median(runs.map(pick));
  const starts = runs.map((r) => r.startMs);
  const first = runs[0];
  const row: StartRow = {
    store,
    title,
    comments,
    runs,
    startMs: med((r) => r.startMs),
    startMinMs: Math.min(...starts),
    startMaxMs: Math.max(...starts),
    firstPageMs: med((r) => r.firstPageMs),
    firstPageComments: first?.firstPageComments ?? 0,
    threadCount: first?.threadCount ?? 0,
    secondPageMs: med((r) => r.secondPageMs),
    rssKb: med((r) => r.rssKb),
    rssAfterGcKb: med((r) => r.rssAfterGcKb),
    heapUsedKb: med((r) => r.heapUsedKb),
    startMet: false,
    rssMet: false,
  };
  row.startMet = row.startMs <= PLAN.targets.startMs;
  row.rssMet = row.rssKb / 1024 <= PLAN.targets.rssMb;
  const cached = runs.map((r) => r.cachedBytes).filter((b): b is number => b !== null);
  log(
    `   ${title.padEnd(52)} start ${fmtInt(row.startMs)} ms (${starts.map(fmtInt).join(', ')}) | first page ${fmt(row.firstPageMs)} ms (${row.firstPageComments} of ${fmtInt(row.threadCount)}), again ${fmt(row.secondPageMs)} ms` +
      ` | RSS ${mb(row.rssKb)} MB (after GC ${mb(row.rssAfterGcKb)}, heap ${mb(row.heapUsedKb)})` +
      (cached.length > 0 ? ` | file cached before each start: ${cached.map((b) => mb(b / 1024)).join(', ')} MB` : ''),
  );
  return row;
}

async function startOnce(name: string, env: Record<string, string>, workDir: string, page: string, cached: number | null): Promise<StartRun> {
  const server = await startServer({ name, script: 'server/main.ts', env, workDir });
  try {
    const url = `${server.url}/api/v1/threads/${SITE}/${encodeURIComponent(page)}`;
    const first = await timedGet(url);
    const rssKb = server.rssKb();
    const second = await timedGet(url);
    const { rssKb: rssAfterGcKb, heapUsedKb } = await server.collectAndMeasure();
    return {
      startMs: server.startMs,
      firstPageMs: first.ms,
      firstPageComments: first.comments,
      threadCount: first.count,
      secondPageMs: second.ms,
      rssKb,
      rssAfterGcKb,
      heapUsedKb,
      cachedBytes: cached,
    };
  } catch (err) {
    process.stderr.write(`last lines of the server log:\n${tail(server.logFile)}\n`);
    throw err;
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timedGet(url: string): Promise<{ ms: number; comments: number; count: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = (await res.json()) as { ok?: unknown; data?: { comments?: unknown[]; count?: unknown }; error?: { message?: unknown } };
  const ms = performance.now() - t0;
  if (body.ok !== true || !body.data) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body.error ?? body)}`);
  return { ms, comments: body.data.comments?.length ?? 0, count: typeof body.data.count === 'number' ? body.data.count : Number.NaN };
}

/** Drops the store's files from the page cache (POSIX_FADV_DONTNEED through dd), as after a reboot. */
function evictFromPageCache(dir: string): void {
  for (const name of Object.keys(filesIn(dir))) {
    const path = join(dir, name);
    // Dirty pages cannot be dropped: write them back first.
    spawnSync('sync', [path]);
    spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none']);
  }
}

/** Bytes of `file` in the page cache (util-linux fincore), or NaN without it. */
function cachedBytes(file: string): number {
  const out = spawnSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', file], { encoding: 'utf8' });
  return out.status === 0 ? Number(out.stdout.trim()) : Number.NaN;
}

async function redisInfo(url: string): Promise<{ usedMemory: number; keys: number }> {
  const client = createClient({ url });
  await client.connect();
  try {
    const memory = await client.info('memory');
    const usedMemory = Number(/used_memory:(\d+)/.exec(memory)?.[1] ?? Number.NaN);
    return { usedMemory, keys: await client.dbSize() };
  } finally {
    await client.close();
  }
}

function progressLine(total: number): (done: number) => void {
  const started = performance.now();
  const step = Math.max(50_000, Math.round(total / 5 / 50_000) * 50_000);
  let next = step;
  let printed = 0;
  return (done) => {
    if ((done < next && done < total) || done === printed) return;
    next = done + step;
    printed = done;
    log(`      ${fmtInt(done)} comments, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
}

function logBuild(store: string, build: BuildResult, files: Record<string, number>): void {
  const bytes = Object.values(files).reduce((a, b) => a + b, 0);
  log(
    `   ${store}: ${fmtInt(build.comments)} comments in ${(build.ms / 1000).toFixed(1)} s (${fmtInt(build.comments / (build.ms / 1000))}/s), ` +
      `mean text ${fmtInt(build.textChars / build.comments)} chars, biggest thread ${fmtInt(build.biggestThread.comments)} comments ` +
      `(${fmtInt(build.biggestThread.published)} published), ${build.duplicates} duplicates; on disk ${mb(bytes / 1024)} MB ` +
      `(${Object.entries(files)
        .map(([k, v]) => `${k} ${mb(v / 1024)}`)
        .join(', ')})`,
  );
}

const shortCount = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} M` : `${n / 1_000}k`);

function loadAverage(): string[] {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3);
}

// ---------------------------------------------------------------------------------------------
// Report

function printReport(posting: PostingRow[], datasets: DatasetRow[], starts: StartRow[], loads: string[][], elapsedS: number): void {
  const postRows: string[][] = [['store', 'posters', 'posts/s', 'p50 ms', 'p99 ms', 'max ms', 'runs', 'answers', 'lost', 'CPU bench/redis/other']];
  for (const r of posting) {
    postRows.push([
      r.title,
      String(r.posters),
      fmtInt(r.postsPerSecond),
      fmt(r.latencyMs.p50),
      fmt(r.latencyMs.p99),
      fmt(r.latencyMs.max),
      `${r.medianOf}/${r.rounds.length}`,
      outcomeText(r.outcomes),
      `${r.lost}/${fmtInt(r.checked)}${r.badThreads ? `, ${r.badThreads} bad threads` : ''}`,
      `${pct(r.cpu.bench)} / ${r.store === 'redis' ? pct(r.cpu.redis) : '—'} / ${pct(r.cpu.other)}`,
    ]);
  }
  log(
    `\nPost pipeline, in-process createComment (no Socket.IO), each poster its own author awaiting each post; ` +
      `${PLAN.windowMs / 1000} s window after ${PLAN.warmupMs / 1000} s warm-up. Figures: medians (max: highest) over the runs ` +
      `the rest of the machine left alone (other CPU ≤ ${PLAN.disturbedOtherCpu} core; "runs" = those / all); answers (warm-up included) and lost: all runs`,
  );
  log(table(postRows));

  const dataRows: string[][] = [['store', 'comments', 'build s', 'on disk MB', 'redis used_memory MB', 'redis RSS MB']];
  for (const d of datasets) {
    dataRows.push([
      d.store,
      fmtInt(d.build.comments),
      (d.build.ms / 1000).toFixed(1),
      mb(d.diskBytes / 1024),
      d.redisUsedMemory === null ? '—' : mb(d.redisUsedMemory / 1024),
      d.redisRssKb === null ? '—' : mb(d.redisRssKb),
    ]);
  }
  log('\nStored data set (embedded: DATA_DIR files, checkpointed; Redis: its AOF folder)');
  log(table(dataRows));

  const { startMs, rssMb } = PLAN.targets;
  const startRows: string[][] = [
    [
      'server on',
      'start ms, median (min–max)',
      `≤ ${startMs / 1000} s`,
      'first page ms',
      'again ms',
      'RSS MB',
      `≤ ${rssMb} MB`,
      'RSS after GC',
      'heap MB',
    ],
  ];
  for (const s of starts) {
    const judged = s.comments > 0;
    startRows.push([
      s.title,
      `${fmtInt(s.startMs)} (${fmtInt(s.startMinMs)}–${fmtInt(s.startMaxMs)})`,
      judged ? (s.startMet ? 'met' : 'NOT MET') : '',
      `${fmt(s.firstPageMs)} (${s.firstPageComments}/${fmtInt(s.threadCount)})`,
      fmt(s.secondPageMs),
      mb(s.rssKb),
      judged ? (s.rssMet ? 'met' : 'NOT MET') : '',
      mb(s.rssAfterGcKb),
      mb(s.heapUsedKb),
    ]);
  }
  log(
    `\nServer start (node --import tsx server/main.ts, spawn → 'listening' log line; ${PLAN.startRuns} starts per row, medians), ` +
      `then GET of the biggest thread's first page; VmRSS after that page (the Redis rows exclude redis-server's own memory, above)`,
  );
  log(table(startRows));
  log(
    `\nload average (1/5/15 min): before ${loads[0]?.join(' ')}, after posting ${loads[1]?.join(' ')}, at the end ${loads[2]?.join(' ')}; ${elapsedS.toFixed(0)} s`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:store failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  killEverything();
  process.exit(1);
});
