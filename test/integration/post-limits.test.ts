/**
 * The limits on posting: the per-address limit holds across servers when it lives in Redis,
 * and a refused reader is told the real remaining wait of the limit that applies (the
 * per-address limit or the moderation policy's per-author velocity rule, the longer when both do).
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Result } from '../../protocol/errors.ts';
import type { CommentCreated } from '../../protocol/events.ts';
import { createPostRateLimit, createRedisPostRateLimit, type PostRateLimit } from '../../server/comments/post-rate-limit.ts';
import type { CommentStore } from '../../server/store/types.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';
import { deleteRedisKeys, openStore, type OpenedStore } from '../support/stores.ts';
import { moderationSettings, startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.ts';

const PAGE = '/batas-kirim';
let n = 0;
const key = () => `post-${Date.now().toString(36)}-${(n += 1)}`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function later(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

async function server(store: CommentStore, options: TestAppOptions): Promise<TestApp> {
  const app = await startTestApp(store, options);
  later(() => app.close());
  return app;
}

async function reader(app: TestApp): Promise<ReaderSocket> {
  const socket = await connectReader(app.url);
  later(() => {
    socket.disconnect();
    return Promise.resolve();
  });
  return socket;
}

const post = (socket: ReaderSocket, text: string): Promise<Result<CommentCreated>> =>
  request(socket, 'comment:create', { page: PAGE, text, authorName: 'Budi', key: key() });

const waitOf = (ack: Result<unknown>): number => (ack.ok ? 0 : (ack.error.retryAfterMs ?? 0));

describe('post limit across servers', () => {
  it('one address cannot post more than the limit in total through two servers on one Redis', async () => {
    const url = inject('redisUrl');
    const prefix = `it-${randomUUID()}`;
    later(() => deleteRedisKeys(url, prefix));
    const apps: TestApp[] = [];
    for (let i = 0; i < 2; i += 1) {
      // Each server keeps comments in a store of its own: what they share is the limit in Redis.
      const opened = await openStore('embedded');
      later(() => opened.dispose());
      const store = opened.store;
      const limit = await createRedisPostRateLimit({ url, prefix, postsPerMinute: 3 });
      later(() => limit.close());
      apps.push(await server(store, { postLimit: limit }));
    }
    const codes: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      // A new author each time, alternating servers: only the address is shared.
      const ack = await post(await reader(apps[i % 2] as TestApp), `komentar ${i}`);
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(3);
    expect(codes.slice(3).every((c) => c === 'RATE_LIMITED')).toBe(true);

    const admin = createClient({ url });
    await admin.connect();
    const limiterKeys = await admin.keys(`${prefix}:rl:*`);
    await admin.close();
    expect(limiterKeys.length).toBeGreaterThan(0);
  });
});

const LIMITERS = ['memory', 'redis'] as const;

describe.each(LIMITERS)('the wait a refused reader is told (%s post limit)', (kind) => {
  async function setup(postsPerMinute: number, velocity: { maxPosts: number; windowMs: number }, clock?: () => number) {
    let opened: OpenedStore | undefined = await openStore('embedded');
    later(async () => {
      await opened?.dispose();
      opened = undefined;
    });
    let postLimit: PostRateLimit;
    if (kind === 'redis') {
      const url = inject('redisUrl');
      const prefix = `it-${randomUUID()}`;
      const limit = await createRedisPostRateLimit({ url, prefix, postsPerMinute });
      later(async () => {
        await limit.close();
        await deleteRedisKeys(url, prefix);
      });
      postLimit = limit;
    } else {
      postLimit = createPostRateLimit({ postsPerMinute });
    }
    const app = await server(opened.store, {
      postLimit,
      moderation: { demo: moderationSettings({ velocity }) },
      ...(clock ? { clock } : {}),
    });
    return reader(app);
  }

  it('keeps the longer velocity wait when the address limit also refuses, instead of jumping down to it', async () => {
    const socket = await setup(3, { maxPosts: 2, windowMs: 600_000 });
    expect((await post(socket, 'satu')).ok).toBe(true);
    expect((await post(socket, 'dua')).ok).toBe(true);
    const third = await post(socket, 'tiga');
    expect(!third.ok && third.error.code).toBe('RATE_LIMITED');
    expect(waitOf(third)).toBeGreaterThan(590_000);
    const fourth = await post(socket, 'empat');
    expect(!fourth.ok && fourth.error.code).toBe('RATE_LIMITED');
    expect(waitOf(fourth)).toBeGreaterThan(590_000);
    expect(waitOf(fourth)).toBeLessThanOrEqual(waitOf(third));
    expect(!fourth.ok && fourth.error.message).toMatch(/10 minutes/);
  });

  it('tells the longer address wait when both limits refuse', async () => {
    const socket = await setup(2, { maxPosts: 2, windowMs: 10_000 });
    expect((await post(socket, 'satu')).ok).toBe(true);
    expect((await post(socket, 'dua')).ok).toBe(true);
    const third = await post(socket, 'tiga');
    expect(!third.ok && third.error.code).toBe('RATE_LIMITED');
    expect(waitOf(third)).toBeGreaterThan(50_000);
    expect(!third.ok && third.error.message).toMatch(/try again in \d+ s/);
  });

  it('a post refused by the velocity rule does not use up the address allowance, so the told wait is the real one', async () => {
    let offset = 0;
    const socket = await setup(3, { maxPosts: 2, windowMs: 10_000 }, () => Date.now() + offset);
    expect((await post(socket, 'satu')).ok).toBe(true);
    expect((await post(socket, 'dua')).ok).toBe(true);
    const refused = await post(socket, 'tiga');
    expect(!refused.ok && refused.error.code).toBe('RATE_LIMITED');
    expect(waitOf(refused)).toBeLessThanOrEqual(10_000);
    // The reader waits as told (the velocity rule reads the injected clock) and posts again.
    offset += waitOf(refused) + 1;
    const after = await post(socket, 'tiga lagi');
    expect(after.ok).toBe(true);
  });
});
