import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { rooms } from '../../protocol/events.ts';
import type { QueueCounts, QueueItem } from '../../protocol/moderation.ts';
import { openStore, type OpenedStore } from '../../test/support/stores.ts';
import { publicComment } from '../../protocol/comment-fixtures.ts';
import { silentLogger } from '../logger.ts';
import type { ConsoleNamespace } from './console-socket.ts';
import { createModerationFeed } from './moderation-feed.ts';

const item: QueueItem = {
  comment: publicComment('c1', 1, { page: '/p/', authorId: 'a1', authorName: 'Wati', text: 'Halo', status: 'pending' }),
  reasons: [],
  reports: [],
  parent: null,
  pageUrl: null,
  author: { authorId: 'a1', name: 'Wati', firstSeen: 1, approvedCount: 0, rejectedCount: 0, bannedUntil: null, trusted: false },
  decision: null,
  revision: 0,
};

interface Heard {
  counts: QueueCounts[];
  added: unknown[];
  resolved: unknown[];
}

describe('the moderation feed', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A real Socket.IO namespace whose sockets join their site's console room, as the real one does. */
  async function setup(options: { failReads?: boolean } = {}) {
    const opened: OpenedStore = await openStore('embedded');
    cleanups.push(() => opened.dispose());
    const http = createServer();
    const io = new Server(http);
    const namespace = io.of('/moderation') as unknown as ConsoleNamespace;
    namespace.on('connection', (socket) => {
      const { site } = socket.handshake.auth as { site: string };
      void socket.join(rooms.moderators(site));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/moderation`;

    const reads: string[] = [];
    const turns: (() => void)[] = [];
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const feed = createModerationFeed({
      store: {
        queueCounts: (site) => {
          reads.push(site);
          return options.failReads ? Promise.reject(new Error('store down')) : opened.store.queueCounts(site);
        },
      },
      logger: options.failReads ? logger : silentLogger(),
      namespace: () => namespace,
      schedule: (fn) => turns.push(fn),
    });

    const consoleOf = async (site: string): Promise<Heard> => {
      const socket: ClientSocket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { site } });
      cleanups.push(() => void socket.close());
      const heard: Heard = { counts: [], added: [], resolved: [] };
      socket.on('queue:counts', (counts: QueueCounts) => heard.counts.push(counts));
      socket.on('queue:added', (event: unknown) => heard.added.push(event));
      socket.on('queue:resolved', (event: unknown) => heard.resolved.push(event));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      // No wait for the join: Socket.IO runs the connection handler (an in-memory join) in the
      // same tick as it sends the connect packet.
      return heard;
    };
    const runTurn = () => {
      for (const fn of turns.splice(0)) fn();
    };
    return { feed, reads, turns, runTurn, warnings, consoleOf };
  }

  it('reads the counts once per site for all the changes of one turn, and sends each site its own', async () => {
    const { feed, reads, turns, runTurn, consoleOf } = await setup();
    const demo = await consoleOf('demo');
    const other = await consoleOf('other');
    for (let i = 0; i < 100; i += 1) feed.countsChanged('demo');
    feed.countsChanged('other');
    expect(turns).toHaveLength(1);
    expect(reads).toEqual([]);
    runTurn();
    expect(reads.sort()).toEqual(['demo', 'other']);
    await expect.poll(() => [demo.counts.length, other.counts.length]).toEqual([1, 1]);
    expect(demo.counts[0]).toEqual({ pending: 0, reported: 0, rejected: 0, approved: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([demo.counts.length, other.counts.length]).toEqual([1, 1]);
  });

  it('schedules a new read for a change after the turn ran', async () => {
    const { feed, reads, turns, runTurn } = await setup();
    feed.countsChanged('demo');
    runTurn();
    feed.countsChanged('demo');
    expect(turns).toHaveLength(1);
    runTurn();
    expect(reads).toEqual(['demo', 'demo']);
  });

  it('sends an added and a resolved item to the consoles of that site only', async () => {
    const { feed, consoleOf } = await setup();
    const demo = await consoleOf('demo');
    const other = await consoleOf('other');
    feed.added('demo', 'pending', item);
    feed.resolved('demo', { queue: 'pending', id: 'c1', page: '/p/', decision: null });
    await expect.poll(() => [demo.added.length, demo.resolved.length]).toEqual([1, 1]);
    expect(demo.added[0]).toEqual({ queue: 'pending', item });
    expect(demo.resolved[0]).toEqual({ queue: 'pending', id: 'c1', page: '/p/', decision: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(other).toEqual({ counts: [], added: [], resolved: [] });
  });

  it('logs a failed count read and keeps going', async () => {
    const { feed, runTurn, warnings, reads } = await setup({ failReads: true });
    feed.countsChanged('demo');
    runTurn();
    await expect.poll(() => warnings.length).toBe(1);
    expect(warnings[0]).toContain('could not read the queue counts');
    feed.countsChanged('demo');
    runTurn();
    expect(reads).toEqual(['demo', 'demo']);
  });

  it('does not fail when told of changes before the namespace exists', async () => {
    const turns: (() => void)[] = [];
    const reads: Promise<unknown>[] = [];
    const feed = createModerationFeed({
      store: {
        queueCounts: () => {
          const read = Promise.resolve({ pending: 1, reported: 0, rejected: 0, approved: 0 });
          reads.push(read);
          return read;
        },
      },
      logger: silentLogger(),
      namespace: () => null,
      schedule: (fn) => turns.push(fn),
    });
    expect(() => {
      feed.added('demo', 'pending', item);
      feed.resolved('demo', { queue: 'pending', id: 'c1', page: '/p/', decision: null });
      feed.countsChanged('demo');
      for (const fn of turns) fn();
    }).not.toThrow();
    // The counts arrive with no namespace to send them to; an error there would be an unhandled rejection, which fails the run.
    expect(reads).toHaveLength(1);
    await Promise.all(reads);
    await new Promise((resolve) => setImmediate(resolve));
  });
});
