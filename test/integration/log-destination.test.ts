/**
 * The real server with a log destination that fails or stops reading: it must go on serving
 * and stop on SIGTERM. The child's stdout is not ours to read here, so it gets a fixed free
 * port and the test polls /healthz instead of waiting for the 'listening' line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/redis-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Started {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  dataDir: string;
}

async function startWithStdout(stdout: number | 'pipe'): Promise<Started> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rembuk-logs-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_POSTS_PER_MINUTE: '100000',
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${stderr}`);
    const answered = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
      (res) => res.status,
      () => null,
    );
    if (answered === 200) break;
    if (Date.now() > deadline) {
      // A server frozen on its log must not outlive the test that found it.
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`/healthz did not answer 200 within 20 s\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, stderr: () => stderr, dataDir };
}

/** Sends SIGTERM and resolves with how long the process took to exit. */
async function terminate(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  if (child.exitCode !== null) return { code: child.exitCode, ms: 0 };
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 8_000));
  const code = await Promise.race([exited, timeout]);
  return { code: code === 'timeout' ? -1 : code, ms: Date.now() - started };
}

/**
 * Makes the server log `count` lines: at debug level, every request sent without an ack
 * callback is logged and ignored. The acknowledged join after them proves all were handled.
 * An untyped socket, since the protocol's types (rightly) want an ack on every request.
 */
async function makeItLog(url: string, count: number): Promise<void> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { site: 'demo' }, extraHeaders: { origin: url } });
  try {
    await new Promise<void>((resolveConnect, reject) => {
      socket.once('connect', () => resolveConnect());
      socket.once('connect_error', reject);
    });
    for (let i = 0; i < count; i += 1)
      socket.emit('comment:create', { page: '/logs', text: `Baris log #${i}`, authorName: 'Dewi', key: `log-key-${i}` });
    const joined: unknown = await socket.timeout(10_000).emitWithAck('thread:join', { page: '/logs' });
    expect(joined).toMatchObject({ ok: true });
  } finally {
    socket.disconnect();
  }
}

describe('the server process when its log destination fails', () => {
  const children: Started[] = [];
  afterEach(() => {
    for (const s of children.splice(0)) {
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });

  it('keeps answering /healthz within a second and stops on SIGTERM within 5 s while every log write fails with ENOSPC', async () => {
    const full = openSync('/dev/full', 'w');
    let server: Started;
    try {
      server = await startWithStdout(full);
    } finally {
      closeSync(full);
    }
    children.push(server);
    await makeItLog(server.url, 2_000);
    const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    expect(res.status).toBe(200);
    const exit = await terminate(server.child);
    expect(exit.ms).toBeLessThan(5_000);
    expect(exit.code).toBe(0);
  }, 45_000);

  it('keeps serving and stops on SIGTERM within 5 s when the log reader stops reading', async () => {
    // A pipe nobody reads: the first few hundred KB fill it, and every write after that waits.
    const server = await startWithStdout('pipe');
    children.push(server);
    server.child.stdout?.pause();
    await makeItLog(server.url, 20_000);
    const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    expect(res.status).toBe(200);

    // Reading again: the lines that did not fit were dropped, counted, and the count is logged.
    const report = new Promise<Record<string, unknown>>((resolveReport) => {
      let buffer = '';
      server.child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.includes('log lines were dropped')) resolveReport(JSON.parse(line) as Record<string, unknown>);
        }
      });
      server.child.stdout?.resume();
    });
    const dropped = await Promise.race([report, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
    expect(dropped).toMatchObject({ level: 40, reason: 'the destination could not keep up' });
    expect(Number(dropped?.['dropped'])).toBeGreaterThan(0);

    const exit = await terminate(server.child);
    expect(exit.ms).toBeLessThan(5_000);
    expect(exit.code).toBe(0);
  }, 60_000);
});
