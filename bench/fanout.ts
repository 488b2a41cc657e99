/**
 * `npm run bench:fanout` — live fan-out of one thread, Rembuk against a bare Socket.IO server.
 *
 * Each server (Rembuk on the embedded store, Rembuk on Redis with the Redis adapter, and
 * bench/fanout-bare-server.ts) runs in its own process pinned to core 0; this process (pinned
 * to core 1) connects readers to one thread per server and posts through `comment:create`:
 *   1. per server, one after another: p50/p99 post→receive latency at N = 100 and N = 1,000
 *      readers, 20 posts/s; server RSS and V8 heap per 1,000 idle readers (after a forced GC).
 *      The server then stays up with its 1,000 readers joined.
 *   2. idle CPU of every server with its 1,000 readers (one shared window).
 *   3. the highest sustained deliveries/s at N = 1,000, ramped on all servers interleaved:
 *      each round runs one step per server, order rotated, so every server sees the same
 *      machine state; a failed step is retried once; bisection near the ceiling (sustained:
 *      ≥ 99% of deliveries within the step plus a short drain, p99 ≤ 1 s, no failed posts).
 * It prints tables and the ratios against bare for the issue's targets, and writes everything
 * to bench/results/fanout-<time>.json. A benchmark, not a test: it judges nothing by exit code.
 *
 * Flags: --only=bare,embedded,redis   --quick (shorter steps, coarser ramp)   --cpu-prof
 * (profiles the servers into bench/results/profiles/)   --no-pin (no taskset).
 *
 * `--servers 2` (or more): scaling out instead. Two groups of N processes on one Redis each —
 * bare Socket.IO with the Redis adapter, and Rembuk on the Redis store and adapter — with
 * 2,500 readers per process spread over them and one poster per process (posts in turn), so
 * most deliveries cross between processes through Redis. Latency at 20 posts/s, then the
 * interleaved ramp with its rates scaled to the readers (the same deliveries per step as the
 * 1,000-reader ramp); no memory phase. Every process of both groups is pinned to core 0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fmt, fmtInt, log, mb, pct, table } from './bench-format.ts';
import { FanoutLoad, sleep, type StepResult } from './fanout-load.ts';
import {
  LOAD_CPU,
  ROOT,
  createQuietWaiter,
  disablePinning,
  installCleanupHooks,
  isPinning,
  machineBusySeconds,
  readCpuSeconds,
  killEverything,
  makeTempDir,
  pin,
  removeTempDir,
  startBenchRedis,
  startServer,
  tail,
  type BenchRedis,
  type ServerProcess,
} from './fanout-procs.ts';

type ServerName = 'bare' | 'embedded' | 'redis';

interface ServerSpec {
  name: ServerName;
  title: string;
  script: string;
}

const args = new Set(process.argv.slice(2));
/** `--servers 2` or `--servers=2`: processes per server kind, on one Redis (1: the single-server benchmark). */
function serverCountArg(argv: readonly string[]): number {
  const at = argv.indexOf('--servers');
  const raw = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--servers='))?.slice('--servers='.length);
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 4) throw new Error(`--servers must be 1 to 4, not ${raw}`);
  return n;
}
const serverCount = serverCountArg(process.argv.slice(2));
const scaledOut = serverCount > 1;

const SPECS: ServerSpec[] = scaledOut
  ? [
      { name: 'bare', title: `bare Socket.IO + Redis adapter, ${serverCount} processes on one Redis`, script: 'bench/fanout-bare-server.ts' },
      { name: 'redis', title: `Rembuk, Redis store + adapter, ${serverCount} servers on one Redis`, script: 'server/main.ts' },
    ]
  : [
      { name: 'bare', title: 'bare Socket.IO', script: 'bench/fanout-bare-server.ts' },
      { name: 'embedded', title: 'Rembuk, embedded store', script: 'server/main.ts' },
      { name: 'redis', title: 'Rembuk, Redis store + adapter', script: 'server/main.ts' },
    ];

const quick = args.has('--quick');
const cpuProf = args.has('--cpu-prof');
if (args.has('--no-pin')) disablePinning();
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;

