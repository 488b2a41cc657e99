/**
 * The real server (server/main.ts, two child processes) started with REDIS_CLUSTER_URLS on a
 * three-master Redis Cluster the test starts: the store, the live fan-out (sharded adapter) and
 * the post limit all on the cluster, as production wires them; and REDIS_URL beside it refused.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { untilThreadEvent, recordReader } from '../support/event-recorder.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';
import { deleteClusterKeys, useRedisCluster } from '../support/redis-cluster.ts';

const PAGE = '/2025/03/cluster-servers/';

const cluster = useRedisCluster();

describe('server processes on a Redis Cluster', () => {
  const started: ChildServer[] = [];
  const sockets: ReaderSocket[] = [];
  const prefix = `servers-${randomUUID()}`;
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    for (const s of started.splice(0).reverse()) await s.cleanup();
    await deleteClusterKeys(cluster.urls, prefix);
  });

  it('serves one audience from two processes: a comment posted on B reaches a reader on A live, and the post allowance is one', async () => {
    // Several servers share one SECRET, as the README says.
    const env = {
      REDIS_CLUSTER_URLS: cluster.urls.join(','),
      REDIS_PREFIX: prefix,
      SECRET: randomBytes(24).toString('hex'),
      RATE_LIMIT_POSTS_PER_MINUTE: '3',
    };
    const [a, b] = await Promise.all([startChildServer({ env }), startChildServer({ env })]);
    started.push(a, b);
    const reader = await connectReader(a.url);
    const writer = await connectReader(b.url);
    sockets.push(reader, writer);
    const events = recordReader(reader);
    for (const socket of [reader, writer]) expect((await request(socket, 'thread:join', { page: PAGE })).ok).toBe(true);

    const post = (socket: ReaderSocket, text: string) =>
      request(socket, 'comment:create', { page: PAGE, text, authorName: 'Wati', key: randomUUID() });
    const ack = await post(writer, 'Lewat server B, dibaca di server A.');
    expect(ack.ok && ack.data.comment.status).toBe('published');
    if (!ack.ok) return;
    expect(await untilThreadEvent(events, (e) => e.type === 'comment:created' && e.comment.id === ack.data.comment.id)).toMatchObject({
      page: PAGE,
      count: 1,
    });

    // Three posts a minute from this address, counted in the cluster across both servers: the fourth is refused on either.
    expect((await post(reader, 'Kedua, lewat A.')).ok).toBe(true);
    expect((await post(reader, 'Ketiga, lewat A.')).ok).toBe(true);
    const fourth = await post(writer, 'Keempat, lewat B.');
    expect(!fourth.ok && fourth.error.code).toBe('RATE_LIMITED');

    expect(await (await fetch(`${a.url}/healthz`)).json()).toMatchObject({ ok: true });
    for (const server of [a, b]) {
      // Nothing fell back or failed on the way: no Redis warnings or errors in either log.
      expect(server.logs.filter((l) => Number(l['level']) >= 40).map((l) => l['msg'])).toEqual([]);
      expect(await server.stop('SIGTERM')).toMatchObject({ code: 0 });
    }
  });

  it('refuses REDIS_URL and REDIS_CLUSTER_URLS together and says so', async () => {
    const error = await startChildServer({ env: { REDIS_URL: 'redis://127.0.0.1:1', REDIS_CLUSTER_URLS: cluster.urls.join(',') } }).then(
      (s) => {
        started.push(s);
        return null;
      },
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
    expect(error?.message).toMatch(/REDIS_CLUSTER_URLS: set either REDIS_URL .* not both/);
  });
});
