/**
 * One Redis for the whole test run: REDIS_URL if set, else a redis-server of our own on a
 * free port. Each test file isolates itself with its own key prefix.
 */
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RunningRedis } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let running: RunningRedis | undefined;

export async function setup(project: TestProject): Promise<void> {
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
}