/** Readers at the headline step: 1,000 on one server; 2,500 per process when scaled out. */
const BIG_N = scaledOut ? 2_500 * serverCount : 1_000;
/** Ramp rates are set for 1,000 readers; with more, each step asks for the same deliveries/s. */
const rampScale = 1_000 / BIG_N;

const PLAN = {
  latencyRate: 20,
  latencyMs: quick ? 3_000 : 5_000,
  smallN: 100,
  bigN: BIG_N,
  /** Idle readers for the memory figure (reported per 1,000). */
  memoryN: 2_000,
  /** Interleaved ramp: first rate, coarse increment until a confirmed failure, then bisection down to the resolution. */
  rampFirst: Math.round(100 * rampScale),
  rampCoarse: Math.max(1, Math.round(50 * rampScale)),
  rampResolution: Math.max(1, Math.round((quick ? 25 : 13) * rampScale)),
  rampMaxRate: Math.round(800 * rampScale),
  rampMaxRounds: 16,
  /** No new ramp round starts after this much ramp time. */
  rampBudgetMs: quick ? 90_000 : 200_000,
  rampStepMs: quick ? 2_500 : 4_000,
  idleCpuMs: 3_000,
  drainMs: 1_000,
  settleMs: 2_500,
  /** Longest wait for a quiet machine before one step, and in all. */
  quietWaitMs: 15_000,
  quietBudgetMs: 60_000,
  /** The whole run is abandoned (and cleaned up) after this (connecting 10,000 readers takes a while). */
  watchdogMs: (scaledOut ? 12 : 7) * 60_000,
};

interface ServerReport {
  name: ServerName;
  title: string;
  rssKb: { base: number; readers1000: number; readersMemoryN: number };
  heapUsedKb: { base: number; readers1000: number; readersMemoryN: number };
  rssPer1000IdleMbFirst1000: number;
  /** Deliveries/s per core of server CPU, from the busiest sustained step not yet CPU-bound. */
  cpuImpliedCapacity: number | null;
  rssPer1000IdleMb: number;
  heapPer1000IdleMb: number;
  /** Server CPU ÷ wall time with 1,000 joined readers and no posts (all servers idle together). */
  idleCpu1000: number;
  latency100: StepResult;
  latency1000: StepResult;
  /** Scaled out: latency at the single server's headline deliveries/s (1,000 readers × 20 posts/s), fewer posts to more readers. */
  latencyLight?: StepResult;
  /** Every ramp step this server ran, in order (retries included). */
  ramp: StepResult[];
  /** Highest rate judged sustained, lowest judged not (failed twice); null if none. */
  rampSustainedRate: number | null;
  rampFailedRate: number | null;
  maxSustained: StepResult | null;
}

/** A server kept running from its latency/memory phase through the interleaved ramp. */
interface Running {
  spec: ServerSpec;
  /** One process, or `serverCount` on one Redis. */
  servers: ServerProcess[];
  redis: BenchRedis | null;
  load: FanoutLoad;
  dataDir: string;
}

type Phase1 = Omit<ServerReport, 'idleCpu1000' | 'ramp' | 'rampSustainedRate' | 'rampFailedRate' | 'maxSustained' | 'cpuImpliedCapacity'>;

