/**
 * Child processes for the fan-out benchmark: servers (ours on either store, or the bare one)
 * and a throwaway redis-server, each pinned to a core where the machine allows it, measured
 * through /proc, and killed with their temp folders on every exit path — including a crash or
 * Ctrl-C of the benchmark itself.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRedisServer } from '../test/support/redis-server.ts';
import { log } from './bench-format.ts';

export const ROOT = resolve(import.meta.dirname, '..');

const livePids = new Set<number>();
const tempDirs = new Set<string>();

/** Last resort for every exit path: synchronous, so it also runs from process.on('exit'). */
export function killEverything(): void {
  for (const pid of livePids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  livePids.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

let hooked = false;
/** Installs the exit, signal and crash hooks once; `benchName` labels their messages. */
export function installCleanupHooks(benchName = 'bench:fanout'): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killEverything);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n${benchName}: ${signal}, cleaning up\n`);
      killEverything();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`${benchName} failed: ${err.stack ?? String(err)}\n`);
    killEverything();
    process.exit(1);
  });
}

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Two or more cores and taskset on PATH: pin the server to core 0 and the load to core 1. */
export const canPin = cpus().length >= 2 && spawnSync('taskset', ['--version']).status === 0;
export const SERVER_CPU = 0;
export const LOAD_CPU = 1;

let pinning = canPin;
/** `--no-pin`: let the scheduler place everything (better on a machine busy with other work). */
export function disablePinning(): void {
  pinning = false;
}
export function isPinning(): boolean {
  return pinning;
}

export function pin(pid: number, cpu: number): void {
  if (pinning) spawnSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });
}

export interface ServerProcess {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  /** Wall-clock ms from just before the spawn to the time stamp of the server's 'listening' log line. */
  startMs: number;
  /** Resident set size of the server process, in kB (/proc/<pid>/status VmRSS). */
  rssKb(): number;
  /** User + system CPU time used so far, in seconds. */
  cpuSeconds(): number;
  /** Write syscalls made so far (/proc/<pid>/io syscw). */
  writeSyscalls(): number;
  /** Forces two full GCs in the server (bench/fanout-gc-hook.ts), then reads its memory. */
  collectAndMeasure(): Promise<{ rssKb: number; heapUsedKb: number }>;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  name: string;
  /** Entry file, relative to the repo root. */
  script: string;
  env: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  workDir: string;
}

/**
 * Runs `node --import tsx <script>` directly (not through the tsx CLI, which would put a
 * wrapper process between us and the server whose RSS we read).
 */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const logFile = join(options.workDir, `${options.name}.log`);
  const fd = openSync(logFile, 'w');
  const nodeArgs = [
    ...(options.nodeFlags ?? []),
    '--expose-gc',
    '--import',
    'tsx',
    '--import',
    join(ROOT, 'bench/fanout-gc-hook.ts'),
    join(ROOT, options.script),
  ];
  const spawnedAt = Date.now();
  const [cmd, args] = pinning ? ['taskset', ['-c', String(SERVER_CPU), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child: ChildProcess = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.name}`);
  livePids.add(pid);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.once('exit', () => livePids.delete(pid));

  const { url, at } = await waitForListening(child, logFile, 30_000);
  return {
    name: options.name,
    pid,
    url,
    logFile,
    startMs: at - spawnedAt,
    rssKb: () => readRssKb(pid),
    cpuSeconds: () => readCpuSeconds(pid),
    writeSyscalls: () => readWriteSyscalls(pid),
    async collectAndMeasure() {
      const seen = countGcLines(logFile);
      process.kill(pid, 'SIGUSR2');
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        const lines = gcLines(logFile);
        const last = lines[seen];
        if (last) {
          // Let the allocator hand freed pages back before reading RSS.
          await new Promise((r) => setTimeout(r, 300));
          return { rssKb: readRssKb(pid), heapUsedKb: Math.round(last.heapUsed / 1024) };
        }
      }
      throw new Error(`${options.name} did not answer the GC signal:\n${tail(logFile)}`);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The URL and the time stamp (epoch ms) of the 'listening' line; the poll is 50 ms, the stamp exact. */
async function waitForListening(child: ChildProcess, logFile: string, timeoutMs: number): Promise<{ url: string; at: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before listening:\n${tail(logFile)}`);
    }
    for (const line of readFileSync(logFile, 'utf8').split('\n')) {
      if (!line.includes('"listening"')) continue;
      try {
        const entry = JSON.parse(line) as { msg?: unknown; url?: unknown; time?: unknown };
        if (entry.msg === 'listening' && typeof entry.url === 'string') {
          // pino's time stamp (ISO or epoch ms); the poll time only when it has none.
          const at = typeof entry.time === 'string' ? Date.parse(entry.time) : typeof entry.time === 'number' ? entry.time : Date.now();
          return { url: entry.url, at: Number.isNaN(at) ? Date.now() : at };
        }
      } catch {
        // a partial line; read again
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not listen within ${timeoutMs} ms:\n${tail(logFile)}`);
}

