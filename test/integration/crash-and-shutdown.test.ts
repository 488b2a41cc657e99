/**
 * The real server as a child process on the embedded store: an acknowledged comment
 * survives SIGKILL right after the ack, and SIGTERM stops it cleanly within 5 s.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { connectReader, request } from '../support/reader-client.ts';
import { deleteRedisKeys } from '../support/stores.ts';

const PAGE = '/crash-test';

describe('the server process', () => {
  const started: ChildServer[] = [];
  afterEach(async () => {
    for (const s of started.splice(0).reverse()) await s.cleanup();
  });

  it.each([
    ['embedded', () => ({})],
    ['redis', () => ({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `crash-${randomUUID()}` })],
  ] as const)('keeps a comment acknowledged just before it was killed with SIGKILL (%s store)', async (_kind, makeEnv) => {
    const env: Record<string, string> = makeEnv();
    const first = await startChildServer({ env });
    started.push(first);
    const socket = await connectReader(first.url);
    const acks = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        request(socket, 'comment:create', {
          page: PAGE,
          text: `Tidak boleh hilang #${i}`,
          authorName: 'Dewi',
          key: `crash-key-${i}-${Date.now()}`,
        }),
      ),
    );
    // Kill the moment the last ack is in: no shutdown hook runs.
    first.process.kill('SIGKILL');
    socket.disconnect();
    expect(acks.every((a) => a.ok)).toBe(true);
    const exit = await first.stop();
    expect(exit.signal).toBe('SIGKILL');
    // The process that held the journal is gone: nothing answers on its port any more.
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();

    const second = await startChildServer({ dataDir: first.dataDir, env });
    started.push(second);
    const res = await fetch(`${second.url}/api/v1/threads/demo/${encodeURIComponent(PAGE)}`);
    const body = (await res.json()) as { data: { count: number; comments: { text: string }[] } };
    expect(body.data.count).toBe(5);
    expect(body.data.comments.map((c) => c.text).sort()).toEqual(acks.map((_, i) => `Tidak boleh hilang #${i}`).sort());
    if (env['REDIS_URL'] && env['REDIS_PREFIX']) await deleteRedisKeys(env['REDIS_URL'], env['REDIS_PREFIX']);
  });

  it('stops cleanly within 5 s on SIGTERM, with every log line a JSON object', async () => {
    const server = await startChildServer();
    started.push(server);
    const socket = await connectReader(server.url);
    const posted = await request(socket, 'comment:create', {
      page: PAGE,
      text: 'sebelum berhenti',
      authorName: 'Dewi',
      key: `term-key-${Date.now()}`,
    });
    expect(posted.ok).toBe(true);
    const exit = await server.stop('SIGTERM');
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(5_000);
    const messages = server.logs.map((l) => l['msg']);
    expect(messages).toContain('shutting down');
    expect(messages).toContain('stopped cleanly');
    expect(server.logs.every((l) => typeof l['level'] === 'number' && typeof l['time'] === 'string')).toBe(true);
  });

  it('refuses to start with bad settings and says which', async () => {
    const error = await startChildServer({ env: { PORT: 'eighty', REDIS_URL: 'http://nope' } }).then(
      (s) => {
        started.push(s);
        return null;
      },
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
    expect(error?.message).toMatch(/PORT/);
    expect(error?.message).toMatch(/REDIS_URL/);
  });
});
