/**
 * Starts a throwaway Redis Cluster for tests: three masters (`redis-server --cluster-enabled yes`
 * on free ports, AOF `always`, data in one temp folder), joined by `redis-cli --cluster create`,
 * and waits until every node says `cluster_state:ok`. Never the machine's shared Redis.
 * REDIS_CLUSTER_URLS (comma-separated redis:// URLs of an existing cluster) overrides all of it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from 'redis';
import { afterAll, beforeAll } from 'vitest';
import { freePort, REDIS_INSTALL_HINT } from './redis-server.ts';

export interface RunningRedisCluster {
  /** One URL per master; node-redis's createCluster takes them as rootNodes. */
  urls: string[];
  stop(): Promise<void>;
}

const MASTERS = 3;

function startNode(dir: string, port: number): Promise<ChildProcess> {
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      '2000',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server (cluster node) did not start on port ${port}:\n${out}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server (cluster node) exited with ${code}:\n${out}`));
    });
  });
}

function clusterState(port: number): string {
  const info = spawnSync('redis-cli', ['-p', String(port), 'cluster', 'info'], { encoding: 'utf8' });
  return /cluster_state:(\w+)/.exec(info.stdout)?.[1] ?? 'unknown';
}

async function stopNodes(nodes: ChildProcess[]): Promise<void> {
  await Promise.all(
    nodes.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }),
  );
}

export async function startRedisCluster(): Promise<RunningRedisCluster> {
  const given = process.env['REDIS_CLUSTER_URLS'];
  if (given) return { urls: given.split(',').map((u) => u.trim()), stop: async () => {} };
  for (const tool of ['redis-server', 'redis-cli']) {
    const found = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (found.error || found.status !== 0) throw new Error(REDIS_INSTALL_HINT);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rembuk-redis-cluster-'));
  const nodes: ChildProcess[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < MASTERS; i++) {
      const port = await freePort();
      ports.push(port);
      nodes.push(await startNode(join(dir, String(port)), port));
    }
    const create = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${create.stdout}\n${create.stderr}`);
    // The nodes agree on the slot map by gossip: wait until each of them says the cluster is ok.
    const deadline = Date.now() + 20_000;
    while (ports.some((p) => clusterState(p) !== 'ok')) {
      if (Date.now() > deadline)
        throw new Error(`the cluster did not reach cluster_state:ok: ${ports.map((p) => `${p}=${clusterState(p)}`).join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      urls: ports.map((p) => `redis://127.0.0.1:${p}`),
      async stop() {
        await stopNodes(nodes);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopNodes(nodes);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Removes every key under a test's prefix from every master, leaving the rest of the cluster
 * alone: one DEL per key (a DEL of several keys of different slots is refused).
 */
export async function deleteClusterKeys(urls: readonly string[], prefix: string): Promise<void> {
  const client = createCluster({ rootNodes: urls.map((url) => ({ url })) });
  await client.connect();
  try {
    for (const master of client.masters) {
      const node = await client.nodeClient(master);
      for await (const batch of node.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
        await Promise.all(batch.map((key) => node.unlink(key)));
      }
    }
  } finally {
    await client.close();
  }
}

/**
 * A cluster for one test file: started before its tests, stopped after them. What it returns
 * reads the running cluster's URLs, so it is used inside tests and hooks, not at import.
 */
export function useRedisCluster(): { readonly urls: string[] } {
  let running: RunningRedisCluster | undefined;
  beforeAll(async () => {
    running = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  }, 30_000);
  return {
    get urls(): string[] {
      if (!running) throw new Error('the test cluster is not started yet: read its URLs inside a test or a hook');
      return running.urls;
    },
  };
}
