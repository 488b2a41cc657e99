/**
 * One Redis for the whole test run: REDIS_URL if set, else a redis-server of our own on a
 * free port. Each test file isolates itself with its own key prefix. And one temporary folder
 * for the whole run (TMPDIR), which must be empty when the run ends (see run-temp-dir.ts).
 */
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RunningRedis } from './redis-server.ts';
import { assertRunLeftNothing, useRunTempDir, type RunTempDir } from './run-temp-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let running: RunningRedis | undefined;
let runTemp: RunTempDir | undefined;

export async function setup(project: TestProject): Promise<void> {
  // First, so redis-server and everything the tests start inherit the run's own TMPDIR.
  runTemp = useRunTempDir();
  const fromEnv = process.env['REDIS_URL'];
  if (fromEnv) {
    project.provide('redisUrl', fromEnv);
    return;
  }
  running = await startRedisServer();
  project.provide('redisUrl', running.url);
}

export async function teardown(): Promise<void> {
  await running?.stop();
  if (runTemp) await assertRunLeftNothing(runTemp);
}
