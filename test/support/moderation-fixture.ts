/**
 * The thread fixture (one store, one server, its readers) plus signed-in moderators' consoles,
 * all torn down after each test. The moderation integration suites call it inside a
 * `describe.each(STORE_KINDS)`.
 */
import { afterEach } from 'vitest';
import type { CommentCreated } from '../../protocol/events.ts';
import type { Result } from '../../protocol/errors.ts';
import type { ModeratorAccount } from '../../server/store/moderator-types.ts';
import { recordReader, type EventRecorder, type ReaderBroadcasts } from './event-recorder.ts';
import { signedInConsole, type SignedInConsole } from './moderator-client.ts';
import { request, type ReaderOptions, type ReaderSocket } from './reader-client.ts';
import type { StoreKind } from './stores.ts';
import type { TestAppOptions } from './test-app.ts';
import { useThreadFixture, type ThreadFixture } from './thread-fixture.ts';

/** A second moderator of the demo site, for tests with two consoles. */
export const RINA: Partial<ModeratorAccount> = { id: 'mod-rina', email: 'rina@example.com' };

export interface WatchingReader {
  socket: ReaderSocket;
  authorId: string;
  token: string;
  /** The thread's seq in the snapshot it joined with. */
  seq: number;
  events: EventRecorder<ReaderBroadcasts>;
  /** Posts on the page it joined. */
  post(text: string, authorName?: string): Promise<Result<CommentCreated>>;
}

export interface ModerationFixture extends ThreadFixture {
  /** A signed-in console of `site` (Dewi unless `over` names another account). */
  console(over?: Partial<ModeratorAccount>, site?: string): Promise<SignedInConsole>;
  /** A reader that joined `page` and records what it receives from the first broadcast on. */
  watching(page: string, options?: ReaderOptions): Promise<WatchingReader>;
}

let keys = 0;
/** A fresh idempotency key. */
export const newKey = () => `mod-it-${Date.now().toString(36)}-${(keys += 1)}`;

export function useModerationFixture(kind: StoreKind, options: TestAppOptions = {}): ModerationFixture {
  const fx = useThreadFixture(kind, options);
  const consoles: SignedInConsole[] = [];
  afterEach(() => {
    for (const c of consoles.splice(0)) c.socket.disconnect();
  });
  return {
    get opened() {
      return fx.opened;
    },
    get server() {
      return fx.server;
    },
    restart: (next) => fx.restart(next),
    reader: (readerOptions) => fx.reader(readerOptions),
    joined: (page, readerOptions) => fx.joined(page, readerOptions),
    async console(over = {}, site = 'demo') {
      const opened = await signedInConsole(fx.server.url, fx.opened.store, over, site);
      consoles.push(opened);
      return opened;
    },
    async watching(page, readerOptions = {}) {
      const socket = await fx.reader(readerOptions);
      const events = recordReader(socket);
      const joined = await request(socket, 'thread:join', { page });
      if (!joined.ok) throw new Error(joined.error.message);
      const { viewer, seq } = joined.data;
      return {
        socket,
        authorId: viewer.authorId,
        token: viewer.token,
        seq,
        events,
        post: (text, authorName = 'Wati') => request(socket, 'comment:create', { page, text, authorName, key: newKey() }),
      };
    },
  };
}