function gcLines(file: string): { heapUsed: number }[] {
  const out: { heapUsed: number }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"fanout-gc"')) continue;
    try {
      out.push(JSON.parse(line) as { heapUsed: number });
    } catch {
      // partial line
    }
  }
  return out;
}

function countGcLines(file: string): number {
  return gcLines(file).length;
}

export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function readRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

/** Write syscalls (write, writev, sendmsg, …) the process has made (/proc/<pid>/io syscw; all threads). */
export function readWriteSyscalls(pid: number): number {
  const match = /syscw:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

const CLOCK_TICKS_PER_SECOND = 100;

export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at state (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** CPU seconds the whole machine spent busy so far (/proc/stat), all cores together. */
export function machineBusySeconds(): number {
  const first = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, ...ticks] = first.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Other sessions share this machine: before a measured step, wait (bounded per call and for
 * the whole run) until the rest of the machine uses under a third of a core, so a burst of
 * someone else's work does not land on one figure. Each step still reports the other CPU it saw.
 */
export function createQuietWaiter(options: { perCallMs: number; totalMs: number }): () => Promise<void> {
  let budgetMs = options.totalMs;
  return async () => {
    const deadline = Date.now() + Math.min(options.perCallMs, budgetMs);
    const started = Date.now();
    for (;;) {
      const before = machineBusySeconds();
      await new Promise((r) => setTimeout(r, 500));
      const busy = (machineBusySeconds() - before) / 0.5;
      if (busy < 0.33 || Date.now() >= deadline) break;
    }
    const waited = Date.now() - started - 500;
    budgetMs = Math.max(0, budgetMs - waited);
    if (waited > 1_000) log(`   (waited ${(waited / 1000).toFixed(1)} s for other work on the machine to calm down)`);
  };
}

export interface BenchRedis {
  url: string;
  pid: number | null;
  stop(): Promise<void>;
}

/**
 * A throwaway redis-server (test/support/redis-server.ts: free port, AOF everysec, temp dir),
 * pinned next to the server it serves. Its pid and folder are found through /proc so a crash
 * of the benchmark still removes them.
 */
export async function startBenchRedis(): Promise<BenchRedis> {
  const redis = await startRedisServer();
  const port = new URL(redis.url).port;
  const pid = findChildPid('redis-server', `:${port}`);
  if (pid !== null) {
    livePids.add(pid);
    pin(pid, SERVER_CPU);
    try {
      const dir = readlinkSync(`/proc/${pid}/cwd`);
      if (dir.startsWith(tmpdir()) && existsSync(dir)) tempDirs.add(dir);
    } catch {
      // not readable; redis.stop() still removes it on the normal path
    }
  }
  return {
    url: redis.url,
    pid,
    async stop() {
      await redis.stop();
      if (pid !== null) livePids.delete(pid);
    },
  };
}

function findChildPid(comm: string, argIncludes: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(comm) && cmdline.includes(argIncludes.slice(1))) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}