async function main(): Promise<void> {
  installCleanupHooks();
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench:fanout: gave up after ${PLAN.watchdogMs / 1000} s\n`);
    killEverything();
    process.exit(1);
  }, PLAN.watchdogMs);
  pin(process.pid, LOAD_CPU);
  const started = Date.now();
  const workDir = makeTempDir('rembuk-fanout-');
  const profileDir = join(ROOT, 'bench/results/profiles');
  if (cpuProf) mkdirSync(profileDir, { recursive: true });
  log(
    `bench:fanout — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      (isPinning() ? 'servers pinned to core 0, readers + posters to core 1' : 'not pinned (taskset or a second core missing)'),
  );

  const running: Running[] = [];
  const reports: ServerReport[] = [];
  try {
    // 1. Per server, one after another: latency and memory. Each server then stays up with
    //    its 1,000 readers joined (idle readers cost the servers ~0 CPU, measured below).
    const phase1: Phase1[] = [];
    for (const spec of SPECS) {
      if (only && !only.has(spec.name)) continue;
      const run = await startRunning(spec, workDir, cpuProf ? profileDir : null);
      running.push(run);
      phase1.push(await latencyAndMemory(run));
    }
    const idle = await idleCpu(running);
    // 2. Throughput: all servers ramped together, one step each per round (order rotated).
    const ramps = await interleavedRamp(running);
    running.forEach((_run, i) => {
      const p = phase1[i] as Phase1;
      const r = ramps[i] as RampState;
      const maxSustained = r.steps.filter((s) => s.sustained).sort((a, b) => b.deliveriesPerSecond - a.deliveriesPerSecond)[0] ?? null;
      reports.push({
        ...p,
        idleCpu1000: idle[i] ?? Number.NaN,
        ramp: r.steps,
        rampSustainedRate: r.lo > 0 ? r.lo : null,
        rampFailedRate: r.hi,
        maxSustained,
        cpuImpliedCapacity: cpuImpliedCapacity(r.steps),
      });
    });
  } catch (err) {
    for (const run of running) {
      for (const srv of run.servers) process.stderr.write(`last lines of the ${srv.name} server log:\n${tail(srv.logFile)}\n`);
    }
    throw err;
  } finally {
    for (const run of running) await stopRunning(run);
  }
  removeTempDir(workDir);

  const elapsedS = (Date.now() - started) / 1000;
  const output = printReport(reports, elapsedS);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(ROOT, `bench/results/fanout-${scaledOut ? `${serverCount}servers-` : ''}${stamp}.json`);
  const json = JSON.stringify(
    {
      startedAt: new Date(started).toISOString(),
      elapsedS,
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, pinned: isPinning() },
      serversPerKind: serverCount,
      plan: PLAN,
      servers: reports,
      summary: output,
    },
    null,
    2,
  );
  writeFileSync(file, json);
  writeFileSync(join(ROOT, 'bench/results/fanout-latest.json'), json);
  log(`\nfigures written to ${file.slice(ROOT.length + 1)} (and fanout-latest.json); ${elapsedS.toFixed(0)} s in all`);
  clearTimeout(watchdog);
}

