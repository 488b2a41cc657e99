/**
 * The post-pipeline half of `npm run bench:store`: N posters call `createComment` (parse →
 * history and idempotency reads → moderation → one store write) in this process, each its own
 * author with its own texts, each awaiting its post before sending the next. Throughput and
 * latency are read over a fixed window after a warm-up; afterwards every acknowledged post is
 * looked up again, so a lost write shows up as a figure, not as a silently better throughput.
 */
import { createComment, type CreateCommentDeps } from '../server/comments/create-comment.ts';
import { percentiles, sleep } from './fanout-load.ts';
import { machineBusySeconds, readCpuSeconds } from './fanout-procs.ts';
import { authorName, commentLength, commentText, createRandom, randomToken } from './store-corpus.ts';

export interface PostersOptions {
  deps: CreateCommentDeps;
  site: string;
  posters: number;
  warmupMs: number;
  windowMs: number;
  /** Makes this run's authors, pages and texts its own (no two runs share a thread). */
  runId: string;
  seed: number;
  /** The posters spread over this many threads (poster i posts to thread i mod pages). */
  pages: number;
  /** The redis-server's pid, so its CPU is counted beside ours; null for the embedded store. */
  redisPid: number | null;
}

export interface PostersResult {
  posters: number;
  windowMs: number;
  /** Posts acknowledged (stored, whatever their status) within the window. */
  posts: number;
  postsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Every answer during warm-up and window: comment status, or error code (or `threw`). */
  outcomes: Record<string, number>;
  /** CPU ÷ wall time over the window (1 = one core): this process (with its threads), redis-server, the rest. */
  cpu: { bench: number; redis: number; other: number };
  /** Acknowledged posts looked up afterwards that the store no longer had (must be 0). */
  lost: number;
  /** Threads whose count or seq disagreed with the published posts they were acknowledged for (must be 0). */
  badThreads: number;
  checked: number;
}

interface Acked {
  page: string;
  authorId: string;
  key: string;
  id: string;
}

export async function runPosters(options: PostersOptions): Promise<PostersResult> {
  const { deps, site } = options;
  const outcomes: Record<string, number> = {};
  const acked: Acked[] = [];
  const publishedPerPage = new Map<string, number>();
  const latencies = new Float32Array(2_000_000);
  let measured = 0;
  let stop = false;
  const started = performance.now();
  const windowStart = started + options.warmupMs;
  const windowEnd = windowStart + options.windowMs;
  let cpuAtStart: { bench: number; redis: number; machine: number } | null = null;
  const cpuNow = () => ({
    bench: (() => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    })(),
    redis: options.redisPid === null ? 0 : readCpuSeconds(options.redisPid),
    machine: machineBusySeconds(),
  });

  const poster = async (index: number) => {
    const rng = createRandom(options.seed * 1_000 + index);
    const authorId = `p-${options.runId}-${index}-${randomToken(rng, 8)}`;
    const name = authorName(index);
    const lang = index % 2 === 0 ? 'id' : 'en';
    const page = `/bench/${options.runId}/thread-${index % options.pages}/`;
    // Each poster its own address, as separate readers would be (the limit is off anyway).
    const who = {
      site,
      authorId,
      kind: 'anonymous' as const,
      name: null,
      avatarUrl: null,
      address: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    };
    while (!stop) {
      const key = randomToken(rng, 21);
      const payload = { page, text: commentText(rng, lang, commentLength(rng)), authorName: name, key };
      const t0 = performance.now();
      let outcome: string;
      let stored = false;
      try {
        const result = await createComment(deps, who, payload);
        if (result.ok) {
          stored = true;
          outcome = result.data.comment.status;
          acked.push({ page, authorId, key, id: result.data.comment.id });
          if (outcome === 'published') publishedPerPage.set(page, (publishedPerPage.get(page) ?? 0) + 1);
        } else {
          outcome = result.error.code;
        }
      } catch (err) {
        outcome = `threw: ${err instanceof Error ? err.message : String(err)}`;
        // A failing store answers at once; do not spin on it.
        await sleep(10);
      }
      const t1 = performance.now();
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (t1 >= windowStart && t1 <= windowEnd && stored && measured < latencies.length) {
        latencies[measured++] = t1 - t0;
      }
      if (t1 > windowEnd) stop = true;
    }
  };

  // The CPU counters are read at the window's edges by timers, beside the posters.
  const edges = (async () => {
    await sleep(Math.max(0, windowStart - performance.now()));
    cpuAtStart = cpuNow();
    await sleep(Math.max(0, windowEnd - performance.now()));
    return cpuNow();
  })();
  await Promise.all(Array.from({ length: options.posters }, (_, i) => poster(i)));
  const cpuAtEnd = await edges;
  const wall = options.windowMs / 1000;
  const c0 = cpuAtStart ?? cpuAtEnd;
  const bench = (cpuAtEnd.bench - c0.bench) / wall;
  const redis = (cpuAtEnd.redis - c0.redis) / wall;
  const other = Math.max(0, (cpuAtEnd.machine - c0.machine) / wall - bench - redis);

  // Everything acknowledged must still be there, once, and each thread's count and seq must
  // equal the published posts it acknowledged (gap-free seqs from an empty thread).
  let lost = 0;
  for (const a of acked) {
    const found = await deps.store.findByIdempotencyKey(site, a.page, a.authorId, a.key);
    if (found?.id !== a.id) lost++;
  }
  let badThreads = 0;
  for (const [page, published] of publishedPerPage) {
    const top = await deps.store.getThreadPage(site, page, { sort: 'newest', cursor: null, limit: 1, repliesPerRoot: 0, viewerId: null });
    if (top.count !== published || top.seq !== published) badThreads++;
  }

  const lat = percentiles(latencies.subarray(0, measured));
  return {
    posters: options.posters,
    windowMs: options.windowMs,
    posts: measured,
    postsPerSecond: measured / wall,
    latencyMs: lat,
    outcomes,
    cpu: { bench, redis, other },
    lost,
    badThreads,
    checked: acked.length,
  };
}
