/**
 * A post whose Redis write stopped between its two steps (thread stored, author history not):
 * the author is told UNAVAILABLE, and their retry with the same key completes it and reaches
 * every reader of the thread exactly once. Redis only: the embedded store writes in one step.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { CommentCreatedEvent, ThreadSnapshot } from '../../protocol/events.ts';
import { createRedisStore } from '../../server/store/redis-store.ts';
import type { CommentStore } from '../../server/store/types.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';
import { deleteRedisKeys } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const PAGE = '/artikel/setengah-jadi';

describe('a post left half-done by a failing Redis step', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(): Promise<{ app: TestApp; store: CommentStore; prefix: string; url: string }> {
    const url = inject('redisUrl');
    const prefix = `it-half-${randomUUID()}`;
    const store = await createRedisStore({ url, prefix });
    cleanups.push(() => deleteRedisKeys(url, prefix));
    cleanups.push(() => store.close());
    const app = await startTestApp(store);
    cleanups.push(() => app.close());
    return { app, store, prefix, url };
  }

  async function joined(app: TestApp): Promise<{ socket: ReaderSocket; snapshot: ThreadSnapshot }> {
    const socket = await connectReader(app.url);
    cleanups.push(() => void socket.disconnect());
    const snapshot = await request(socket, 'thread:join', { page: PAGE });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    return { socket, snapshot: snapshot.data };
  }

  it('answers UNAVAILABLE, then completes on the retry with the same key and broadcasts it once', async () => {
    const { app, store, prefix, url } = await setUp();
    const author = await joined(app);
    const other = await joined(app);
    const seen: CommentCreatedEvent[] = [];
    other.socket.on('comment:created', (e) => seen.push(e));
    other.socket.on('thread:events', (batch) => seen.push(...batch.events.filter((e) => e.type === 'comment:created')));

    // A count that is not a number: the history write (HINCRBY) fails for real, while the
    // pipeline's history read before the write still works, so the thread write goes through.
    const admin = createClient({ url });
    await admin.connect();
    cleanups.push(() => admin.close());
    const counts = `${prefix}:{a:demo:${author.snapshot.viewer.authorId}}:h`;
    await admin.hSet(counts, 'approved', 'not a number');

    const payload = { page: PAGE, text: 'Semoga hilirisasi ini adil bagi warga sekitar tambang.', authorName: 'Sari', key: 'half-done-key-1' };
    const first = await request(author.socket, 'comment:create', payload);
    expect(first).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    await admin.del(counts);
    const retry = await request(author.socket, 'comment:create', payload);
    expect(retry.ok).toBe(true);
    const again = await request(author.socket, 'comment:create', payload);
    expect(again.ok).toBe(true);
    if (!retry.ok || !again.ok) return;
    expect(again.data.comment.id).toBe(retry.data.comment.id);

    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((e) => ({ seq: e.seq, id: e.comment.id, count: e.count }))).toEqual([{ seq: 1, id: retry.data.comment.id, count: 1 }]);
    expect((await store.getThreadPage('demo', PAGE, { sort: 'newest', cursor: null, limit: 20, repliesPerRoot: 50, viewerId: null })).count).toBe(1);
    expect((await store.getAuthorHistory('demo', author.snapshot.viewer.authorId)).approvedCount).toBe(1);
  });
});