async function startRunning(spec: ServerSpec, workDir: string, profileDir: string | null): Promise<Running> {
  log(`\n== ${spec.title}`);
  const dataDir = join(workDir, `data-${spec.name}`);
  // The per-address post limit would refuse one poster at hundreds of posts per second;
  // 0 switches it off (server/comments/post-rate-limit.ts), as it documents for benchmarks.
  // One benchmark poster is one author posting hundreds of times a second, which the
  // moderation policy's per-author velocity and duplicate rules rightly refuse or hold. The
  // demo site's policy here switches those two off; every other rule still runs, and the
  // author's history is still read for every post.
  const sitesFile = join(workDir, 'sites.json');
  writeFileSync(
    sitesFile,
    JSON.stringify({
      sites: [{ id: 'demo', name: 'Fan-out benchmark', origins: [], moderation: { velocity: { enabled: false }, duplicate: { enabled: false } } }],
    }),
  );
  // Every simulated reader connects from 127.0.0.1: lift the per-address socket cap.
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    RATE_LIMIT_POSTS_PER_MINUTE: '0',
    MAX_SOCKETS_PER_ADDRESS: '100000',
    SITES_FILE: sitesFile,
  };
  let redis: BenchRedis | null = null;
  const servers: ServerProcess[] = [];
  try {
    if (spec.name === 'redis' || scaledOut) {
      redis = await startBenchRedis();
      env['REDIS_URL'] = redis.url;
      env['REDIS_PREFIX'] = 'fanout';
      // Servers on one Redis share one secret (README, Production).
      env['SECRET'] = 'fanout-benchmark-secret-shared-by-all-servers';
    }
    for (let i = 0; i < serverCount; i++) {
      const name = serverCount > 1 ? `${spec.name}-${i + 1}` : spec.name;
      const server = await startServer({
        name,
        script: spec.script,
        env: { ...env, DATA_DIR: serverCount > 1 ? `${dataDir}-${i + 1}` : dataDir },
        workDir,
        // One file per thread (tsx's loader runs on its own); the largest is the main thread.
        ...(profileDir ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, `${name}-${Date.now()}`)}`] } : {}),
      });
      servers.push(server);
      log(`   listening at ${server.url} (pid ${server.pid})`);
    }
    const redisPid = redis?.pid ?? null;
    const load = new FanoutLoad({
      urls: servers.map((srv) => srv.url),
      serverCpuSeconds: () => serversCpuSeconds(servers, redisPid),
      ...(redisPid === null ? {} : { redisCpuSeconds: () => readCpuSeconds(redisPid) }),
      machineBusySeconds,
      serverWrites: () => servers.reduce((sum, srv) => sum + srv.writeSyscalls(), 0),
    });
    await load.connectPoster();
    return { spec, servers, redis, load, dataDir };
  } catch (err) {
    for (const srv of servers) process.stderr.write(`last lines of the ${srv.name} server log:\n${tail(srv.logFile)}\n`);
    for (const srv of servers) await srv.stop();
    await redis?.stop();
    removeTempDir(dataDir);
    throw err;
  }
}

/** CPU seconds of a kind's processes and its redis-server, together. */
function serversCpuSeconds(servers: readonly ServerProcess[], redisPid: number | null): number {
  return servers.reduce((sum, srv) => sum + srv.cpuSeconds(), 0) + (redisPid === null ? 0 : readCpuSeconds(redisPid));
}

async function stopRunning(run: Running): Promise<void> {
  run.load.close();
  for (const srv of run.servers) await srv.stop();
  await run.redis?.stop();
  removeTempDir(run.dataDir);
}

/** Warm-up, latency at N = 100 and 1,000, memory of idle readers. Leaves 1,000 readers joined. */
async function latencyAndMemory(run: Running): Promise<Phase1> {
  const { spec, load } = run;
  const srv = run.servers[0] as ServerProcess;
  const heaps: number[] = [];
  // Warm up: JIT and lazy modules, then GC so the baseline holds no start-up garbage.
  await load.growReaders(20);
  await load.runStep('warm-up', 50, 2_000, PLAN.drainMs);
  load.shrinkReaders(0);
  await sleep(PLAN.settleMs);
  const base = await settledRss(srv, heaps);

  await load.growReaders(PLAN.smallN);
  const latency100 = await measuredStep(load, `N=${PLAN.smallN}`, PLAN.latencyRate, PLAN.latencyMs);
  if (scaledOut) return latencyScaledOut(run, latency100);

  await load.growReaders(PLAN.bigN);
  await sleep(PLAN.settleMs);
  const rss1000 = await settledRss(srv, heaps);
  // RSS moves by several MB on its own (allocator and V8 page release), so the per-1,000 figure
  // comes from twice the crowd: the readers' memory is then twice the size of the noise.
  await load.growReaders(PLAN.memoryN);
  await sleep(PLAN.settleMs);
  const rssMemoryN = await settledRss(srv, heaps);
  load.shrinkReaders(PLAN.bigN);
  log(
    `   after GC: RSS ${mb(base)} → ${mb(rss1000)} → ${mb(rssMemoryN)} MB, heap used ${heaps.map(mb).join(' → ')} MB with 0 → ${PLAN.bigN} → ${PLAN.memoryN} idle readers`,
  );
  await sleep(PLAN.settleMs);
  const latency1000 = await measuredStep(load, `N=${PLAN.bigN}`, PLAN.latencyRate, PLAN.latencyMs);
  return {
    name: spec.name,
    title: spec.title,
    rssKb: { base, readers1000: rss1000, readersMemoryN: rssMemoryN },
    heapUsedKb: { base: heaps[0] ?? 0, readers1000: heaps[1] ?? 0, readersMemoryN: heaps[2] ?? 0 },
    rssPer1000IdleMb: ((rssMemoryN - base) / 1024) * (1_000 / PLAN.memoryN),
    heapPer1000IdleMb: (((heaps[2] ?? 0) - (heaps[0] ?? 0)) / 1024) * (1_000 / PLAN.memoryN),
    rssPer1000IdleMbFirst1000: ((rss1000 - base) / 1024) * (1_000 / PLAN.bigN),
    latency100,
    latency1000,
  };
}

/**
 * Scaled out: no memory phase (per process it is the single server's; the issue asks latency
 * and throughput of the group). The readers join, spread over the processes, then latency.
 */
async function latencyScaledOut(run: Running, latency100: StepResult): Promise<Phase1> {
  const connectStarted = Date.now();
  await run.load.growReaders(PLAN.bigN);
  log(`   ${PLAN.bigN} readers joined over ${run.servers.length} processes in ${((Date.now() - connectStarted) / 1000).toFixed(1)} s`);
  await sleep(PLAN.settleMs);
  const lightRate = Math.max(1, Math.round(PLAN.latencyRate * rampScale));
  const latencyLight = await measuredStep(run.load, `N=${PLAN.bigN} ${lightRate}/s`, lightRate, PLAN.latencyMs);
  const latency1000 = await measuredStep(run.load, `N=${PLAN.bigN}`, PLAN.latencyRate, PLAN.latencyMs);
  const none = { base: Number.NaN, readers1000: Number.NaN, readersMemoryN: Number.NaN };
  return {
    name: run.spec.name,
    title: run.spec.title,
    rssKb: none,
    heapUsedKb: none,
    rssPer1000IdleMb: Number.NaN,
    heapPer1000IdleMb: Number.NaN,
    rssPer1000IdleMbFirst1000: Number.NaN,
    latency100,
    latency1000,
    latencyLight,
  };
}

/** Each server's CPU share over one window in which all of them sit idle with 1,000 joined readers. */
async function idleCpu(running: Running[]): Promise<number[]> {
  await sleep(1_000);
  const t0 = performance.now();
  const before = running.map((r) => serversCpuSeconds(r.servers, r.redis?.pid ?? null));
  await sleep(PLAN.idleCpuMs);
  const wall = (performance.now() - t0) / 1000;
  const shares = running.map((r, i) => (serversCpuSeconds(r.servers, r.redis?.pid ?? null) - (before[i] ?? 0)) / wall);
  log(`\nidle, ${PLAN.bigN} joined readers each: server CPU ${running.map((r, i) => `${r.spec.name} ${pct(shares[i] ?? 0)}`).join(', ')}`);
  return shares;
}

interface RampState {
  run: Running;
  steps: StepResult[];
  /** Highest rate judged sustained so far (0: none yet). */
  lo: number;
  /** Lowest rate judged not sustained: failed on its first try and again on its retry. */
  hi: number | null;
  /** A rate that failed once and is tried again in the next round. */
  retry: number | null;
  /** Compact history for the log: "100✓ 150✓ 200✗ 200✓ 250✗ 250✗ 225✓ …". */
  trace: string[];
}

function nextRate(st: RampState): number | null {
  if (st.retry !== null) return st.retry;
  if (st.hi === null) {
    const rate = st.lo === 0 ? PLAN.rampFirst : st.lo + PLAN.rampCoarse;
    return rate > PLAN.rampMaxRate ? null : rate;
  }
  if (st.hi - st.lo <= PLAN.rampResolution) return null;
  return Math.round((st.lo + st.hi) / 2);
}

/**
 * The throughput ramp, interleaved: every server is up with its own 1,000 readers, and each
 * round runs one step on each server that is not finished, in an order rotated per round, so
 * all servers see the same machine state (other users' work, thermal state, the load process's
 * heap) within seconds of each other. Per server: 100, 150, 200, … posts/s until a step fails;
 * a failed step is repeated once in the next round, and the rate counts as not sustained only
 * if the repeat fails too; then bisection between the highest sustained and the lowest failed
 * rate down to PLAN.rampResolution posts/s. Bounded by rampMaxRounds and rampBudgetMs.
 */
async function interleavedRamp(running: Running[]): Promise<RampState[]> {
  const states: RampState[] = running.map((run) => ({ run, steps: [], lo: 0, hi: null, retry: null, trace: [] }));
  log(
    `\ninterleaved ramp at N=${PLAN.bigN}: ${PLAN.rampFirst}, +${PLAN.rampCoarse} posts/s until a step fails twice, then bisection to ${PLAN.rampResolution} posts/s;` +
      ` ${PLAN.rampStepMs / 1000} s steps + ≤ ${PLAN.drainMs / 1000} s drain; server order rotated per round`,
  );
  const rampStarted = Date.now();
  for (let round = 0; round < PLAN.rampMaxRounds; round++) {
    const due = states.map((st) => ({ st, rate: nextRate(st) })).filter((d): d is { st: RampState; rate: number } => d.rate !== null);
    if (due.length === 0) break;
    if (Date.now() - rampStarted > PLAN.rampBudgetMs) {
      log(`   ramp time budget (${PLAN.rampBudgetMs / 1000} s) spent; ${due.map((d) => d.st.run.spec.name).join(', ')} not narrowed further`);
      break;
    }
    const shift = round % due.length;
    const order = [...due.slice(shift), ...due.slice(0, shift)];
    for (const { st, rate } of order) {
      const isRetry = st.retry === rate;
      const step = await measuredStep(st.run.load, `${st.run.spec.name.padEnd(8)} ${rate}/s${isRetry ? ' #2' : ''}`, rate, PLAN.rampStepMs);
      st.steps.push(step);
      st.trace.push(`${rate}${step.sustained ? '✓' : '✗'}`);
      if (step.sustained) {
        st.lo = Math.max(st.lo, rate);
        st.retry = null;
      } else if (isRetry) {
        st.hi = st.hi === null ? rate : Math.min(st.hi, rate);
        st.retry = null;
      } else {
        st.retry = rate;
      }
    }
  }
  for (const st of states) log(`   ${st.run.spec.name.padEnd(8)} ${st.trace.join(' ')}`);
  return states;
}

/**
 * The server's own ceiling, independent of whether the readers' process kept up: deliveries
 * per second divided by the server's CPU share, at the busiest sustained step where the server
 * was not yet saturated (CPU < 95%), so the figure is throughput per core.
 */
function cpuImpliedCapacity(ramp: StepResult[]): number | null {
  const usable = ramp.filter((s) => s.sustained && s.serverCpu > 0.3 && s.serverCpu < 0.95);
  const best = usable.sort((a, b) => b.deliveriesPerSecond - a.deliveriesPerSecond)[0];
  return best ? best.deliveriesPerSecond / best.serverCpu : null;
}

// Other sessions share this machine: each measured step first waits (bounded) for it to calm down.
const waitForQuiet = createQuietWaiter({ perCallMs: PLAN.quietWaitMs, totalMs: PLAN.quietBudgetMs });

async function measuredStep(load: FanoutLoad, label: string, rate: number, durationMs: number): Promise<StepResult> {
  await waitForQuiet();
  const step = await load.runStep(label, rate, durationMs, PLAN.drainMs);
  logStep(step);
  return step;
}

/** VmRSS after a forced full GC in the server, so garbage does not count as readers' memory. */
async function settledRss(server: ServerProcess, heaps: number[]): Promise<number> {
  const { rssKb, heapUsedKb } = await server.collectAndMeasure();
  heaps.push(heapUsedKb);
  return rssKb;
}

function printReport(reports: ServerReport[], elapsedS: number): Record<string, unknown> {
  const rows: string[][] = [
    ['server', 'readers', 'posts/s', 'p50 ms', 'p99 ms', 'deliveries/s', 'delivered', 'srv CPU', 'other CPU', 'RSS/1k idle MB', 'heap/1k idle MB'],
  ];
  for (const r of reports) {
    for (const s of [r.latency100, ...(r.latencyLight ? [r.latencyLight] : []), r.latency1000]) {
      const big = s === r.latency1000;
      rows.push([
        r.name,
        String(s.readers),
        String(s.rate),
        fmt(s.latencyMs.p50),
        fmt(s.latencyMs.p99),
        fmtInt(s.deliveriesPerSecond),
        pct(s.deliveredRatio),
        pct(s.serverCpu),
        pct(s.otherCpu),
        big ? orDash(r.rssPer1000IdleMb) : '',
        big ? orDash(r.heapPer1000IdleMb) : '',
      ]);
    }
  }
  log(
    `\nLatency (post → every reader) at ${PLAN.latencyRate} posts/s; memory of ${PLAN.bigN} idle joined readers (server VmRSS and V8 heap after a forced GC, minus the same with none)`,
  );
  log(table(rows));

  const rampRows: string[][] = [
    [
      'server',
      'max sustained deliveries/s',
      'at posts/s',
      'p99 ms there',
      'srv CPU there',
      'CPU-implied /s per core',
      'idle CPU',
      'not sustained (failed twice)',
    ],
  ];
  for (const r of reports) {
    const failed = r.rampFailedRate === null ? undefined : r.ramp.filter((s) => s.rate === r.rampFailedRate && !s.sustained).at(-1);
    rampRows.push([
      r.name,
      r.maxSustained ? fmtInt(r.maxSustained.deliveriesPerSecond) : '—',
      r.maxSustained ? String(r.maxSustained.rate) : '—',
      r.maxSustained ? fmt(r.maxSustained.latencyMs.p99) : '—',
      r.maxSustained ? pct(r.maxSustained.serverCpu) : '—',
      r.cpuImpliedCapacity === null ? '—' : fmtInt(r.cpuImpliedCapacity),
      pct(r.idleCpu1000),
      failed
        ? `${failed.rate}/s: ${pct(failed.deliveredRatio)} delivered, p99 ${fmt(failed.latencyMs.p99)} ms, srv CPU ${pct(failed.serverCpu)}, load CPU ${pct(failed.loadCpu)}, other ${pct(failed.otherCpu)}`
        : `none up to ${r.ramp.at(-1)?.rate ?? '—'}/s`,
    ]);
  }
  log(
    `\nHighest sustained fan-out at N=${PLAN.bigN} (interleaved ramp: ${PLAN.rampFirst} +${PLAN.rampCoarse} posts/s, each failure retried once, bisection to ${PLAN.rampResolution} posts/s; ${PLAN.rampStepMs / 1000} s steps + ${PLAN.drainMs / 1000} s drain)`,
  );
  log(table(rampRows));

  // The same rate on every server within one round (first tries of the shared coarse rates):
  // where all servers stay within their core, CPU per post is the server-side cost.
  const shared = [...new Set(reports.flatMap((r) => r.ramp.map((s) => s.rate)))]
    .filter((rate) => reports.every((r) => r.ramp.some((s) => s.rate === rate)))
    .sort((x, y) => x - y);
  if (reports.length > 1 && shared.length > 0) {
    const eqRows: string[][] = [['posts/s', ...reports.map((r) => `${r.name}: delivered / srv CPU / CPU ms per post`)]];
    for (const rate of shared) {
      eqRows.push([
        String(rate),
        ...reports.map((r) => {
          const s = r.ramp.find((x) => x.rate === rate) as StepResult;
          return `${pct(s.deliveredRatio)} / ${pct(s.serverCpu)} / ${((s.serverCpu * 1000) / rate).toFixed(2)}`;
        }),
      ]);
    }
    log(`\nSame rate, same round (first try at each rate every server ran; N=${PLAN.bigN})`);
    log(table(eqRows));
  }

  const bare = reports.find((r) => r.name === 'bare');
  const targets: Record<string, unknown>[] = [];
  if (bare) {
    const targetRows: string[][] = [
      [
        'server',
        `p99 @N=${PLAN.bigN},${PLAN.latencyRate}/s vs bare (≤1.5×)`,
        'max deliveries/s vs bare (≥0.8×)',
        'CPU-implied capacity vs bare',
        'RSS/1k idle vs bare (≤1.3×)',
      ],
    ];
    for (const r of reports.filter((x) => x.name !== 'bare')) {
      const p99 = r.latency1000.latencyMs.p99 / bare.latency1000.latencyMs.p99;
      const thr = (r.maxSustained?.deliveriesPerSecond ?? 0) / (bare.maxSustained?.deliveriesPerSecond ?? Number.NaN);
      const rss = r.rssPer1000IdleMb / bare.rssPer1000IdleMb;
      const cap = (r.cpuImpliedCapacity ?? Number.NaN) / (bare.cpuImpliedCapacity ?? Number.NaN);
      const light = r.latencyLight && bare.latencyLight ? r.latencyLight.latencyMs.p99 / bare.latencyLight.latencyMs.p99 : null;
      targets.push({
        server: r.name,
        p99Ratio: p99,
        p99Met: p99 <= 1.5,
        ...(light === null ? {} : { p99LightRatio: light, p99LightMet: light <= 1.5, lightRate: r.latencyLight?.rate }),
        throughputRatio: thr,
        throughputMet: thr >= 0.8,
        cpuImpliedCapacityRatio: cap,
        rssRatio: Number.isNaN(rss) ? null : rss,
        rssMet: Number.isNaN(rss) ? null : rss <= 1.3,
      });
      targetRows.push([
        r.name,
        verdict(p99, p99 <= 1.5) + (light === null ? '' : ` (at ${r.latencyLight?.rate}/s: ${verdict(light, light <= 1.5)})`),
        verdict(thr, thr >= 0.8),
        Number.isNaN(cap) ? '—' : `${cap.toFixed(2)}×`,
        Number.isNaN(rss) ? '—' : verdict(rss, rss <= 1.3),
      ]);
    }
    log('\nTargets (ratio against bare in this run)');
    log(table(targetRows));
    const clientBound = reports.filter((r) => r.ramp.some((st) => st.rate === r.rampFailedRate && !st.sustained && st.loadCpu >= 0.85));
    if (clientBound.length > 0) {
      log(
        `note: the readers' process was at ≥ 85% of its core when ${clientBound.map((r) => r.name).join(', ')} fell behind, so those ceilings are partly the load generator's;` +
          ' the CPU-implied capacity (deliveries/s ÷ server CPU share) is the server-side comparison.',
      );
    }
  }
  log(
    `\n${elapsedS.toFixed(0)} s; deliveries/s = deliveries received ÷ step time; srv CPU = server process (+ its redis-server) CPU ÷ wall time (100% = one core); other CPU = the rest of the machine's work meanwhile (not this benchmark)`,
  );
  return { targets };
}

function orDash(value: number): string {
  return Number.isNaN(value) ? '—' : value.toFixed(1);
}

function verdict(ratio: number, met: boolean): string {
  return `${ratio.toFixed(2)}× ${met ? 'met' : 'MISSED'}`;
}

function logStep(s: StepResult): void {
  const errors = Object.entries(s.errors)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  log(
    `   ${s.label.padEnd(12)} ${String(s.posts).padStart(5)} posts → ${pct(s.deliveredRatio).padStart(7)} of ${fmtInt(s.expected)} delivered` +
      ` | p50 ${fmt(s.latencyMs.p50)} p99 ${fmt(s.latencyMs.p99)} max ${fmt(s.latencyMs.max)} ms | ack p50 ${fmt(s.ackMs.p50)} ms` +
      ` | ${fmtInt(s.deliveriesPerSecond)}/s | ${s.writesPerDelivery.toFixed(2)} writes/delivery | srv CPU ${pct(s.serverCpu)}${s.redisCpu > 0 ? ` (redis ${pct(s.redisCpu)})` : ''} load CPU ${pct(s.loadCpu)} other ${pct(s.otherCpu)}` +
      `${s.late ? ` | ${s.late} late` : ''}${errors ? ` | errors ${errors}` : ''} ${s.sustained ? '' : '✗'}`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:fanout failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  killEverything();
  process.exit(1);
});
