/**
 * Runs the real server (server/main.ts) as a child process, the way `npm start` does, and
 * reads its JSON logs to know when it listens. For crash, shutdown and browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  dataDir: string;
  /** Every JSON log line printed so far. */
  logs: Record<string, unknown>[];
  /** Sends SIGTERM and resolves with the exit code and how long it took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** Removes the data directory (when this harness made it). */
  cleanup(): Promise<void>;
}

export interface ChildServerOptions {
  env?: Record<string, string>;
  /** Reuse a data directory (restart after a crash); a temporary one otherwise. */
  dataDir?: string;
}

export async function startChildServer(options: ChildServerOptions = {}): Promise<ChildServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'rembuk-server-'));
  // `node --import tsx`, not the tsx CLI: the CLI runs the server in a second process, so a
  // SIGKILL would kill only the wrapper and leave the real server running (no crash at all).
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      RATE_LIMIT_POSTS_PER_MINUTE: '1000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const listening = new Promise<string>((resolveUrl, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s\n${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry['msg'] === 'listening' && typeof entry['url'] === 'string') {
            clearTimeout(timer);
            resolveUrl(entry['url']);
          }
        } catch {
          // not a log line
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stderr}`));
    });
  });
  // A server that never listened is never handed to the test, so nothing else would stop it or
  // remove the data directory made for it.
  const url = await listening.catch(async (err: unknown) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  return {
    url,
    process: child,
    dataDir,
    logs,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const started = Date.now();
      if (child.exitCode !== null || child.signalCode !== null) {
        return { code: child.exitCode, signal: child.signalCode, ms: 0 };
      }
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
        child.once('exit', (code, sig) => r({ code, signal: sig })),
      );
      child.kill(signal);
      const result = await exited;
      return { ...result, ms: Date.now() - started };
    },
    cleanup() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
