/**
 * Two in-process servers on one throwaway Redis, each with its own store connection and its own
 * classic Socket.IO adapter, as two processes started with REDIS_URL are. When B's adapter
 * subscriber loses Redis, whatever A publishes before B has subscribed again never reaches B
 * through Redis: B must fetch it from the store once its subscriber is back, or B's readers
 * would see it only at the next event's gap (and never, if no other event comes).
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommentCreated } from '../../protocol/events.ts';
import type { CommentStore } from '../../server/store/types.ts';
import { createRedisStore } from '../../server/store/redis-store.ts';
import { recordReader, untilThreadEvent, type EventRecorder, type ReaderBroadcasts } from '../support/event-recorder.ts';
import { newKey } from '../support/moderation-fixture.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';
import { startRestartableRedis, type RestartableRedis } from '../support/restartable-redis.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let redis: RestartableRedis;
beforeAll(async () => {
  redis = await startRestartableRedis();
}, 30_000);
afterAll(async () => {
  await redis?.cleanup();
}, 30_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fan-out between two servers after their subscribers lose Redis', () => {
  const stores: CommentStore[] = [];
  const servers: TestApp[] = [];
  const sockets: ReaderSocket[] = [];

  async function server(prefix: string): Promise<TestApp> {
    const store = await createRedisStore({ url: redis.url, prefix });
    stores.push(store);
    const app = await startTestApp(store, { fanout: { url: redis.url } });
    servers.push(app);
    return app;
  }

  async function reader(app: TestApp): Promise<ReaderSocket> {
    const socket = await connectReader(app.url);
    sockets.push(socket);
    return socket;
  }

  /** Posts until the store takes it: right after a restart the first tries may answer UNAVAILABLE. */
  async function postWhenPossible(socket: ReaderSocket, page: string, text: string): Promise<CommentCreated> {
    const key = newKey();
    const deadline = Date.now() + 10_000;
    for (;;) {
      const answer = await request(socket, 'comment:create', { page, text, authorName: 'Sari', key });
      if (answer.ok) return answer.data;
      if (answer.error.code !== 'UNAVAILABLE' || Date.now() > deadline) throw new Error(`${answer.error.code}: ${answer.error.message}`);
      await sleep(20);
    }
  }

  /** Two servers, a poster on A and a reader on B following `page`, fan-out shown to work first. */
  async function twoServers(page: string) {
    const prefix = `catch-up-${randomUUID()}`;
    const [a, b] = [await server(prefix), await server(prefix)];
    const poster = await reader(a);
    const onB = await reader(b);
    const events = recordReader(onB);
    const joined = await request(onB, 'thread:join', { page });
    if (!joined.ok) throw new Error(joined.error.message);
    const first = await postWhenPossible(poster, page, 'Sebelum gangguan.');
    await untilThreadEvent(events, (e) => e.type === 'comment:created' && e.comment.id === first.comment.id);
    return { poster, events };
  }

  /**
   * Waits until a post on A reaches B live again. The servers close only then: node-redis's
   * close waits for the replies of a resubscription still under way, and may wait forever.
   */
  async function fanoutBack(poster: ReaderSocket, events: EventRecorder<ReaderBroadcasts>, page: string): Promise<void> {
    const after = await postWhenPossible(poster, page, 'Sesudahnya.');
    await untilThreadEvent(events, (e) => e.type === 'comment:created' && e.comment.id === after.comment.id, 10_000);
  }

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  it('delivers to a reader on B a comment posted on A while B’s subscriber was reconnecting, with no further event', async () => {
    const page = '/langganan-putus';
    const { poster, events } = await twoServers(page);
    // Every subscriber connection is cut, again and again, for as long as the post takes, so A
    // publishes while no subscriber is there; A's store and publisher connections stay up.
    const admin = createClient({ url: redis.url });
    await admin.connect();
    let cutting = true;
    const cuts = (async () => {
      while (cutting) {
        await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
        await sleep(2);
      }
    })();
    try {
      let posted: CommentCreated;
      try {
        posted = await postWhenPossible(poster, page, 'Saat langganan putus.');
      } finally {
        cutting = false;
        await cuts;
      }
      const seen = await untilThreadEvent(events, (e) => e.type === 'comment:created' && e.comment.id === posted.comment.id, 5_000);
      expect(seen.seq).toBe(2);
      await fanoutBack(poster, events, page);
    } finally {
      await admin.close();
    }
  });

  it('delivers to a reader on B a comment posted on A right after Redis restarts, with no further event', async () => {
    const page = '/redis-mulai-lagi';
    const { poster, events } = await twoServers(page);
    await redis.stop();
    await redis.start();
    const posted = await postWhenPossible(poster, page, 'Segera setelah Redis kembali.');
    const seen = await untilThreadEvent(events, (e) => e.type === 'comment:created' && e.comment.id === posted.comment.id, 5_000);
    expect(seen.seq).toBe(2);
    await fanoutBack(poster, events, page);
  }, 30_000);
});
