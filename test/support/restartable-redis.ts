/**
 * A throwaway redis-server that a fault test can stop and start again on the same port and
 * data folder, as an operator's restart does: AOF on with `appendfsync always` (each write on
 * disk before Redis answers it), so what Redis acknowledged must be there after any restart.
 * Never the machine's shared Redis, never the test run's one (global-setup.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REDIS_INSTALL_HINT } from './redis-server.ts';

export interface RestartableRedis {
  url: string;
  port: number;
  /** Whether a redis-server of ours is running now. */
  running(): boolean;
  /** Starts it again (same port, same folder); resolves once it has loaded its AOF and accepts connections. */
  start(): Promise<void>;
  /** SIGTERM (Redis's clean shutdown), waiting for the exit. */
  stop(): Promise<void>;
  /** Stops it if running and removes its folder. */
  cleanup(): Promise<void>;
}

export async function startRestartableRedis(): Promise<RestartableRedis> {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) throw new Error(REDIS_INSTALL_HINT);
  const dir = mkdtempSync(join(tmpdir(), 'rembuk-redis-faults-'));
  const port = await freePort();
  let child: ChildProcess | null = null;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = started;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${out}`)), 15_000);
      started.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        if (child === started) child = null;
        reject(new Error(`redis-server exited with ${code}:\n${out}`));
      });
    });

  const stop = async () => {
    const running: ChildProcess | null = child;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };

  try {
    await launch();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    running: () => child !== null,
    start: launch,
    stop,
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
